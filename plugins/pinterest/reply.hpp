// One HTTP reply as the adapter keeps it: status, the few headers it reads, the body, or why no
// reply arrived. Owned copies, so a reply outlives the host's response handle.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pinterest {

// The header names the adapter reads from any reply (lower case).
inline constexpr const char *kReadHeaders[] = {
    "x-pinterest-rid",       "retry-after",       "x-ratelimit-limit",
    "x-ratelimit-remaining", "x-ratelimit-reset", "content-type",
    "content-range",         "content-length",    "x-ratelimit-category",
};

struct Reply {
  int status = 0;                              // 0 when no reply arrived
  std::map<std::string, std::string> headers;  // lower-cased names, only kReadHeaders
  std::string body;
  std::string transport_kind;     // abi-json.md http_error kind when status is 0
  std::string transport_message;  // its message (never a credential)

  // The header's value, if the reply had it. name must be lower case.
  std::optional<std::string_view> header(std::string_view name) const {
    auto it = headers.find(std::string(name));
    if (it == headers.end()) return std::nullopt;
    return std::string_view(it->second);
  }
  // True when a reply arrived with a 2xx status.
  bool ok() const { return status >= 200 && status < 300; }
};

}  // namespace pinterest
