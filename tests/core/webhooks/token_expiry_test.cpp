// token.expiring: which stored expiry counts, the window, one event per account and expiry
// however often it is checked, and serve's worker sending it; a real state database and a
// loopback receiver, the time injected.
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "core/model/time.hpp"
#include "core/store/sqlite_store.hpp"
#include "core/webhooks/token_expiry.hpp"
#include "core/webhooks/worker.hpp"
#include "support/event_receiver.hpp"
#include "support/scratch.hpp"

namespace json = boost::json;

namespace {

constexpr int64_t kDay = 86'400'000;
constexpr const char *kSecret = "whsec_token_expiry_test";
constexpr const char *kAccess = "pina_access_value_never_sent";
constexpr const char *kRefresh = "pinr_refresh_value_never_sent";

std::string at(int64_t unix_ms) {
  return lmp::format_rfc3339(lmp::TimePoint(std::chrono::milliseconds(unix_ms)));
}

lmp::AccountConfig account(const std::string &id) {
  lmp::AccountConfig a;
  a.id = id;
  a.platform = "pinterest";
  return a;
}

// A config with these accounts, one endpoint at `url` and a 7-day window.
lmp::Config config(const std::vector<std::string> &accounts, const std::string &url) {
  lmp::Config cfg;
  for (const std::string &id : accounts) cfg.accounts.push_back(account(id));
  lmp::WebhookConfig w;
  w.url = url;
  w.secret = kSecret;
  cfg.webhooks.push_back(w);
  cfg.webhook_token_expiring_days = 7;
  cfg.allow_private_addresses = true;
  return cfg;
}

// The token.expiring rows of the outbox, oldest first.
std::vector<lmp::WebhookDelivery> warnings(lmp::SqliteStore &store) {
  std::vector<lmp::WebhookDelivery> out;
  for (auto &d : store.webhooks().list(std::nullopt)) {
    if (d.event_type == "token.expiring") out.insert(out.begin(), d);
  }
  return out;
}

}  // namespace

TEST_CASE("the token an account lives on: the refresh token's expiry, else the access token's",
          "[webhooks]") {
  auto expiry = [](const char *text) { return lmp::token_expiry(json::parse(text).as_object()); };
  auto refresh = expiry(
      R"({"accessToken":"a","refreshToken":"r","expiresAt":"2026-12-01T00:00:00Z",
          "refreshTokenExpiresAt":"2027-01-30T00:00:00+01:00"})");
  REQUIRE(refresh);
  CHECK(refresh->token == "refreshToken");
  CHECK(at(refresh->expires_at_ms) == "2027-01-29T23:00:00Z");
  auto access = expiry(R"({"accessToken":"a","expiresAt":"2026-12-01T00:00:00Z"})");
  REQUIRE(access);
  CHECK(access->token == "accessToken");
  CHECK(at(access->expires_at_ms) == "2026-12-01T00:00:00Z");
  // A refresh token of unknown life: the access token renews itself, nothing to warn about.
  CHECK_FALSE(
      expiry(R"({"accessToken":"a","refreshToken":"r","expiresAt":"2026-12-01T00:00:00Z"})"));
  CHECK_FALSE(expiry(R"({"accessToken":"a","expiresAt":"soon"})"));
  CHECK_FALSE(expiry(R"({"accessToken":"a","expiresAt":null})"));
  CHECK_FALSE(expiry("{}"));
}

TEST_CASE("the warning's id is a ULID fixed by the account, the token and the expiry",
          "[webhooks]") {
  const lmp::TokenExpiry e{"refreshToken", 1'800'000'000'000};
  const std::string id = lmp::token_expiring_event_id("acc_a", e);
  CHECK(id.size() == 4 + 26);
  CHECK(id.rfind("evt_", 0) == 0);
  CHECK(id == lmp::token_expiring_event_id("acc_a", e));
  CHECK(id != lmp::token_expiring_event_id("acc_b", e));
  CHECK(id != lmp::token_expiring_event_id("acc_a", {"accessToken", e.expires_at_ms}));
  CHECK(id != lmp::token_expiring_event_id("acc_a", {"refreshToken", e.expires_at_ms + 1000}));
}

