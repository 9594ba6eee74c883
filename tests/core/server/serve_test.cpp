// `letmepost serve` end to end: the API over loopback against the Pinterest simulator, with real
// SQLite. Key isolation, idempotency, scheduled posts, errors and shutdown.
#include <boost/json.hpp>

#include "serve_fixture.hpp"

namespace json = boost::json;
using lmp::test::kKeyAlpha;
using lmp::test::kKeyBeta;
using lmp::test::ServeFixture;

namespace {

std::string code_of(const lmp::test::HttpReply &r) {
  return std::string(r.json().at("error").at("code").as_string());
}

std::string str(const json::value &v) {
  return std::string(v.as_string());
}

}  // namespace

TEST_CASE("serve: health, request ids, 401 without a good key, 404 and 405", "[server]") {
  ServeFixture f;
  auto health = f.call("GET", "/healthz", "");
  CHECK(health.status == 200);
  CHECK(health.json().at("status") == "ok");
  CHECK_FALSE(health.header("X-Request-Id").empty());
  auto echoed = f.call("GET", "/healthz", "", {}, {{"X-Request-Id", "abc-123"}});
  CHECK(echoed.header("X-Request-Id") == "abc-123");

  auto none = f.call("GET", "/v1/posts", "");
  CHECK(none.status == 401);
  CHECK(code_of(none) == "api.unauthorized");
  auto bad = f.call("GET", "/v1/posts", "not-a-key");
  CHECK(bad.status == 401);
  CHECK(code_of(bad) == "api.unauthorized");
  auto missing = f.call("GET", "/v1/nothing", kKeyAlpha);
  CHECK(missing.status == 404);
  CHECK(code_of(missing) == "api.not_found");
  auto method = f.call("PUT", "/v1/posts", kKeyAlpha, "{}");
  CHECK(method.status == 405);
  CHECK(code_of(method) == "api.method_not_allowed");
  // The key never reaches the log.
  CHECK(f.scratch.read("serve.log").find(kKeyAlpha) == std::string::npos);
}

TEST_CASE("serve: a post is published, read and listed by its key only", "[server]") {
  ServeFixture f;
  auto created = f.call("POST", "/v1/posts", kKeyAlpha, f.image_post("acc_a", "Hello"));
  INFO(created.body << f.scratch.read("serve.log"));
  REQUIRE(created.status == 201);
  json::value doc = created.json();
  CHECK(doc.at("status") == "published");
  CHECK(doc.at("post").at("text") == "Hello");
  const std::string id = str(doc.at("id"));
  CHECK(created.header("Location") == "/v1/posts/" + id);
  CHECK_THAT(str(doc.at("targets").at(0).at("url")), Catch::StartsWith("https://www.pinterest"));

  auto shown = f.call("GET", "/v1/posts/" + id, kKeyAlpha);
  CHECK(shown.status == 200);
  CHECK(str(shown.json().at("id")) == id);
  auto foreign = f.call("GET", "/v1/posts/" + id, kKeyBeta);
  CHECK(foreign.status == 404);
  CHECK(code_of(foreign) == "api.not_found");
  CHECK(f.call("DELETE", "/v1/posts/" + id, kKeyBeta).status == 404);

  auto mine = f.call("GET", "/v1/posts?status=published&limit=10", kKeyAlpha).json();
  REQUIRE(mine.at("posts").as_array().size() == 1);
  CHECK(str(mine.at("posts").at(0).at("id")) == id);
  CHECK(mine.at("nextCursor").is_null());
  CHECK(f.call("GET", "/v1/posts", kKeyBeta).json().at("posts").as_array().empty());
  auto bad_limit = f.call("GET", "/v1/posts?limit=0", kKeyAlpha);
  CHECK(bad_limit.status == 400);
  CHECK(bad_limit.json().at("error").at("field") == "limit");

  // A key cannot post to another key's account: refused like an unknown account, not recorded.
  auto other = f.call("POST", "/v1/posts", kKeyAlpha, f.image_post("acc_b", "No"));
  CHECK(other.status == 422);
  CHECK(other.json().at("errors").at(0).at("code") == "validation.unknown_account");
  CHECK(f.call("GET", "/v1/posts", kKeyAlpha).json().at("posts").as_array().size() == 1);

  auto metrics = f.call("GET", "/metrics", "");
  CHECK(metrics.status == 200);
  CHECK_THAT(metrics.body, Catch::Contains("lmp_posts{status=\"published\"} 1"));
  CHECK_THAT(metrics.body, Catch::Contains("lmp_publish_duration_seconds_count 1"));
  CHECK_THAT(metrics.body, Catch::Contains("lmp_queue_depth 0"));
  CHECK_THAT(metrics.body, Catch::Contains("lmp_rate_limit_remaining{platform=\"pinterest\","
                                           "account=\"acc_a\"}"));

  auto removed = f.call("DELETE", "/v1/posts/" + id + "?unpublish=true", kKeyAlpha);
  INFO(removed.body);
  CHECK(removed.status == 200);
  CHECK(removed.json().at("targets").at(0).at("status") == "deleted");
}

