// serve's scheduler on an injected clock, in the test process: a scheduled post publishes when
// the clock reaches its time and not before; a retryable failure waits for a later pass (the
// backoff, or the platform's Retry-After when longer) up to scheduler.max_attempts; the monthly
// quota counts a post when it publishes, never when it is scheduled. Nothing sleeps: the clock
// moves when the test says, and the test waits for the scheduler's passes.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "core/model/time.hpp"
#include "core/publish/quota.hpp"
#include "core/schedule/due_pass.hpp"
#include "core/schedule/scheduler.hpp"
#include "core/services/clock.hpp"
#include "support/publish_host.hpp"

namespace json = boost::json;
using lmp::test::PublishHost;

namespace {

// Installs a fake host clock for the test's life.
struct FakeHostClock {
  lmp::FakeClock clock;
  FakeHostClock() { lmp::set_host_clock(&clock); }
  ~FakeHostClock() { lmp::set_host_clock(nullptr); }
  int64_t now() { return clock.now_unix_ms(); }
  std::string at(int64_t offset_ms) {
    return lmp::format_rfc3339_ms(lmp::TimePoint(std::chrono::milliseconds(now() + offset_ms)));
  }
};

std::string pin_post(const PublishHost &h, const std::string &text, const std::string &extra = "") {
  return R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],"text":")" + text +
         R"(","media":[{"type":"image","url":")" + h.sim.base_url() +
         R"(/media/demo.jpg"}],"options":{"boardId":"1234567890"})" + extra + "}";
}

std::string schedule(PublishHost &h, const std::string &text, const std::string &at) {
  const std::string body = pin_post(h, text, R"(,"scheduledAt":")" + at + "\"");
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
  REQUIRE(r.status == "scheduled");
  return r.id;
}

// Pin creates the simulator answered with `status`.
size_t pin_creates(const PublishHost &h, int64_t status) {
  size_t n = 0;
  for (const auto &e : h.sim.log("POST", "/v5/pins")) n += e.at("status").as_int64() == status;
  return n;
}

// Waits until the scheduler has run a whole pass that began after this call.
void await_full_pass(lmp::Scheduler &s) {
  const int64_t start = s.passes();
  s.wake();
  while (s.passes() < start + 2) std::this_thread::yield();
}

}  // namespace

