#include "plugins/pinterest/time_text.hpp"

#include <date/date.h>

#include <chrono>
#include <sstream>

namespace pinterest {

namespace {

using Millis = date::sys_time<std::chrono::milliseconds>;

// Parses all of text with one date::parse format, or nothing.
std::optional<int64_t> parse_with(std::string_view text, const char *format) {
  std::istringstream in{std::string(text)};
  Millis tp;
  in >> date::parse(format, tp);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return tp.time_since_epoch().count();
}

}  // namespace

std::string format_rfc3339(int64_t unix_ms) {
  const Millis tp{std::chrono::milliseconds(unix_ms)};
  return date::format("%FT%TZ", date::floor<std::chrono::seconds>(tp));
}

std::optional<int64_t> parse_time(std::string_view text) {
  if (text.size() < 19 || (text[10] != 'T' && text[10] != 't')) return std::nullopt;
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
  return parse_with(text, "%a, %d %b %Y %T GMT");
}

}  // namespace pinterest