TEST_CASE("serve: 400 for a malformed body, 422 for a failed preflight recorded as failed",
          "[server]") {
  ServeFixture f;
  auto malformed = f.call("POST", "/v1/posts", kKeyAlpha, "{\"targets\": [");
  CHECK(malformed.status == 400);
  CHECK(code_of(malformed) == "validation.malformed_json");

  const std::string bad_board = R"({"targets":[{"platform":"pinterest","accountId":"acc_a"}],
    "text":"x","media":[{"type":"image","url":")" +
                                f.sim.base_url() +
                                R"(/media/demo.jpg"}],"options":{"pinterest":{"boardId":"999"}}})";
  auto failed = f.call("POST", "/v1/posts", kKeyAlpha, bad_board);
  INFO(failed.body);
  REQUIRE(failed.status == 422);
  json::value doc = failed.json();
  CHECK(doc.at("error").at("code") == "api.preflight_failed");
  CHECK(doc.at("ok") == false);
  CHECK(doc.at("targets").at(0).at("errors").at(0).at("field") == "options.pinterest.boardId");
  auto recorded = f.call("GET", "/v1/posts/" + str(doc.at("id")), kKeyAlpha);
  CHECK(recorded.status == 200);
  CHECK(recorded.json().at("status") == "failed");

  auto pre = f.call("POST", "/v1/posts/preflight", kKeyAlpha, bad_board);
  CHECK(pre.status == 200);
  CHECK(pre.json().at("ok") == false);
  auto fine = f.call("POST", "/v1/posts/preflight", kKeyAlpha, f.image_post("acc_a", "ok"));
  CHECK(fine.status == 200);
  CHECK(fine.json().at("ok") == true);
}

TEST_CASE("serve: Idempotency-Key replays the first answer per key, 409 for another body",
          "[server]") {
  ServeFixture f;
  const std::string body = f.image_post("acc_a", "Once");
  auto first = f.call("POST", "/v1/posts", kKeyAlpha, body, {{"Idempotency-Key", "k1"}});
  REQUIRE(first.status == 201);
  auto again = f.call("POST", "/v1/posts", kKeyAlpha, body, {{"Idempotency-Key", "k1"}});
  CHECK(again.status == 201);
  CHECK(again.header("Idempotent-Replayed") == "true");
  CHECK(again.json() == first.json());
  CHECK(f.call("GET", "/v1/posts", kKeyAlpha).json().at("posts").as_array().size() == 1);

  auto reused = f.call("POST", "/v1/posts", kKeyAlpha, f.image_post("acc_a", "Other"),
                       {{"Idempotency-Key", "k1"}});
  CHECK(reused.status == 409);
  CHECK(code_of(reused) == "idempotency.key_reused");

  // Keys are scoped per API key: beta's k1 is a new request.
  auto beta = f.call("POST", "/v1/posts", kKeyBeta, f.image_post("acc_b", "Once"),
                     {{"Idempotency-Key", "k1"}});
  CHECK(beta.status == 201);
  CHECK(beta.json().at("id") != first.json().at("id"));
}

