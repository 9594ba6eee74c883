#include <catch2/catch.hpp>

#include <chrono>

#include "core/model/time.hpp"

using namespace std::chrono;

namespace {

std::string utc(std::string_view text) {
  auto tp = lmp::parse_rfc3339(text);
  return tp ? lmp::format_rfc3339_ms(*tp) : "invalid";
}

}  // namespace

TEST_CASE("RFC 3339 parses Z, offsets and fractional seconds", "[model][time]") {
  CHECK(utc("2026-12-01T09:00:00Z") == "2026-12-01T09:00:00.000Z");
  CHECK(utc("2026-12-01t09:00:00z") == "2026-12-01T09:00:00.000Z");
  CHECK(utc("2026-12-01T10:30:00+01:30") == "2026-12-01T09:00:00.000Z");
  CHECK(utc("2026-12-01T04:00:00-05:00") == "2026-12-01T09:00:00.000Z");
  CHECK(utc("2026-12-01T00:30:00-23:59") == "2026-12-02T00:29:00.000Z");
  CHECK(utc("2026-12-01T09:00:00.5Z") == "2026-12-01T09:00:00.500Z");
  CHECK(utc("2026-12-01T09:00:00.123456789+00:00") == "2026-12-01T09:00:00.123Z");
  // More digits than the clock holds are truncated, not refused.
  CHECK(utc("2026-12-01T09:00:00.99999999999Z") == "2026-12-01T09:00:00.999Z");
  CHECK(utc("2024-02-29T23:59:59Z") == "2024-02-29T23:59:59.000Z");

  const auto tp = lmp::parse_rfc3339("2026-12-01T09:00:00.000000001Z");
  REQUIRE(tp);
  CHECK(duration_cast<nanoseconds>(tp->time_since_epoch()).count() % 1000000000 == 1);
}

TEST_CASE("RFC 3339 rejects everything else", "[model][time]") {
  for (const char *bad : {"",
                          "2026-12-01",
                          "2026-12-01T09:00:00",
                          "2026-12-01 09:00:00Z",
                          "2026-12-1T09:00:00Z",
                          "2026-12-01T9:00:00Z",
                          "2026-12-01T09:00Z",
                          "2026-12-01T09:00:00.Z",
                          "2026-12-01T09:00:00+0100",
                          "2026-12-01T09:00:00+24:00",
                          "2026-12-01T09:00:00+05:99",
                          "2026-02-30T09:00:00Z",
                          "2025-02-29T09:00:00Z",
                          "2026-13-01T09:00:00Z",
                          "2026-12-01T24:00:00Z",
                          "2026-12-01T09:60:00Z",
                          "2026-12-01T09:00:60Z",
                          "2026-12-01T09:00:00ZZ",
                          " 2026-12-01T09:00:00Z",
                          "tomorrow"}) {
    INFO(bad);
    CHECK_FALSE(lmp::parse_rfc3339(bad));
  }
}

TEST_CASE("formatting is UTC with Z, fixed width, floored", "[model][time]") {
  const lmp::TimePoint tp = sys_days{2026y / 12 / 1} + 9h + 5s + 999ms;
  CHECK(lmp::format_rfc3339(tp) == "2026-12-01T09:00:05Z");
  CHECK(lmp::format_rfc3339_ms(tp) == "2026-12-01T09:00:05.999Z");
  CHECK(lmp::format_rfc3339(lmp::TimePoint{}) == "1970-01-01T00:00:00Z");
  const lmp::TimePoint before_epoch = sys_days{1969y / 12 / 31} + 23h + 59min + 59s + 500ms;
  CHECK(lmp::format_rfc3339(before_epoch) == "1969-12-31T23:59:59Z");
  CHECK(lmp::parse_rfc3339(lmp::format_rfc3339_ms(tp)) == tp);
}

// Found by fuzz_post: a far-future scheduledAt overflowed the nanosecond clock (UB).
TEST_CASE("RFC 3339 refuses times the clock cannot hold", "[model][time]") {
  CHECK(utc("2261-12-31T23:59:59.5Z") == "2261-12-31T23:59:59.500Z");
  CHECK(utc("1700-01-01T00:00:00Z") == "1700-01-01T00:00:00.000Z");
  CHECK(utc("4052-12-01T10:00:00+01:00") == "invalid");
  CHECK(utc("9999-12-31T23:59:59Z") == "invalid");
  CHECK(utc("0001-01-01T00:00:00Z") == "invalid");
}
