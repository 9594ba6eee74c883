#include "plugins/pinterest/time_text.hpp"

#include <date/date.h>

#include <chrono>
#include <regex>
#include <sstream>

namespace pinterest {

namespace {

using Millis = date::sys_time<std::chrono::milliseconds>;

// The shapes accepted, checked before date::parse, which reads loosely (a seconds field of "nan"
// becomes undefined behaviour inside it). Every field is fixed-width digits.
bool has_shape(std::string_view text, const std::regex &shape) {
  return std::regex_match(text.begin(), text.end(), shape);
}

const std::regex &rfc3339_shape() {
  static const std::regex re(
      R"(^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})?$)");
  return re;
}

const std::regex &http_date_shape() {
  static const std::regex re(R"(^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$)");
  return re;
}

// Parses all of text with one date::parse format, or nothing. g++ 12 at -O2 sees date::parse's
// seconds field as maybe uninitialized when inlined here (a false positive: it is only read
// after a successful read).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
std::optional<int64_t> parse_with(std::string_view text, const char *format) {
  std::istringstream in{std::string(text)};
  Millis tp;
  in >> date::parse(format, tp);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return tp.time_since_epoch().count();
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace

std::string format_rfc3339(int64_t unix_ms) {
  const Millis tp{std::chrono::milliseconds(unix_ms)};
  return date::format("%FT%TZ", date::floor<std::chrono::seconds>(tp));
}

std::optional<int64_t> parse_time(std::string_view text) {
  if (!has_shape(text, rfc3339_shape())) return std::nullopt;
  std::string s(text);
  s[10] = 'T';
  if (s.back() == 'Z' || s.back() == 'z') {
    s.pop_back();
    return parse_with(s, "%FT%T");
  }
  if (auto v = parse_with(s, "%FT%T%Ez")) return v;
  return parse_with(s, "%FT%T");
}

std::optional<int64_t> parse_http_date(std::string_view text) {
  if (!has_shape(text, http_date_shape())) return std::nullopt;
  return parse_with(text, "%a, %d %b %Y %T GMT");
}

}  // namespace pinterest