TEST_CASE("token.expiring is recorded once per account and expiry, inside the window only",
          "[webhooks]") {
  lmp::test::Scratch dir;
  lmp::SqliteStore store(dir.path("state.db"));
  lmp::FakeClock clock;
  const int64_t now = clock.now_unix_ms();
  auto &creds = store.credentials();
  // Refresh token 10 days out: outside the window for now.
  creds.update("acc_refresh", "pinterest",
               {{"accessToken", kAccess},
                {"refreshToken", kRefresh},
                {"expiresAt", at(now + kDay)},
                {"refreshTokenExpiresAt", at(now + 10 * kDay)}},
               now);
  // No refresh token, access token 3 days out: inside.
  creds.update("acc_access", "pinterest",
               {{"accessToken", kAccess}, {"expiresAt", at(now + 3 * kDay)}}, now);
  // Far away, and one never stored at all.
  creds.update("acc_far", "pinterest",
               {{"accessToken", kAccess}, {"expiresAt", at(now + 30 * kDay)}}, now);
  const lmp::Config cfg =
      config({"acc_refresh", "acc_access", "acc_far", "acc_unseeded"}, "http://127.0.0.1:9/hook");

  lmp::TokenExpiryWatch watch(store.credentials(), store.webhooks(), cfg);
  CHECK(watch.check(now) == 1);
  auto rows = warnings(store);
  REQUIRE(rows.size() == 1);
  const json::object doc = json::parse(rows[0].payload_json).as_object();
  CHECK(doc.at("id").as_string() == rows[0].event_id);
  CHECK(doc.at("type") == "token.expiring");
  CHECK(doc.at("data") == json::object{{"accountId", "acc_access"},
                                       {"platform", "pinterest"},
                                       {"token", "accessToken"},
                                       {"expiresAt", at(now + 3 * kDay)}});
  CHECK(rows[0].payload_json.find(kAccess) == std::string::npos);

  // Checked again, by this watch or a new one (another process): nothing new.
  CHECK(watch.check(now + 60'000) == 0);
  lmp::TokenExpiryWatch again(store.credentials(), store.webhooks(), cfg);
  again.check(now + 60'000);
  CHECK(warnings(store).size() == 1);

  // Three days on, the refresh token enters the window; the expired access token stays one event.
  CHECK(watch.check(now + 3 * kDay + 1) == 1);
  rows = warnings(store);
  REQUIRE(rows.size() == 2);
  CHECK(json::parse(rows[1].payload_json).at("data") ==
        json::object{{"accountId", "acc_refresh"},
                     {"platform", "pinterest"},
                     {"token", "refreshToken"},
                     {"expiresAt", at(now + 10 * kDay)}});
  CHECK(rows[1].payload_json.find(kRefresh) == std::string::npos);

  // A new refresh token that also expires soon is a new expiry, hence a new warning; one that
  // lives long again is none.
  creds.update("acc_refresh", "pinterest", {{"refreshTokenExpiresAt", at(now + 9 * kDay)}}, now);
  CHECK(watch.check(now + 3 * kDay + 2) == 1);
  creds.update("acc_refresh", "pinterest", {{"refreshTokenExpiresAt", at(now + 60 * kDay)}}, now);
  CHECK(watch.check(now + 3 * kDay + 3) == 0);
  CHECK(warnings(store).size() == 3);

  // No endpoint, or a window of 0 days: nothing is looked at.
  lmp::Config off = cfg;
  off.webhook_token_expiring_days = 0;
  creds.update("acc_far", "pinterest", {{"expiresAt", at(now + kDay)}}, now);
  CHECK(lmp::TokenExpiryWatch(store.credentials(), store.webhooks(), off).check(now) == 0);
  off = cfg;
  off.webhooks.clear();
  CHECK(lmp::TokenExpiryWatch(store.credentials(), store.webhooks(), off).check(now) == 0);
  CHECK(warnings(store).size() == 3);
}

TEST_CASE("serve's webhook worker sends token.expiring once, signed", "[webhooks]") {
  lmp::test::Scratch dir;
  lmp::SqliteStore store(dir.path("state.db"));
  lmp::FakeClock clock;
  lmp::HttpClient http;
  lmp::test::EventReceiver receiver;
  const int64_t now = clock.now_unix_ms();
  store.credentials().update("acc_pin", "pinterest",
                             {{"accessToken", kAccess},
                              {"refreshToken", kRefresh},
                              {"refreshTokenExpiresAt", at(now + 2 * kDay)}},
                             now);
  const lmp::Config cfg = config({"acc_pin"}, receiver.url("/hook"));
  lmp::TokenExpiryWatch watch(store.credentials(), store.webhooks(), cfg);
  lmp::WebhookDispatcher dispatcher(store.webhooks(), http, clock, cfg.webhooks,
                                    lmp::webhook_delivery_options(cfg));
  {
    // The fake clock moves poll_ms at each of the worker's waits, so it passes many token
    // checks (one per fake minute) while the test waits.
    lmp::WebhookWorker worker(dispatcher, clock, 10'000, &watch);
    REQUIRE(receiver.wait_for(1));
    while (clock.now_unix_ms() < now + 10 * lmp::WebhookWorker::kTokenCheckEveryMs) {
      std::this_thread::yield();
    }
  }
  const auto seen = receiver.seen();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].event_type == "token.expiring");
  CHECK(lmp::test::signature_valid(kSecret, seen[0]));
  CHECK(seen[0].event_id ==
        lmp::token_expiring_event_id("acc_pin", {"refreshToken", now + 2 * kDay}));
  CHECK(seen[0].body.find(kRefresh) == std::string::npos);
  CHECK(seen[0].body.find(kAccess) == std::string::npos);
}
