// The simulator's clock: wall time plus an offset that the control API can move forward, so
// tests expire tokens, policies and rate-limit windows without waiting.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace lmp::sim {

using TimePoint = std::chrono::system_clock::time_point;

// Thread-safe.
class SimClock {
 public:
  // Wall time plus the offset.
  TimePoint now() const;
  // Moves the clock forward by `by` (never backwards: negative values are ignored).
  void advance(std::chrono::milliseconds by);
  // The total offset from wall time.
  std::chrono::milliseconds offset() const;

 private:
  std::atomic<long long> offset_ms_{0};
};

// "2022-10-13T01:40:29" in UTC, Pinterest's created_at format (no zone letter).
std::string pinterest_time(TimePoint tp);
// "2022-10-13T01:40:29.123Z" in UTC.
std::string iso_time_ms(TimePoint tp);
// "20220127T185143Z", the x-amz-date format.
std::string amz_date(TimePoint tp);
// Parses "2022-01-27T19:51:43.000Z" or "2022-01-27T19:51:43Z"; nullopt when malformed.
std::optional<TimePoint> parse_iso_time(std::string_view text);
// Whole seconds since the Unix epoch.
long long unix_seconds(TimePoint tp);

}  // namespace lmp::sim
