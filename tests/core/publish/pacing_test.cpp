// Host pacing against the simulator: a batch of pins on one account whose write budget is smaller
// than the batch gets no 429, because the host waits for the reset (on a clock that moves the
// simulator's clock instead of sleeping), and fails fast when the wait would be too long.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/config/config.hpp"
#include "core/model/time.hpp"
#include "core/plugins/http_bridge.hpp"
#include "core/publish/publisher.hpp"
#include "core/services/http_client.hpp"
#include "core/services/pacer.hpp"
#include "core/services/store_cache.hpp"
#include "core/store/sqlite_store.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;
using lmp::test::TestHttp;

namespace {

constexpr int64_t kWindowMs = 60'000;

// The simulator's clock, in Unix milliseconds.
int64_t sim_now(const lmp::test::SimulatorProcess &sim) {
  auto v = TestHttp::get(sim.base_url() + "/_sim/clock").json();
  auto tp = lmp::parse_rfc3339(v.at("now").as_string());
  REQUIRE(tp);
  return std::chrono::duration_cast<std::chrono::milliseconds>(tp->time_since_epoch()).count();
}

void advance_sim(const lmp::test::SimulatorProcess &sim, int64_t ms) {
  REQUIRE(
      TestHttp::post_json(sim.base_url() + "/_sim/clock", json::object{{"advanceMs", ms}}).status ==
      200);
}

// A host clock that never sleeps: a wait moves both it and the simulator's clock forward. It
// starts on a whole second, so a resetAt (whole seconds) is never before the window's end.
class SimClock : public lmp::Clock {
 public:
  explicit SimClock(const lmp::test::SimulatorProcess &sim) : sim_(sim) {}
  int64_t now_unix_ms() override { return now_.load(); }
  int64_t monotonic_ms() override { return now_.load(); }
  bool sleep_ms(int64_t ms, const std::atomic<bool> &cancelled) override {
    if (cancelled.load()) return false;
    advance_sim(sim_, ms);
    now_ += ms;
    slept_ += ms;
    return true;
  }
  void wake() override {}
  int64_t slept_ms() const { return slept_.load(); }

 private:
  const lmp::test::SimulatorProcess &sim_;
  std::atomic<int64_t> now_{1'796'000'000'000};
  std::atomic<int64_t> slept_{0};
};

// A Pinterest account on a simulator allowing `writes` pins per window, its window just begun.
struct PacedHost {
  explicit PacedHost(int writes, lmp::PacingOptions pacing)
      : sim({"--rate-limit-write", std::to_string(writes)}), clock(sim), pacer(&cache, pacing) {
    // Start at the beginning of a window so the batch cannot cross one by itself.
    const int64_t now = sim_now(sim);
    advance_sim(sim, kWindowMs - now % kWindowMs + 100);
    lmp::set_host_clock(&clock);
    config.allow_private_addresses = true;
    lmp::AccountConfig pin;
    pin.id = "acc_pin";
    pin.platform = "pinterest";
    pin.api_base_url = sim.api_url();
    config.accounts = {pin};
    services.http = lmp::make_http_send(http);
    services.cache = &cache;
    services.pacer = &pacer;
    registry.load(
        {LMP_PLUGIN_DIR}, [](const std::string &) { return json::object(); }, services);
    lmp::PublisherDeps deps;
    deps.config = &config;
    deps.registry = &registry;
    deps.services = &services;
    deps.credentials.load = [](const lmp::AccountConfig &) {
      return json::object{{"accessToken", "sim-access-token"}};
    };
    deps.media = {&library, s.dir / "derived"};
    publisher = std::make_unique<lmp::Publisher>(std::move(deps));
  }
  ~PacedHost() { lmp::set_host_clock(nullptr); }

  lmp::PostResult publish(int n) {
    const std::string body =
        R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],"text":"Pin )" +
        std::to_string(n) + R"(","media":[{"type":"image","url":")" + sim.base_url() +
        R"(/media/demo.jpg"}],"options":{"boardId":"1234567890"}})";
    return publisher->publish(lmp::parse_post(body), body);
  }

  // Statuses of every POST /v5/pins the simulator received.
  std::vector<int64_t> pin_statuses() {
    std::vector<int64_t> out;
    auto log = TestHttp::get(sim.base_url() + "/_sim/log?method=POST&path=/v5/pins").json();
    for (const auto &e : log.as_array()) out.push_back(e.at("status").as_int64());
    return out;
  }

  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim;
  SimClock clock;
  lmp::Config config;
  lmp::SqliteStore store{(s.dir / "state.db").string()};
  lmp::HttpClient http;
  lmp::StoreCache cache{store.cache()};
  lmp::Pacer pacer;
  lmp::HostServices services;
  lmp::Registry registry;
  lmp::MediaLibrary library{store.media(), s.dir / "media"};
  std::unique_ptr<lmp::Publisher> publisher;
};

}  // namespace

TEST_CASE("a batch larger than the write budget waits for the reset instead of a 429",
          "[publish][pacing]") {
  PacedHost h(2, {});
  for (int i = 0; i < 5; ++i) {
    lmp::PostResult r = h.publish(i);
    INFO("pin " << i << ": " << json::serialize(r.to_json()));
    CHECK(r.status == "published");
  }
  CHECK(h.pin_statuses() == std::vector<int64_t>{201, 201, 201, 201, 201});
  // Two windows were waited out: after pins 2 and 4.
  CHECK(h.clock.slept_ms() >= kWindowMs);
}

TEST_CASE("pacing fails fast when the reset is further than pacing.max_wait_s",
          "[publish][pacing]") {
  PacedHost h(2, {10'000, 0});
  CHECK(h.publish(0).status == "published");
  CHECK(h.publish(1).status == "published");
  lmp::PostResult r = h.publish(2);
  REQUIRE(r.targets.size() == 1);
  REQUIRE(r.targets[0].error);
  CHECK(r.targets[0].error->code == "host.rate_limited");
  CHECK(r.targets[0].error->retryable);
  CHECK(r.targets[0].error->retry_after_ms.value_or(0) > 10'000);
  CHECK(h.clock.slept_ms() == 0);
  // Nothing was sent for the third pin.
  CHECK(h.pin_statuses() == std::vector<int64_t>{201, 201});
}
