// Time as the adapter reads and writes it: RFC 3339 (ABI documents), Pinterest's zone-less
// created_at, and HTTP dates (Retry-After). All values are Unix milliseconds, UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pinterest {

// "2026-11-28T12:00:00Z" for a Unix time in ms (whole seconds, UTC).
std::string format_rfc3339(int64_t unix_ms);

// Reads an RFC 3339 time ("2026-11-28T12:00:00Z", "...+02:00", with or without a fraction), or
// Pinterest's zone-less "2022-10-13T01:40:29" (read as UTC). nullopt when it is neither.
std::optional<int64_t> parse_time(std::string_view text);

// Reads an HTTP date ("Sun, 06 Nov 1994 08:49:37 GMT"). nullopt when it is not one.
std::optional<int64_t> parse_http_date(std::string_view text);

}  // namespace pinterest
