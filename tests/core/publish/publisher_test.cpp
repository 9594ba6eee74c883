// The publish pipeline end to end: a post routed to two adapters loaded at run time (Pinterest
// against the simulator on loopback, and the tiny C adapter), every step journaled in a real
// SQLite file.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/http_client.hpp"
#include "support/publish_host.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;

using Host = lmp::test::PublishHost;

TEST_CASE("a post is routed to each target's adapter and recorded", "[publish]") {
  Host h;
  const std::string body = h.post_json("Two platforms at once");
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
  REQUIRE(r.targets.size() == 2);
  CHECK(r.status == "published");
  CHECK(r.targets[0].platform == "pinterest");
  CHECK(r.targets[0].status == "published");
  REQUIRE(r.targets[0].url);
  CHECK_THAT(*r.targets[0].url, Catch::StartsWith("https://www.pinterest.com/pin/"));
  CHECK(r.targets[1].platform == "tiny");
  CHECK(r.targets[1].status == "published");
  CHECK_THAT(r.targets[1].id.value_or(""), Catch::StartsWith("tiny-"));

  auto rec = h.store.posts().get(r.id);
  REQUIRE(rec);
  CHECK(rec->status == "published");
  REQUIRE(rec->targets.size() == 2);
  CHECK(rec->targets[0].step == "published");
  CHECK(rec->targets[0].platform_post_id == r.targets[0].id);
  CHECK(rec->targets[1].step == "published");
}

TEST_CASE("a target that fails leaves the post partial, its error recorded", "[publish]") {
  Host h;
  const std::string body = h.post_json("tiny-fail-publish");
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
  CHECK(r.status == "partial");
  CHECK(r.targets[0].status == "published");
  REQUIRE(r.targets[1].error);
  CHECK(r.targets[1].error->code == "tiny.publish_failed");
  CHECK(r.targets[1].error->retryable);

  auto rec = h.store.posts().get(r.id);
  REQUIRE(rec);
  CHECK(rec->status == "partial");
  CHECK(rec->targets[1].step == "failed");
  REQUIRE(rec->targets[1].error);
  CHECK(rec->targets[1].error->code == "tiny.publish_failed");
}

TEST_CASE("an invalid post is recorded as failed with every validation error", "[publish]") {
  Host h;
  const std::string body = R"({"targets":[{"platform":"pinterest"}],"media":[{"type":"gif"}]})";
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
  CHECK(r.status == "failed");
  REQUIRE(r.errors.size() >= 2);
  auto rec = h.store.posts().get(r.id);
  REQUIRE(rec);
  CHECK(rec->status == "failed");
  CHECK(rec->errors.size() == r.errors.size());
  CHECK(rec->body.at("targets").is_array());  // what was submitted is kept
}

TEST_CASE("preflight reports target problems with the user's fields and publishes nothing",
          "[publish]") {
  Host h;
  const std::string body =
      R"({"targets":[{"platform":"pinterest","accountId":"nobody"},)"
      R"({"platform":"tiny","accountId":"acc_tiny"},{"platform":"mastodon","accountId":"acc_tiny"}],)"
      R"("text":"tiny-fail-preflight"})";
  lmp::PreflightReport report = h.publisher->preflight(lmp::parse_post(body));
  CHECK_FALSE(report.ok());
  REQUIRE(report.targets.size() == 3);
  REQUIRE(report.targets[0].errors.size() == 1);
  CHECK(report.targets[0].errors[0].code == "validation.unknown_account");
  CHECK(report.targets[0].errors[0].field == std::optional<std::string>("targets[0].accountId"));
  REQUIRE(report.targets[1].errors.size() == 1);
  CHECK(report.targets[1].errors[0].code == "tiny.text_rejected");
  CHECK(report.targets[1].errors[0].field == std::optional<std::string>("text"));
  CHECK(report.targets[2].errors[0].code == "plugin.no_adapter");
  CHECK(h.store.posts().list({}).posts.empty());
}

TEST_CASE("a post scheduled in the future is stored as scheduled, not published", "[publish]") {
  Host h;
  std::string body = h.post_json("later");
  body.insert(body.size() - 1, R"(,"scheduledAt":"2099-01-01T09:00:00Z")");
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
  CHECK(r.status == "scheduled");
  auto rec = h.store.posts().get(r.id);
  REQUIRE(rec);
  CHECK(rec->status == "scheduled");
  REQUIRE(rec->scheduled_at_ms);
}

