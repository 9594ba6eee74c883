// The host's per-account pacing, on a fake clock: waits until a spent budget resets, fails fast
// past the maximum wait, counts operations in flight, and shares what it saw through the cache.
#include "core/services/pacer.hpp"

#include <catch2/catch.hpp>

#include "core/model/time.hpp"
#include "core/services/clock.hpp"

namespace {

// Installs a fake host clock for one test.
struct FakeHostClock {
  FakeHostClock() { lmp::set_host_clock(&clock); }
  ~FakeHostClock() { lmp::set_host_clock(nullptr); }
  lmp::FakeClock clock;
};

// A report of `remaining` calls left, resetting `in_ms` from now.
lmp::PacingObservation budget(lmp::Clock &clock, int64_t remaining, int64_t in_ms) {
  lmp::RateLimit rl;
  rl.limit = 10;
  rl.remaining = remaining;
  rl.reset_at =
      lmp::format_rfc3339(lmp::TimePoint(std::chrono::milliseconds(clock.now_unix_ms() + in_ms)));
  return {rl, std::nullopt};
}

const std::string kKey = lmp::Pacer::key("pinterest", "acc", "publish");
const std::atomic<bool> kNotCancelled{false};

}  // namespace

TEST_CASE("pacer lets operations run while the budget lasts", "[pacer]") {
  FakeHostClock host;
  lmp::Pacer pacer(nullptr, {});
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  pacer.finish(kKey, budget(host.clock, 3, 30'000));
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  pacer.finish(kKey, budget(host.clock, 2, 30'000));
  CHECK(host.clock.slept_ms() == 0);
  // Another account and another operation have budgets of their own.
  pacer.finish(kKey, budget(host.clock, 0, 30'000));
  CHECK_FALSE(pacer.begin(lmp::Pacer::key("pinterest", "other", "publish"), "o", kNotCancelled));
  CHECK_FALSE(pacer.begin(lmp::Pacer::key("pinterest", "acc", "preflight"), "a", kNotCancelled));
  CHECK(host.clock.slept_ms() == 0);
}

TEST_CASE("pacer waits for the reset of a spent budget", "[pacer]") {
  FakeHostClock host;
  lmp::Pacer pacer(nullptr, {});
  pacer.finish(kKey, budget(host.clock, 0, 30'000));
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  CHECK(host.clock.slept_ms() == 30'000);
  // After the reset the old report says nothing.
  pacer.finish(kKey, {});
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  CHECK(host.clock.slept_ms() == 30'000);
}

TEST_CASE("pacer keeps the reserve in hand", "[pacer]") {
  FakeHostClock host;
  lmp::Pacer pacer(nullptr, {60'000, 2});
  pacer.finish(kKey, budget(host.clock, 3, 10'000));
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  CHECK(host.clock.slept_ms() == 0);
  pacer.finish(kKey, budget(host.clock, 2, 10'000));
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  CHECK(host.clock.slept_ms() == 10'000);
}

TEST_CASE("pacer fails fast when the wait passes the maximum", "[pacer]") {
  FakeHostClock host;
  lmp::Pacer pacer(nullptr, {5'000, 0});
  pacer.finish(kKey, budget(host.clock, 0, 30'000));
  auto e = pacer.begin(kKey, "account acc (pinterest)", kNotCancelled);
  REQUIRE(e);
  CHECK(e->code == "host.rate_limited");
  CHECK(e->retryable);
  CHECK(e->retry_after_ms == 30'000);
  CHECK_THAT(e->message,
             Catch::Contains("account acc (pinterest)") && Catch::Contains("pacing.max_wait_s"));
  CHECK(host.clock.slept_ms() == 0);
}

TEST_CASE("pacer honours a rate-limited error's retryAfterMs", "[pacer]") {
  FakeHostClock host;
  lmp::Pacer pacer(nullptr, {});
  lmp::Error limited = lmp::make_error("pinterest.rate_limited", "429", std::nullopt, true);
  limited.retry_after_ms = 7'000;
  pacer.finish(kKey, lmp::observation_of(boost::json::value(), limited));
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  CHECK(host.clock.slept_ms() == 7'000);

  // A server error's retryAfterMs is about that request, not the account's budget.
  lmp::Error server = lmp::make_error("pinterest.server_error", "503", std::nullopt, true);
  server.retry_after_ms = 9'000;
  CHECK_FALSE(lmp::observation_of(boost::json::value(), server).retry_after_ms);
}

TEST_CASE("pacer reads rateLimit from a result", "[pacer]") {
  auto seen = lmp::observation_of(
      boost::json::parse(
          R"({"id":"1","rateLimit":{"limit":100,"remaining":7,"resetAt":"2026-11-28T12:00:00Z"}})"),
      std::nullopt);
  REQUIRE(seen.rate_limit);
  CHECK(seen.rate_limit->remaining == 7);
  CHECK_FALSE(lmp::observation_of(boost::json::parse(R"({"id":"1"})"), std::nullopt).rate_limit);
}

TEST_CASE("pacer counts operations still in flight against the budget", "[pacer]") {
  FakeHostClock host;
  lmp::Pacer pacer(nullptr, {});
  pacer.finish(kKey, budget(host.clock, 2, 20'000));
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  CHECK(host.clock.slept_ms() == 0);
  // Two operations use the last two calls: a third waits for the reset.
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  CHECK(host.clock.slept_ms() == 20'000);
}

TEST_CASE("pacer keeps the lowest remaining of one window", "[pacer]") {
  FakeHostClock host;
  lmp::Pacer pacer(nullptr, {});
  // Replies of concurrent operations arrive out of order.
  pacer.finish(kKey, budget(host.clock, 0, 20'000));
  pacer.finish(kKey, budget(host.clock, 1, 20'000));
  REQUIRE_FALSE(pacer.begin(kKey, "acc", kNotCancelled));
  CHECK(host.clock.slept_ms() == 20'000);
}

TEST_CASE("pacer shares observations through the cache", "[pacer]") {
  FakeHostClock host;
  lmp::MemoryCache cache(host.clock);
  {
    lmp::Pacer first_run(&cache, {});
    REQUIRE_FALSE(first_run.begin(kKey, "acc", kNotCancelled));
    first_run.finish(kKey, budget(host.clock, 0, 15'000));
  }
  lmp::Pacer second_run(&cache, {10'000, 0});
  auto e = second_run.begin(kKey, "acc", kNotCancelled);
  REQUIRE(e);
  CHECK(e->code == "host.rate_limited");
  host.clock.advance(15'000);
  CHECK_FALSE(second_run.begin(kKey, "acc", kNotCancelled));
}

TEST_CASE("pacer stops waiting when cancelled", "[pacer]") {
  FakeHostClock host;
  lmp::Pacer pacer(nullptr, {});
  pacer.finish(kKey, budget(host.clock, 0, 15'000));
  std::atomic<bool> cancelled{true};
  auto e = pacer.begin(kKey, "acc", cancelled);
  REQUIRE(e);
  CHECK(e->code == "host.cancelled");
}
