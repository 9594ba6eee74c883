// Pinterest's x-ratelimit-* headers, read into rateLimit whatever the reset's unit.
#include <catch2/catch.hpp>

#include "plugins/pinterest/rate_limit.hpp"
#include "plugins/pinterest/time_text.hpp"

namespace {

constexpr int64_t kNow = 1'796'000'000'000;  // 2026-11-30T00:53:20Z

pinterest::Reply with(std::map<std::string, std::string> headers) {
  pinterest::Reply r;
  r.status = 200;
  r.headers = std::move(headers);
  return r;
}

}  // namespace

TEST_CASE("reset accepts epoch seconds, epoch ms and seconds to the reset", "[pinterest][rate]") {
  CHECK(pinterest::parse_reset("30", kNow) == kNow + 30000);
  CHECK(pinterest::parse_reset(" 1.5 ", kNow) == kNow + 1500);
  CHECK(pinterest::parse_reset("1796000060", kNow) == kNow + 60000);
  CHECK(pinterest::parse_reset("1796000060000", kNow) == kNow + 60000);
  CHECK(pinterest::parse_reset("0", kNow) == kNow);
  CHECK_FALSE(pinterest::parse_reset("soon", kNow));
  CHECK_FALSE(pinterest::parse_reset("-5", kNow));
  CHECK_FALSE(pinterest::parse_reset("", kNow));
  CHECK_FALSE(pinterest::parse_reset("1e400", kNow));
}

TEST_CASE("rate-limit headers become limit, remaining and resetAt", "[pinterest][rate]") {
  auto rl = pinterest::parse_rate_limit(with({{"x-ratelimit-limit", "100"},
                                              {"x-ratelimit-remaining", "97"},
                                              {"x-ratelimit-reset", "60"}}),
                                        kNow);
  REQUIRE(rl);
  CHECK(rl->limit == 100);
  CHECK(rl->remaining == 97);
  CHECK(rl->reset_at_ms == kNow + 60000);
  boost::json::object j = pinterest::rate_limit_json(*rl);
  CHECK(j.at("limit") == 100);
  CHECK(j.at("remaining") == 97);
  CHECK(j.at("resetAt") == "2026-11-30T00:54:20Z");
}

TEST_CASE("draft-style lists count by their first number; junk is ignored", "[pinterest][rate]") {
  auto rl = pinterest::parse_rate_limit(
      with({{"x-ratelimit-limit", "100, 100;w=60"}, {"x-ratelimit-remaining", "many"}}), kNow);
  REQUIRE(rl);
  CHECK(rl->limit == 100);
  CHECK_FALSE(rl->remaining);
  CHECK_FALSE(rl->reset_at_ms);
  CHECK(pinterest::rate_limit_json(*rl).at("remaining").is_null());
  CHECK_FALSE(pinterest::parse_rate_limit(with({}), kNow));
  CHECK_FALSE(pinterest::parse_rate_limit(with({{"x-ratelimit-limit", "x"}}), kNow));
}

TEST_CASE("retry-after prefers Retry-After, then a future reset", "[pinterest][rate]") {
  CHECK(pinterest::retry_after_ms(with({{"retry-after", "3"}}), kNow) == 3000);
  CHECK(pinterest::retry_after_ms(with({{"retry-after", "Mon, 30 Nov 2026 00:54:20 GMT"}}), kNow) ==
        60000);
  CHECK(pinterest::retry_after_ms(with({{"retry-after", "Mon, 30 Nov 2026 00:00:00 GMT"}}), kNow) ==
        0);
  CHECK(pinterest::retry_after_ms(with({{"x-ratelimit-reset", "1796000005"}}), kNow) == 5000);
  CHECK_FALSE(pinterest::retry_after_ms(with({{"x-ratelimit-reset", "1795999000"}}), kNow));
  CHECK_FALSE(pinterest::retry_after_ms(with({}), kNow));
}

TEST_CASE("times read and written as the ABI and Pinterest write them", "[pinterest][rate]") {
  CHECK(pinterest::format_rfc3339(kNow) == "2026-11-30T00:53:20Z");
  CHECK(pinterest::parse_time("2026-11-30T00:53:20Z") == kNow);
  CHECK(pinterest::parse_time("2026-11-30T00:53:20.250Z") == kNow + 250);
  CHECK(pinterest::parse_time("2026-11-30T02:53:20+02:00") == kNow);
  CHECK(pinterest::parse_time("2026-11-30T00:53:20") == kNow);
  CHECK_FALSE(pinterest::parse_time("yesterday"));
  CHECK_FALSE(pinterest::parse_time("2026-11-30"));
}

// Found by the fuzz targets: these used to be undefined behaviour (a float beyond int64, a
// seconds field date::parse read as NaN).
TEST_CASE("absurd rate-limit and time values are refused, not overflowed", "[pinterest][rate]") {
  pinterest::Reply r;
  r.status = 429;
  r.headers["retry-after"] = "1796006000060000609";
  CHECK_FALSE(pinterest::retry_after_ms(r, kNow));
  r.headers["x-ratelimit-reset"] = "60";
  CHECK(pinterest::retry_after_ms(r, kNow) == 60000);
  for (const char *bad : {"2027-12-28T12:00:nan", "2027-12-28T12:00:-nanZ", "2027-12-28T12*00:00Z",
                          "2027-12-28T12:00:00+1:00", "2027-12-28T12:00:00.Z"}) {
    CHECK_FALSE(pinterest::parse_time(bad));
  }
  CHECK_FALSE(pinterest::parse_http_date("Sun, 06 Nov 1994 08:49:nan GMT"));
  CHECK(pinterest::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777000);
}
