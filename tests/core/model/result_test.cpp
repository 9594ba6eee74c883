#include <catch2/catch.hpp>

#include "core/model/result.hpp"

namespace json = boost::json;

namespace {

lmp::TargetResult target(std::string status) {
  lmp::TargetResult t;
  t.platform = "pinterest";
  t.account_id = "acc";
  t.status = std::move(status);
  return t;
}

}  // namespace

TEST_CASE("a post result has exactly the documented shape", "[model][result]") {
  lmp::PostResult post;
  post.id = "post_01";
  lmp::TargetResult ok = target("published");
  ok.id = "987";
  ok.url = "https://www.pinterest.com/pin/987/";
  ok.rate_limit = lmp::RateLimit{100, 97, "2026-11-28T12:00:00Z"};
  lmp::TargetResult bad = target("failed");
  bad.account_id = "acc2";
  bad.error = lmp::make_error("pinterest.board.not_found", "No board 1.", "options.boardId");
  bad.errors.push_back(*bad.error);
  bad.late = true;
  post.targets = {ok, bad};
  post.status = lmp::overall_status(post.targets);

  const json::value expected = json::parse(R"({
    "id": "post_01", "status": "partial",
    "targets": [
      {"platform": "pinterest", "accountId": "acc", "status": "published", "id": "987",
       "url": "https://www.pinterest.com/pin/987/", "error": null, "errors": [], "late": false,
       "rateLimit": {"limit": 100, "remaining": 97, "resetAt": "2026-11-28T12:00:00Z"}},
      {"platform": "pinterest", "accountId": "acc2", "status": "failed", "id": null, "url": null,
       "error": {"code": "pinterest.board.not_found", "message": "No board 1.",
                 "field": "options.boardId", "retryable": false, "retryAfterMs": null,
                 "platform": null},
       "errors": [{"code": "pinterest.board.not_found", "message": "No board 1.",
                   "field": "options.boardId", "retryable": false, "retryAfterMs": null,
                   "platform": null}],
       "late": true, "rateLimit": null}
    ],
    "errors": []
  })");
  CHECK(json::value(post.to_json()) == expected);
  // Key order is part of the contract users read.
  CHECK(json::serialize(post.to_json())
            .rfind(R"({"id":"post_01","status":"partial","targets":)", 0) == 0);

  auto back = lmp::PostResult::from_json(post.to_json());
  REQUIRE(back);
  CHECK(json::value(back->to_json()) == expected);
}

TEST_CASE("reading back rejects malformed results", "[model][result]") {
  CHECK_FALSE(lmp::PostResult::from_json(json::parse("[]")));
  CHECK_FALSE(lmp::PostResult::from_json(json::parse(R"({"status":"failed"})")));
  CHECK_FALSE(lmp::PostResult::from_json(
      json::parse(R"({"id":"p","status":"failed","targets":[{"platform":"x"}]})")));
  CHECK_FALSE(lmp::PostResult::from_json(json::parse(
      R"({"id":"p","status":"failed","targets":[{"platform":"x","accountId":"a","status":"failed","late":"yes"}]})")));
  CHECK_FALSE(lmp::PostResult::from_json(json::parse(
      R"({"id":"p","status":"failed","targets":[{"platform":"x","accountId":"a","status":"failed","rateLimit":{"limit":1}}]})")));
  auto minimal = lmp::PostResult::from_json(json::parse(R"({"id":"p","status":"failed"})"));
  REQUIRE(minimal);
  CHECK(minimal->targets.empty());
  CHECK(minimal->errors.empty());
}

TEST_CASE("the overall status follows the targets'", "[model][result]") {
  using V = std::vector<lmp::TargetResult>;
  CHECK(lmp::overall_status(V{}) == "failed");
  CHECK(lmp::overall_status(V{target("published"), target("published")}) == "published");
  CHECK(lmp::overall_status(V{target("scheduled"), target("scheduled")}) == "scheduled");
  CHECK(lmp::overall_status(V{target("failed"), target("failed")}) == "failed");
  CHECK(lmp::overall_status(V{target("published"), target("failed")}) == "partial");
  CHECK(lmp::overall_status(V{target("scheduled"), target("failed")}) == "partial");
  CHECK(lmp::overall_status(V{target("published"), target("scheduled")}) == "scheduled");
  CHECK(lmp::overall_status(V{target("published"), target("publishing")}) == "publishing");
  CHECK(lmp::overall_status(V{target("queued"), target("queued")}) == "queued");
  CHECK(lmp::overall_status(V{target("published"), target("cancelled")}) == "cancelled");
}

TEST_CASE("the preflight document", "[model][result]") {
  lmp::PreflightReport report;
  report.targets.push_back({"pinterest", "acc", {}});
  CHECK(report.ok());
  CHECK(json::value(report.to_json()) == json::parse(R"({"ok":true,"errors":[],
                        "targets":[{"platform":"pinterest","accountId":"acc","ok":true,"errors":[]}]})"));

  report.targets[0].errors.push_back(
      lmp::make_error("pinterest.board.not_found", "No board.", "options.pinterest.boardId"));
  CHECK_FALSE(report.ok());
  auto doc = report.to_json();
  CHECK(doc.at("ok") == false);
  CHECK(doc.at("targets").at(0).at("ok") == false);
  CHECK(doc.at("targets").at(0).at("errors").at(0).at("field") == "options.pinterest.boardId");

  lmp::PreflightReport top;
  top.errors.push_back(lmp::make_error("validation.required", "text is required.", "text"));
  CHECK_FALSE(top.ok());
  CHECK(top.to_json().at("errors").at(0).at("code") == "validation.required");
  CHECK(top.to_json().at("targets").as_array().empty());
}
