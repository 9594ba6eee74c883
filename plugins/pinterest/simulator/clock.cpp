#include "plugins/pinterest/simulator/clock.hpp"

#include <date/date.h>

#include <sstream>

namespace lmp::sim {

TimePoint SimClock::now() const {
  return std::chrono::system_clock::now() + offset();
}

void SimClock::advance(std::chrono::milliseconds by) {
  if (by.count() > 0) offset_ms_ += by.count();
}

std::chrono::milliseconds SimClock::offset() const {
  return std::chrono::milliseconds(offset_ms_.load());
}

std::string pinterest_time(TimePoint tp) {
  return date::format("%FT%T", std::chrono::floor<std::chrono::seconds>(tp));
}

std::string iso_time_ms(TimePoint tp) {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::milliseconds>(tp));
}

std::string amz_date(TimePoint tp) {
  return date::format("%Y%m%dT%H%M%SZ", std::chrono::floor<std::chrono::seconds>(tp));
}

std::optional<TimePoint> parse_iso_time(std::string_view text) {
  std::istringstream in{std::string(text)};
  date::sys_time<std::chrono::milliseconds> tp;
  in >> date::parse("%FT%TZ", tp);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return TimePoint(tp);
}

long long unix_seconds(TimePoint tp) {
  return std::chrono::duration_cast<std::chrono::seconds>(tp.time_since_epoch()).count();
}

}  // namespace lmp::sim
