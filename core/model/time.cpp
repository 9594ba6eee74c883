#include "core/model/time.hpp"

#include <date/date.h>

#include <regex>
#include <sstream>

namespace lmp {

namespace {

// The RFC 3339 grammar's shape (section 5.6). date::parse accepts looser input (one-digit
// fields, offsets like +05:99), so the shape is checked first and date::parse reads the values.
// Group 1: everything before the fraction; 2: the fraction's digits; 3: the zone.
const std::regex &rfc3339_shape() {
  static const std::regex re(
      R"(^(\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$)",
      std::regex::ECMAScript | std::regex::optimize);
  return re;
}

// Fractional digits a system_clock duration can hold (9 for nanoseconds).
constexpr size_t kMaxFractionDigits = [] {
  size_t digits = 0;
  for (auto den = std::chrono::system_clock::period::den; den > 1; den /= 10) ++digits;
  return digits;
}();

}  // namespace

std::optional<TimePoint> parse_rfc3339(std::string_view text) {
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, rfc3339_shape())) return std::nullopt;

  // Rebuild a canonical form date::parse reads strictly: upper-case 'T', "+00:00" for 'Z'. The
  // fraction is read apart, so whole seconds parse without overflow for any four-digit year.
  std::string canonical = m[1].str();
  canonical[10] = 'T';
  const std::string zone = m[3].str();
  canonical += (zone == "Z" || zone == "z") ? "+00:00" : zone;

  std::istringstream in(canonical);
  date::sys_seconds seconds;
  in >> date::parse("%FT%T%Ez", seconds);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  // system_clock holds about 1678..2261 in nanoseconds; later or earlier times are refused.
  using Duration = TimePoint::duration;
  const auto limit =
      std::chrono::floor<std::chrono::seconds>(Duration::max()) - std::chrono::seconds(1);
  if (seconds.time_since_epoch() > limit || seconds.time_since_epoch() < -limit)
    return std::nullopt;

  Duration fraction{0};
  if (m[2].matched) {
    std::string digits = m[2].str().substr(0, kMaxFractionDigits);
    digits.resize(kMaxFractionDigits, '0');
    fraction = Duration(std::stoll(digits));
  }
  return TimePoint(std::chrono::duration_cast<Duration>(seconds.time_since_epoch()) + fraction);
}

std::string format_rfc3339(TimePoint tp) {
  return date::format("%FT%TZ", date::floor<std::chrono::seconds>(tp));
}

std::string format_rfc3339_ms(TimePoint tp) {
  return date::format("%FT%TZ", date::floor<std::chrono::milliseconds>(tp));
}

}  // namespace lmp