TEST_CASE("the scheduler publishes a post when the clock reaches its time, not before",
          "[schedule]") {
  FakeHostClock t;
  PublishHost h;
  h.config.scheduler_poll_ms = 60'000;  // only wake() runs a pass
  const std::string id = schedule(h, "At its time", t.at(3'600'000));
  lmp::Scheduler scheduler(h.store.posts(), *h.publisher, h.config);
  scheduler.start();

  await_full_pass(scheduler);
  CHECK(h.store.posts().get(id)->status == "scheduled");
  t.clock.advance(3'599'000);
  await_full_pass(scheduler);
  CHECK(h.store.posts().get(id)->status == "scheduled");
  CHECK(pin_creates(h, 201) == 0);

  t.clock.advance(1'000);
  await_full_pass(scheduler);
  auto rec = h.store.posts().get(id);
  CHECK(rec->status == "published");
  CHECK_FALSE(rec->targets[0].late);
  CHECK(pin_creates(h, 201) == 1);
  scheduler.stop();
}

TEST_CASE("a retryable failure waits for a later pass, then publishes once", "[schedule]") {
  FakeHostClock t;
  PublishHost h;
  h.config.publish_retries = 1;
  h.config.scheduler_retry_backoff_ms = 60'000;
  const std::string id = schedule(h, "Try again later", t.at(1'000));
  t.clock.advance(1'000);
  // The first attempt and its in-run retry both get a 503.
  h.sim.fault(json::object{{"route", "POST /v5/pins"}, {"count", 2}, {"status", 503}});

  auto first = lmp::run_due_pass(h.store.posts(), *h.publisher, h.config);
  REQUIRE(first.size() == 1);
  CHECK(first[0].status == "retrying");
  const lmp::TargetResult &waiting = first[0].targets[0];
  CHECK(waiting.status == "retrying");
  CHECK(waiting.attempts == 1);
  CHECK(waiting.next_attempt_at_ms == t.now() + 60'000);
  REQUIRE(waiting.error);
  CHECK(waiting.error->retryable);
  CHECK(first[0].to_json().at("targets").as_array()[0].at("nextAttemptAt") ==
        json::value(t.at(60'000)));
  CHECK(h.store.posts().get(id)->status == "retrying");

  // Not due yet: nothing happens.
  t.clock.advance(59'000);
  CHECK(lmp::run_due_pass(h.store.posts(), *h.publisher, h.config).empty());
  t.clock.advance(1'000);
  auto second = lmp::run_due_pass(h.store.posts(), *h.publisher, h.config);
  REQUIRE(second.size() == 1);
  CHECK(second[0].status == "published");
  CHECK_FALSE(second[0].targets[0].late);  // its first attempt was on time
  auto rec = h.store.posts().get(id);
  CHECK(rec->targets[0].step == "published");
  CHECK_FALSE(rec->targets[0].next_attempt_at_ms);
  CHECK(pin_creates(h, 503) == 2);
  CHECK(pin_creates(h, 201) == 1);
}

TEST_CASE("the scheduler waits the platform's Retry-After and stops at max_attempts",
          "[schedule]") {
  FakeHostClock t;
  PublishHost h;
  h.config.publish_retries = 0;
  h.config.scheduler_max_attempts = 2;
  h.config.scheduler_retry_backoff_ms = 1'000;
  const std::string id = schedule(h, "Rate limited", t.at(1'000));
  t.clock.advance(1'000);
  h.sim.fault(json::object{{"route", "POST /v5/pins"},
                           {"count", 2},
                           {"status", 429},
                           {"headers", json::object{{"Retry-After", "300"}}}});

  auto first = lmp::run_due_pass(h.store.posts(), *h.publisher, h.config);
  REQUIRE(first.size() == 1);
  CHECK(first[0].targets[0].status == "retrying");
  CHECK(first[0].targets[0].next_attempt_at_ms == t.now() + 300'000);  // longer than the backoff

  t.clock.advance(300'000);
  auto last = lmp::run_due_pass(h.store.posts(), *h.publisher, h.config);
  REQUIRE(last.size() == 1);
  CHECK(last[0].status == "failed");  // its second attempt of two
  REQUIRE(last[0].targets[0].error);
  CHECK(last[0].targets[0].error->code == "pinterest.rate_limited");
  auto rec = h.store.posts().get(id);
  CHECK(rec->status == "failed");
  CHECK(rec->targets[0].attempts == 2);
  t.clock.advance(86'400'000);
  CHECK(lmp::run_due_pass(h.store.posts(), *h.publisher, h.config).empty());
  CHECK(pin_creates(h, 201) == 0);
}

TEST_CASE("monthly_quota counts a post when it publishes, not when it is scheduled", "[schedule]") {
  FakeHostClock t;
  PublishHost h;
  h.config.accounts[0].monthly_quota = 2;
  const std::string period = lmp::quota_period(t.now());
  schedule(h, "Counted later", t.at(1'000));
  CHECK(h.store.quota().used("acc_pin", period) == 0);

  const std::string now_body = pin_post(h, "Counted now");
  CHECK(h.publisher->publish(lmp::parse_post(now_body), now_body).status == "published");
  CHECK(h.store.quota().used("acc_pin", period) == 1);

  // A publish the platform refuses is not counted.
  h.sim.fault(json::object{{"route", "POST /v5/pins"}, {"status", 400}});
  const std::string refused = pin_post(h, "Refused");
  CHECK(h.publisher->publish(lmp::parse_post(refused), refused).status == "failed");
  CHECK(h.store.quota().used("acc_pin", period) == 1);

  t.clock.advance(1'000);
  auto due = lmp::run_due_pass(h.store.posts(), *h.publisher, h.config);
  REQUIRE(due.size() == 1);
  CHECK(due[0].status == "published");
  CHECK(h.store.quota().used("acc_pin", period) == 2);

  const size_t creates = h.sim.log("POST", "/v5/pins").size();
  const std::string over = pin_post(h, "One too many");
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(over), over);
  CHECK(r.status == "failed");
  REQUIRE(r.targets[0].error);
  CHECK(r.targets[0].error->code == "host.quota_exceeded");
  CHECK_FALSE(r.targets[0].error->retryable);
  CHECK_THAT(r.targets[0].error->message, Catch::Contains("acc_pin") &&
                                              Catch::Contains("accounts[0].monthly_quota") &&
                                              Catch::Contains(period));
  CHECK(h.sim.log("POST", "/v5/pins").size() == creates);  // nothing was sent
  CHECK(h.store.posts().get(r.id)->targets[0].error->code == "host.quota_exceeded");
}

TEST_CASE("a publish taken up after a crash reuses the quota count the crashed run took",
          "[schedule]") {
  FakeHostClock t;
  PublishHost h;
  h.config.accounts[0].monthly_quota = 5;
  const std::string period = lmp::quota_period(t.now());
  // What a run killed right after recording "publishing" leaves: the count taken, no result.
  lmp::PostRecord crashed;
  crashed.id = "post_crashed";
  crashed.created_at_ms = crashed.updated_at_ms = t.now();
  crashed.status = "queued";
  crashed.body = json::parse(pin_post(h, "Crashed mid-create"));
  lmp::TargetRecord target;
  target.platform = "pinterest";
  target.account_id = "acc_pin";
  target.status = target.step = "publishing";
  crashed.targets.push_back(target);
  h.store.posts().insert(crashed);
  REQUIRE(h.store.quota().reserve("acc_pin", period, 5));

  auto resumed = lmp::run_due_pass(h.store.posts(), *h.publisher, h.config);
  REQUIRE(resumed.size() == 1);
  CHECK(resumed[0].status == "published");
  CHECK(h.store.quota().used("acc_pin", period) == 1);
  CHECK(pin_creates(h, 201) == 1);
}
