// RFC 3339 timestamps, the only textual time format letmepost reads or writes (scheduledAt,
// resetAt, expiresAt, the state database).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace lmp {

// A point in time; UTC by construction (system_clock counts Unix time).
using TimePoint = std::chrono::system_clock::time_point;

// Parses an RFC 3339 date-time ("2026-12-01T09:00:00Z", "2026-12-01T10:00:00.250+01:00"): a full
// date, 'T' (or 't'), a time with optional fractional seconds, and 'Z' (or 'z') or a numeric
// offset. Returns nullopt for anything else, including a missing offset, an impossible date or
// time, an offset outside -23:59..+23:59, leap second 60, and a time the clock cannot hold
// (before 1678 or after 2261). Fractional digits beyond the clock's
// precision are dropped (truncated), never rounded.
std::optional<TimePoint> parse_rfc3339(std::string_view text);

// Formats `tp` in UTC with whole seconds: "2026-12-01T09:00:00Z" (the sub-second part is
// floored away). Fixed width for years 0000-9999, so such strings sort in time order.
std::string format_rfc3339(TimePoint tp);

// Formats `tp` in UTC with exactly three fractional digits: "2026-12-01T09:00:00.250Z"
// (floored to the millisecond). Fixed width for years 0000-9999.
std::string format_rfc3339_ms(TimePoint tp);

}  // namespace lmp
