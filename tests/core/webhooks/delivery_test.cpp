// The outbox and the dispatcher against a loopback receiver.
#include <catch2/catch.hpp>
#include <vector>

#include "core/store/sqlite_store.hpp"
#include "core/webhooks/dispatcher.hpp"
#include "core/webhooks/event.hpp"
#include "core/webhooks/outbox.hpp"
#include "support/event_receiver.hpp"
#include "support/scratch.hpp"

namespace {

using lmp::test::hmac_sha256_hex;
using lmp::test::ReceivedEvent;
using Receiver = lmp::test::EventReceiver;

constexpr const char *kSecret = "whsec_receiver_secret_42";

lmp::WebhookConfig endpoint(const std::string &url, std::vector<std::string> events = {}) {
  lmp::WebhookConfig w;
  w.url = url;
  w.secret = kSecret;
  w.events = std::move(events);
  return w;
}

}  // namespace

TEST_CASE("a published event reaches the endpoints that want it, signed", "[webhooks]") {
  lmp::test::Scratch dir;
  lmp::SqliteStore store(dir.path("state.db"));
  lmp::FakeClock clock;
  lmp::HttpClient http;
  Receiver all, failed_only;
  const std::vector<lmp::WebhookConfig> endpoints = {
      endpoint(all.url("/all")), endpoint(failed_only.url("/f"), {"post.failed"})};

  const lmp::WebhookEvent ev = lmp::make_webhook_event(
      "post.published", boost::json::object{{"id", "post_1"}}, clock.now_unix_ms());
  CHECK(ev.id.rfind("evt_", 0) == 0);
  // Written to the outbox before anything is sent: one row, for the endpoint that wants it.
  REQUIRE(lmp::enqueue_webhook_event(store.webhooks(), endpoints, ev, clock.now_unix_ms()) == 1);
  auto pending = store.webhooks().list(std::string("pending"));
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].endpoint_url == all.url("/all"));

  lmp::WebhookDeliveryOptions options;
  options.allow_private_addresses = true;
  lmp::WebhookDispatcher dispatcher(store.webhooks(), http, clock, endpoints, options);
  CHECK(dispatcher.deliver_due() == 1);

  REQUIRE(all.seen().size() == 1);
  CHECK(failed_only.seen().empty());
  const ReceivedEvent s = all.seen()[0];
  CHECK(s.body == ev.body);
  CHECK(s.event_id == ev.id);
  CHECK(s.event_type == "post.published");
  const std::string t = std::to_string(clock.now_unix_ms() / 1000);
  CHECK(s.signature == "t=" + t + ",v1=" + hmac_sha256_hex(kSecret, t + "." + s.body));
  auto doc = boost::json::parse(s.body).as_object();
  CHECK(doc["id"].as_string() == ev.id);
  CHECK(doc["type"] == "post.published");
  CHECK(doc["data"].as_object()["id"] == "post_1");
  CHECK(doc.contains("createdAt"));
  CHECK(store.webhooks().list(std::string("delivered")).size() == 1);
  CHECK(dispatcher.deliver_due() == 0);  // nothing is sent twice
}

TEST_CASE("a failing endpoint is retried with backoff, parked as dead, then replayed",
          "[webhooks]") {
  lmp::test::Scratch dir;
  lmp::SqliteStore store(dir.path("state.db"));
  lmp::FakeClock clock;
  lmp::HttpClient http;
  Receiver receiver;
  receiver.answer(500);
  // The secret also sits in the URL's query, where a careless error text would show it.
  const std::vector<lmp::WebhookConfig> endpoints = {
      endpoint(receiver.url("/hook?key=") + kSecret)};
  const lmp::WebhookEvent ev = lmp::make_webhook_event(
      "post.failed", boost::json::object{{"id", "post_2"}}, clock.now_unix_ms());
  lmp::enqueue_webhook_event(store.webhooks(), endpoints, ev, clock.now_unix_ms());

  lmp::WebhookDeliveryOptions options;
  options.allow_private_addresses = true;
  options.max_attempts = 3;
  options.backoff_ms = 1000;
  options.max_backoff_ms = 1500;
  lmp::WebhookDispatcher dispatcher(store.webhooks(), http, clock, endpoints, options);

  CHECK(dispatcher.deliver_due() == 0);
  REQUIRE(receiver.seen().size() == 1);
  CHECK(dispatcher.deliver_due() == 0);  // not due again before the backoff
  CHECK(receiver.seen().size() == 1);
  clock.advance(999);
  CHECK(dispatcher.deliver_due() == 0);
  CHECK(receiver.seen().size() == 1);
  clock.advance(1);
  dispatcher.deliver_due();
  REQUIRE(receiver.seen().size() == 2);
  clock.advance(1499);  // the second wait doubles, capped at 1500
  dispatcher.deliver_due();
  CHECK(receiver.seen().size() == 2);
  clock.advance(1);
  dispatcher.deliver_due();
  REQUIRE(receiver.seen().size() == 3);

  auto dead = store.webhooks().list(std::string("dead"));
  REQUIRE(dead.size() == 1);
  CHECK(dead[0].attempts == 3);
  REQUIRE(dead[0].last_error);
  CHECK(dead[0].last_error->find("HTTP 500") != std::string::npos);
  CHECK(dead[0].last_error->find(kSecret) == std::string::npos);
  clock.advance(3'600'000);
  dispatcher.deliver_due();
  CHECK(receiver.seen().size() == 3);  // a dead delivery is not retried on its own

  receiver.answer(204);
  CHECK(store.webhooks().revive(std::nullopt, clock.now_unix_ms()) == 1);
  CHECK(dispatcher.deliver_due() == 1);
  REQUIRE(receiver.seen().size() == 4);
  for (const ReceivedEvent &s : receiver.seen()) {
    CHECK(s.event_id == ev.id);  // one id across every retry and the replay
    CHECK(s.body == ev.body);
  }
  CHECK(store.webhooks().list(std::string("delivered")).size() == 1);
}