namespace {

// A Pinterest-only post for acc_pin.
std::string pin_post(const Host &h, const std::string &text) {
  return R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],"text":")" + text +
         R"(","media":[{"type":"image","url":")" + h.sim.base_url() +
         R"(/media/demo.jpg"}],"options":{"boardId":"1234567890"}})";
}

// How many pins the simulator created (POST /v5/pins answered 201).
size_t pins_created(const Host &h) {
  size_t n = 0;
  for (const auto &e : h.sim.log("POST", "/v5/pins")) n += e.at("status") == 201 ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a retryable publish failure is retried, and publishes once", "[publish][retry]") {
  Host h;
  h.sim.fault({{"route", "POST /v5/pins"}, {"count", 1}, {"status", 503}});
  const std::string body = pin_post(h, "Retried after a 503");
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
  CHECK(r.status == "published");
  CHECK(h.sim.log("POST", "/v5/pins").size() == 2);
  CHECK(pins_created(h) == 1);
}

TEST_CASE("a publish whose reply was lost is reconciled, not published twice", "[publish][retry]") {
  Host h;
  // The pin is created, then the connection dropped before the reply.
  h.sim.fault({{"route", "POST /v5/pins"}, {"count", 1}, {"drop", true}, {"afterHandler", true}});
  const std::string body = pin_post(h, "Lost reply");
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
  REQUIRE(r.status == "published");
  CHECK(h.sim.log("POST", "/v5/pins").size() == 1);  // one pin request, never resent
  CHECK(h.sim.log("GET", "/v5/boards/1234567890/pins").size() >= 1);
  REQUIRE(r.targets[0].id);
  // The id the host recorded is the pin the lost attempt made.
  const auto pin = lmp::test::TestHttp::get(h.sim.api_url() + "/pins/" + *r.targets[0].id,
                                            {{"Authorization", "Bearer sim-access-token"}});
  CHECK(pin.status == 200);
}

TEST_CASE("retries end when spent or when the wait asked for is too long", "[publish][retry]") {
  Host h;
  SECTION("spent: the last error stands, recorded") {
    h.sim.fault({{"route", "POST /v5/pins"}, {"count", 5}, {"status", 500}});
    const std::string body = pin_post(h, "Always 500");
    lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
    CHECK(r.status == "failed");
    REQUIRE(r.targets[0].error);
    CHECK(r.targets[0].error->code == "pinterest.server_error");
    CHECK(h.sim.log("POST", "/v5/pins").size() == 3);  // the first attempt and 2 retries
    CHECK(h.store.posts().get(r.id)->targets[0].step == "failed");
  }
  SECTION("a reset an hour away is not waited for") {
    h.sim.fault(
        {{"route", "POST /v5/pins"},
         {"count", 1},
         {"status", 429},
         {"headers", json::object{{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "3600"}}}});
    const std::string body = pin_post(h, "Rate limited");
    lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
    CHECK(r.status == "failed");
    REQUIRE(r.targets[0].error);
    CHECK(r.targets[0].error->code == "pinterest.rate_limited");
    CHECK(h.sim.log("POST", "/v5/pins").size() == 1);
  }
}

TEST_CASE("targets of several accounts all publish, each account's in order", "[publish]") {
  Host h;
  lmp::AccountConfig second = h.config.accounts[0];
  second.id = "acc_pin_2";
  h.config.accounts.push_back(second);
  const std::string body =
      R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"},)"
      R"({"platform":"pinterest","accountId":"acc_pin_2"},{"platform":"tiny","accountId":"acc_tiny"}],)"
      R"("text":"Three targets","media":[{"type":"image","url":")" +
      h.sim.base_url() + R"(/media/demo.jpg"}],"options":{"boardId":"1234567890"}})";
  lmp::PostResult r = h.publisher->publish(lmp::parse_post(body), body);
  CHECK(r.status == "published");
  REQUIRE(r.targets.size() == 3);
  CHECK(r.targets[0].id != r.targets[1].id);
  CHECK(pins_created(h) == 2);
}
