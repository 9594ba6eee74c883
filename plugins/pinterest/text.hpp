// Text rules Pinterest counts by: code points, http(s) URLs, query encoding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pinterest {

// The number of Unicode code points in UTF-8 text (what Pinterest's limits count). Bytes of a
// malformed sequence count one each, so the count never undershoots the byte length's meaning.
size_t count_code_points(std::string_view utf8);

// True when url is an absolute http:// or https:// URL with a host (case-insensitive scheme).
bool is_http_url(std::string_view url);

// The scheme, host and port of an absolute http(s) URL ("http://127.0.0.1:4000"), or "" when it
// has none.
std::string url_origin(std::string_view url);

// Percent-encodes s for a query component: every byte but A-Z a-z 0-9 - . _ ~ is escaped.
std::string percent_encode(std::string_view s);

// "k1=v1&k2=v2" with keys and values percent-encoded, in the given order.
std::string query_string(const std::vector<std::pair<std::string, std::string>> &params);

// True when needle occurs in haystack, ignoring ASCII case.
bool contains_ci(std::string_view haystack, std::string_view needle);

}  // namespace pinterest
