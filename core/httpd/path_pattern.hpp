// Path patterns for routing ("/v1/posts/{id}"), shared by the simulator and `letmepost serve`.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace lmp::httpd {

// True when `path` matches `pattern`; fills `params` (if given) with the {name} segments.
// {name} matches one non-empty segment. A pattern ending in "*" matches any path that starts
// with what precedes the '*'.
bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string> *params = nullptr);

}  // namespace lmp::httpd