TEST_CASE("serve: a scheduled post is created, changed, re-validated and cancelled", "[server]") {
  ServeFixture f;
  auto created = f.call("POST", "/v1/posts", kKeyAlpha,
                        f.image_post("acc_a", "Later", R"(,"scheduledAt":"2099-01-01T09:00:00Z")"));
  REQUIRE(created.status == 201);
  CHECK(created.json().at("status") == "scheduled");
  CHECK(created.json().at("scheduledAt") == "2099-01-01T09:00:00.000Z");
  const std::string path = "/v1/posts/" + str(created.json().at("id"));
  CHECK_THAT(f.call("GET", "/metrics", "").body, Catch::Contains("lmp_queue_depth 1"));

  auto patched = f.call("PATCH", path, kKeyAlpha,
                        R"({"text":"Later, changed","scheduledAt":"2099-02-01T10:00:00Z"})");
  INFO(patched.body);
  REQUIRE(patched.status == 200);
  CHECK(patched.json().at("post").at("text") == "Later, changed");
  CHECK(patched.json().at("scheduledAt") == "2099-02-01T10:00:00.000Z");

  auto targets = f.call("PATCH", path, kKeyAlpha, R"({"targets":[]})");
  CHECK(targets.status == 400);
  CHECK(targets.json().at("error").at("field") == "targets");
  auto invalid = f.call("PATCH", path, kKeyAlpha, R"({"options":{"boardId":"999"}})");
  CHECK(invalid.status == 422);
  CHECK(f.call("GET", path, kKeyAlpha).json().at("post").at("options").at("boardId") ==
        "1234567890");
  CHECK(f.call("PATCH", path, kKeyBeta, R"({"text":"x"})").status == 404);

  auto cancelled = f.call("DELETE", path, kKeyAlpha);
  CHECK(cancelled.status == 200);
  CHECK(cancelled.json().at("status") == "cancelled");
  auto twice = f.call("DELETE", path, kKeyAlpha);
  CHECK(twice.status == 409);
  CHECK(code_of(twice) == "api.not_scheduled");
  CHECK(f.call("PATCH", path, kKeyAlpha, R"({"text":"x"})").status == 409);
}

TEST_CASE("serve: accounts with token health, boards and plugins, per key", "[server]") {
  ServeFixture f;
  auto accounts = f.call("GET", "/v1/accounts", kKeyAlpha);
  INFO(accounts.body);
  REQUIRE(accounts.status == 200);
  const json::value doc = accounts.json();
  const auto &list = doc.at("accounts").as_array();
  REQUIRE(list.size() == 1);
  CHECK(list[0].at("id") == "acc_a");
  CHECK(list[0].at("health").at("ok") == true);
  CHECK(list[0].at("quota").at("limit").is_null());  // no monthly_quota configured
  CHECK(list[0].at("quota").at("used") == 0);

  auto boards = f.call("GET", "/v1/accounts/acc_a/boards?refresh=true", kKeyAlpha);
  INFO(boards.body);
  REQUIRE(boards.status == 200);
  CHECK(boards.json().at("accountId") == "acc_a");
  CHECK_FALSE(boards.json().at("destinations").as_array().empty());
  CHECK(f.call("GET", "/v1/accounts/acc_b/boards", kKeyAlpha).status == 404);
  CHECK(f.call("GET", "/v1/accounts/nope/boards", kKeyAlpha).status == 404);

  auto plugins = f.call("GET", "/v1/plugins", kKeyAlpha);
  CHECK(plugins.status == 200);
  CHECK(plugins.json().at("adapters").at(0).at("name") == "pinterest");
}

TEST_CASE("serve: SIGTERM stops it cleanly with exit 0", "[server]") {
  ServeFixture f;
  REQUIRE(f.call("GET", "/healthz", "").status == 200);
  f.server->kill(SIGTERM);
  CHECK(f.server->wait() == 0);
  CHECK_THAT(f.scratch.read("serve.log"), Catch::Contains("stopped"));
}
