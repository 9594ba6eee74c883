#include "plugins/pinterest/rate_limit.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "plugins/pinterest/time_text.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The leading number of s ("100", "1.5", "100, 100;w=60" gives 100). Rejects negatives.
std::optional<double> leading_number(std::string_view s) {
  s = trim(s);
  const size_t end = s.find_first_of(",;");
  s = trim(s.substr(0, end));
  if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s.front())))) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int64_t> whole_number(std::string_view s) {
  auto v = leading_number(s);
  if (!v || *v > 9e15) return std::nullopt;
  return static_cast<int64_t>(*v);
}

// The longest Retry-After taken as meant (a year); longer ones are ignored.
constexpr double kLongestWaitS = 366.0 * 24 * 3600;

}  // namespace

std::optional<int64_t> parse_reset(std::string_view value, int64_t now_ms) {
  auto v = leading_number(value);
  if (!v || *v > 9e15) return std::nullopt;
  if (*v >= 1e12) return static_cast<int64_t>(*v);
  if (*v >= 1e9) return static_cast<int64_t>(*v * 1000.0);
  return now_ms + static_cast<int64_t>(std::ceil(*v * 1000.0));
}

std::optional<RateLimit> parse_rate_limit(const Reply &reply, int64_t now_ms) {
  RateLimit rl;
  if (auto h = reply.header("x-ratelimit-limit")) rl.limit = whole_number(*h);
  if (auto h = reply.header("x-ratelimit-remaining")) rl.remaining = whole_number(*h);
  if (auto h = reply.header("x-ratelimit-reset")) rl.reset_at_ms = parse_reset(*h, now_ms);
  if (!rl.limit && !rl.remaining && !rl.reset_at_ms) return std::nullopt;
  return rl;
}

json::object rate_limit_json(const RateLimit &rl) {
  return json::object{
      {"limit", rl.limit ? json::value(*rl.limit) : json::value(nullptr)},
      {"remaining", rl.remaining ? json::value(*rl.remaining) : json::value(nullptr)},
      {"resetAt",
       rl.reset_at_ms ? json::value(format_rfc3339(*rl.reset_at_ms)) : json::value(nullptr)}};
}

std::optional<int64_t> retry_after_ms(const Reply &reply, int64_t now_ms) {
  if (auto h = reply.header("retry-after")) {
    if (auto secs = leading_number(*h); secs && *secs <= kLongestWaitS) {
      return static_cast<int64_t>(std::ceil(*secs * 1000.0));
    }
    if (auto when = parse_http_date(trim(*h))) return std::max<int64_t>(0, *when - now_ms);
  }
  if (auto h = reply.header("x-ratelimit-reset")) {
    if (auto when = parse_reset(*h, now_ms); when && *when > now_ms) return *when - now_ms;
  }
  return std::nullopt;
}

}  // namespace pinterest
