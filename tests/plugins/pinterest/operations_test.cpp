// delete_post, check_account, find_post and map_error through the module; Pinterest errors
// mapped on the way (429 with and without headers, spam, Trial in production, 5xx).
#include <catch2/catch.hpp>

#include "plugins/pinterest/harness.hpp"
#include "plugins/pinterest/time_text.hpp"

namespace {

using namespace pintest;
using lmp::Operation;

json::object no_checks() {
  return fast_config({{"check_destination", false}, {"check_media", false}});
}

}  // namespace

TEST_CASE("delete_post removes a pin; a second delete finds none", "[pinterest][operations]") {
  Harness h(no_checks());
  auto pin = h.run(Operation::kPublish, h.request());
  REQUIRE(error_code(pin) == "");
  json::object del = h.request({{"id", pin.result.at("id")}});
  auto out = h.run(Operation::kDeletePost, del);
  REQUIRE(error_code(out) == "");
  CHECK(out.result.at("deleted") == true);
  CHECK(error_code(h.run(Operation::kDeletePost, del)) == "pinterest.pin.not_found");
  CHECK(error_code(h.run(Operation::kDeletePost, h.request({{"id", "../boards"}}))) ==
        "pinterest.pin.invalid_id");
}

TEST_CASE("check_account tells whether the token works", "[pinterest][operations]") {
  Harness h;
  auto ok = h.run(Operation::kCheckAccount, h.request());
  REQUIRE(error_code(ok) == "");
  CHECK(ok.result.at("ok") == true);
  CHECK(ok.result.at("username") == "letmepost-demo");
  json::object bad =
      h.request({{"credentials", json::object{{"accessToken", "nope"}, {"scope", "pins:read"}}}});
  auto out = h.run(Operation::kCheckAccount, bad);
  REQUIRE(error_code(out) == "");
  CHECK(out.result.at("ok") == false);
  CHECK(out.result.at("error").at("code") == "pinterest.auth.reconnect_required");
  CHECK(out.result.at("missingScopes").as_array().size() == 4);
}

TEST_CASE("find_post finds a pin created after a time", "[pinterest][operations]") {
  Harness h(no_checks());
  const std::string before = pinterest::format_rfc3339(lmp::host_clock().now_unix_ms() - 5000);
  json::object options{{"boardId", kDemoBoard}, {"title", "Find me"}};
  REQUIRE(error_code(h.run(Operation::kPublish,
                           h.request({{"options", json::object{{"boardId", kDemoBoard},
                                                               {"title", "Other"}}}}))) == "");
  auto pin = h.run(Operation::kPublish, h.request({{"options", options}}));
  REQUIRE(error_code(pin) == "");
  auto found = h.run(Operation::kFindPost, h.request({{"options", options}, {"after", before}}));
  REQUIRE(error_code(found) == "");
  CHECK(found.result.at("found") == true);
  CHECK(found.result.at("id") == pin.result.at("id"));
  json::object other{{"boardId", kDemoBoard}, {"title", "Never published"}};
  auto missing = h.run(Operation::kFindPost, h.request({{"options", other}, {"after", before}}));
  CHECK(missing.result.at("found") == false);
  json::object bad{{"boardId", "1/../../user_account"}};
  CHECK(error_code(h.run(Operation::kFindPost, h.request({{"options", bad}, {"after", before}}))) ==
        "pinterest.board.invalid_id");
}

TEST_CASE("Pinterest errors on publish map to their codes", "[pinterest][operations][errors]") {
  Harness h(no_checks());
  auto publish_with = [&](json::object fault) {
    fault["method"] = "POST";
    fault["path"] = "/v5/pins";
    fault["count"] = 1;
    h.fault(fault);
    return h.run(Operation::kPublish, h.request());
  };
  SECTION("429 with rate-limit headers") {
    auto out = publish_with({{"status", 429},
                             {"headers", json::object{{"x-ratelimit-limit", "100"},
                                                      {"x-ratelimit-remaining", "0"},
                                                      {"x-ratelimit-reset", "30"}}}});
    REQUIRE(error_code(out) == "pinterest.rate_limited");
    CHECK(out.error->retryable);
    CHECK(out.error->retry_after_ms == 30000);
    CHECK(out.error->platform.at("requestId").is_string());
    CHECK(out.error->platform.at("code") == 8);
  }
  SECTION("429 without headers: the configured backoff") {
    auto out =
        publish_with({{"status", 429},
                      {"body", R"({"code":8,"message":"This request exceeded a rate limit."})"}});
    REQUIRE(error_code(out) == "pinterest.rate_limited");
    CHECK(out.error->retry_after_ms == 1234);
  }
  SECTION("a spam block is not retryable") {
    auto out = publish_with(
        {{"status", 429}, {"body", R"({"code":8,"message":"Blocked","message_detail":"spam"})"}});
    CHECK(error_code(out) == "pinterest.spam_blocked");
    CHECK_FALSE(out.error->retryable);
  }
  SECTION("5xx is retryable, an unknown reply keeps its raw body") {
    CHECK(error_code(publish_with({{"status", 503}})) == "pinterest.server_error");
    auto odd = publish_with({{"status", 418}, {"body", "short and stout"}});
    CHECK(error_code(odd) == "pinterest.unknown");
    CHECK(odd.error->platform.at("raw") == "short and stout");
  }
  SECTION("a dropped connection leaves the pin's outcome unknown") {
    auto out = publish_with({{"drop", true}});
    CHECK(error_code(out) == "pinterest.pin.outcome_unknown");
    CHECK(out.error->retryable);
  }
  SECTION("a 2xx without a pin id") {
    CHECK(error_code(publish_with({{"status", 201}, {"body", "{}"}})) ==
          "pinterest.pin.outcome_unknown");
  }
}

TEST_CASE("a Trial app in production gets its own code", "[pinterest][operations][errors]") {
  Harness h(no_checks(), {"--environment", "production"});
  json::object request =
      h.request({{"credentials", json::object{{"accessToken", "sim-trial-token"}}},
                 {"options", json::object{{"boardId", "1334567890"}}}});
  auto out = h.run(Operation::kPublish, request);
  CHECK(error_code(out) == "pinterest.access.trial_production");
  CHECK(out.error->platform.at("httpStatus") == 403);
}

TEST_CASE("map_error through the module", "[pinterest][operations][errors]") {
  Harness h;
  auto out = h.run(Operation::kMapError,
                   json::object{{"status", 404},
                                {"headers", json::object{{"x-pinterest-rid", "rid-1"}}},
                                {"body", R"({"code":40,"message":"Board not found."})"}});
  REQUIRE(out.status == LMP_ERROR);
  CHECK(out.error->code == "pinterest.board.not_found");
  CHECK(out.error->platform.at("requestId") == "rid-1");
  auto bad = h.run(Operation::kMapError, json::object{{"status", "x"}});
  CHECK(error_code(bad) == "adapter.invalid_request");
}
