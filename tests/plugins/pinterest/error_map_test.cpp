// The error mapper, fed the replies Pinterest (and S3) give: status first, then code,
// message_detail and S3's <Code>; platform detail kept.
#include <catch2/catch.hpp>
#include <set>

#include "plugins/pinterest/error_map.hpp"
#include "plugins/pinterest/errors.hpp"

namespace {

namespace json = boost::json;
using pinterest::Reply;
using pinterest::Subject;

constexpr int64_t kNow = 1'796'000'000'000;

Reply reply(int status, std::string body, std::map<std::string, std::string> headers = {}) {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

json::object map(const Reply &r, Subject s = Subject::kGeneral) {
  return pinterest::map_reply(r, s, kNow, 60000);
}

}  // namespace

TEST_CASE("each known Pinterest reply maps to its code", "[pinterest][errors]") {
  auto [status, body, subject, code,
        field] = GENERATE(table<int, std::string, Subject, std::string, std::string>({
      {400, R"({"code":1,"message":"Sorry, you entered an invalid URL."})", Subject::kPinCreate,
       "pinterest.link.invalid", "options.destinationUrl"},
      {400, R"({"code":1,"message":"Invalid parameters."})", Subject::kGeneral,
       "pinterest.invalid_request", ""},
      {400, R"({"code":400,"message":"Invalid board name."})", Subject::kGeneral,
       "pinterest.invalid_request", ""},
      {401, R"({"code":2,"message":"Authentication failed."})", Subject::kGeneral,
       "pinterest.auth.invalid_token", ""},
      {401, R"({"code":3,"message":"Authentication failed: lacks scopes"})", Subject::kGeneral,
       "pinterest.auth.missing_scope", ""},
      {401, R"({"code":7,"message":"Not authorized to access board"})", Subject::kGeneral,
       "pinterest.access.forbidden", ""},
      {403,
       R"({"code":29,"message":"Apps with Trial access may not create Pins in production https://api.pinterest.com - use API Sandbox https://api-sandbox.pinterest.com instead."})",
       Subject::kPinCreate, "pinterest.access.trial_production", ""},
      {403, R"({"code":29,"message":"You are not permitted to access that resource."})",
       Subject::kGeneral, "pinterest.access.forbidden", ""},
      {403, R"({"code":233,"message":"Image too small"})", Subject::kPinCreate,
       "pinterest.image.too_small", ""},
      {403, R"({"code":235,"message":"Image broken"})", Subject::kPinCreate,
       "pinterest.image.broken", ""},
      {403, R"({"code":403,"message":"Not authorized"})", Subject::kGeneral,
       "pinterest.access.forbidden", ""},
      {404, R"({"code":40,"message":"Board not found."})", Subject::kPinCreate,
       "pinterest.board.not_found", "options.boardId"},
      {404, R"({"code":2031,"message":"Board section not found."})", Subject::kPinCreate,
       "pinterest.section.not_found", "options.boardSectionId"},
      {404, R"({"code":50,"message":"Pin not found."})", Subject::kGeneral,
       "pinterest.pin.not_found", ""},
      {404, R"({"code":404,"message":"Board not found."})", Subject::kGeneral,
       "pinterest.board.not_found", "options.boardId"},
      {404, R"({"code":404,"message":"Section not found."})", Subject::kGeneral,
       "pinterest.section.not_found", "options.boardSectionId"},
      {404, R"({"code":404,"message":"Not found."})", Subject::kPin, "pinterest.pin.not_found", ""},
      {404, R"({"code":404,"message":"Not found."})", Subject::kBoard, "pinterest.board.not_found",
       "options.boardId"},
      {404, R"({"code":404,"message":"Media upload not found"})", Subject::kGeneral,
       "pinterest.not_found", ""},
      {404, R"({"code":30,"message":"User not found."})", Subject::kGeneral, "pinterest.not_found",
       ""},
      {409, R"({"code":409,"message":"Could not get exclusive access"})", Subject::kGeneral,
       "pinterest.conflict", ""},
      {429, R"({"code":8,"message":"This request exceeded a rate limit."})", Subject::kGeneral,
       "pinterest.rate_limited", ""},
      {429, R"({"code":8,"message":"Blocked","message_detail":"Your request was flagged as SPAM"})",
       Subject::kPinCreate, "pinterest.spam_blocked", ""},
      {429, R"({"code":8,"message":"Request blocked as spam."})", Subject::kPinCreate,
       "pinterest.spam_blocked", ""},
      {500, R"({"code":500,"message":"Could not create a new board section."})", Subject::kGeneral,
       "pinterest.server_error", ""},
      {503, "<html>Service Unavailable</html>", Subject::kGeneral, "pinterest.server_error", ""},
      {418, R"({"code":418,"message":"I'm a teapot"})", Subject::kGeneral, "pinterest.unknown", ""},
      {400, R"({"code":1,"message":"invalid_grant"})", Subject::kToken,
       "pinterest.auth.reconnect_required", ""},
      {401, R"({"code":2,"message":"Authentication failed."})", Subject::kToken,
       "pinterest.auth.invalid_client", ""},
      {400, R"({"code":1,"message":"invalid code"})", Subject::kCode,
       "pinterest.auth.code_rejected", ""},
      {403,
       "<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The "
       "signature does not match.</Message></Error>",
       Subject::kGeneral, "pinterest.upload.rejected", ""},
      {403,
       "<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy "
       "expired.</Message></Error>",
       Subject::kGeneral, "pinterest.upload.policy_expired", ""},
      {500,
       "<Error><Code>InternalError</Code><Message>We encountered an internal "
       "error.</Message></Error>",
       Subject::kGeneral, "pinterest.server_error", ""},
  }));
  CAPTURE(status, body);
  json::object e = map(reply(status, body, {{"x-pinterest-rid", "rid-123"}}), subject);
  CHECK(pinterest::code_of(e) == code);
  CHECK(pinterest::in_catalog(code));
  if (field.empty()) {
    CHECK(e.at("field").is_null());
  } else {
    CHECK(e.at("field") == json::value(field));
  }
  const json::object &p = e.at("platform").as_object();
  CHECK(p.at("httpStatus") == status);
  CHECK(p.at("requestId") == "rid-123");
  CHECK_FALSE(p.at("raw").is_null());
  CHECK_FALSE(e.at("message").as_string().empty());
}

TEST_CASE("platform detail keeps Pinterest's code, message and raw body", "[pinterest][errors]") {
  json::object e = map(reply(404, R"({"code":40,"message":"Board not found.","extra":[1]})"));
  const json::object &p = e.at("platform").as_object();
  CHECK(p.at("code") == 40);
  CHECK(p.at("message") == "Board not found.");
  CHECK(p.at("raw").at("extra").at(0) == 1);
  CHECK(p.at("requestId").is_null());
  CHECK(e.at("message") == "Pinterest answered HTTP 404 (code 40): Board not found.");

  json::object s3 =
      map(reply(403, "<Error><Code>AccessDenied</Code><Message>No.</Message></Error>"));
  CHECK(s3.at("platform").at("code") == "AccessDenied");
  CHECK(s3.at("platform").at("raw").is_string());
}

TEST_CASE("an unknown or unreadable reply keeps its raw text", "[pinterest][errors]") {
  json::object e = map(reply(451, "not json at all"));
  CHECK(pinterest::code_of(e) == "pinterest.unknown");
  CHECK(e.at("platform").at("raw") == "not json at all");
  CHECK(e.at("platform").at("code").is_null());
  CHECK(e.at("retryable") == false);

  json::object empty = map(reply(500, ""));
  CHECK(pinterest::code_of(empty) == "pinterest.server_error");
  CHECK(empty.at("retryable") == true);
  CHECK(empty.at("platform").at("raw").is_null());

  json::object huge = map(reply(502, std::string(200000, 'x')));
  CHECK(huge.at("platform").at("raw").as_string().size() < 70000);
}

TEST_CASE("a 429 carries retryAfterMs from the headers, else the backoff", "[pinterest][errors]") {
  const std::string body = R"({"code":8,"message":"This request exceeded a rate limit."})";
  SECTION("Retry-After in seconds") {
    json::object e = map(reply(429, body, {{"retry-after", "7"}}));
    CHECK(e.at("retryAfterMs") == 7000);
    CHECK(e.at("retryable") == true);
  }
  SECTION("Retry-After as an HTTP date") {
    // kNow is 2026-11-30T00:53:20Z; the date is 10 s later.
    json::object e = map(reply(429, body, {{"retry-after", "Mon, 30 Nov 2026 00:53:30 GMT"}}));
    CHECK(e.at("retryAfterMs") == 10000);
  }
  SECTION("x-ratelimit-reset as seconds to the reset") {
    json::object e =
        map(reply(429, body, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "42"}}));
    CHECK(e.at("retryAfterMs") == 42000);
  }
  SECTION("x-ratelimit-reset as epoch seconds") {
    json::object e =
        map(reply(429, body, {{"x-ratelimit-reset", std::to_string(kNow / 1000 + 90)}}));
    CHECK(e.at("retryAfterMs") == 90000);
  }
  SECTION("no headers: the configured backoff") {
    json::object e = map(reply(429, body));
    CHECK(e.at("retryAfterMs") == 60000);
  }
  SECTION("spam is never retryable") {
    json::object e = map(
        reply(429, R"({"code":8,"message":"x","message_detail":"spam"})", {{"retry-after", "5"}}));
    CHECK(pinterest::code_of(e) == "pinterest.spam_blocked");
    CHECK(e.at("retryable") == false);
    CHECK(e.at("retryAfterMs").is_null());
  }
}

TEST_CASE("no reply: network, or an unknown outcome for a sent pin", "[pinterest][errors]") {
  Reply r;
  r.transport_kind = "timeout";
  r.transport_message = "POST http://127.0.0.1:1/v5/pins timed out";
  CHECK(pinterest::code_of(map(r)) == "pinterest.network");
  json::object pin = map(r, Subject::kPinCreate);
  CHECK(pinterest::code_of(pin) == "pinterest.pin.outcome_unknown");
  CHECK(pin.at("retryable") == true);
  CHECK(pin.at("platform").at("code") == "timeout");
  r.transport_kind = "dns";
  CHECK(pinterest::code_of(map(r, Subject::kPinCreate)) == "pinterest.network");
  r.transport_kind = "bad_request";
  CHECK(map(r).at("retryable") == false);
}

TEST_CASE("map_error's request document becomes a reply", "[pinterest][errors]") {
  Reply r = pinterest::reply_from_document(
      json::parse(R"({"status":404,"headers":{"X-Pinterest-RID":"abc"},"body":"{\"code\":40}"})"));
  CHECK(r.status == 404);
  CHECK(r.header("x-pinterest-rid") == "abc");
  CHECK(r.body == R"({"code":40})");
  CHECK_THROWS(pinterest::reply_from_document(json::parse(R"({"status":"404"})")));
  CHECK_THROWS(pinterest::reply_from_document(json::parse("[1]")));
}

TEST_CASE("every code in the catalog is pinterest.* and unique", "[pinterest][errors]") {
  std::set<std::string> seen;
  for (const auto &e : pinterest::catalog()) {
    CHECK(std::string(e.code).rfind("pinterest.", 0) == 0);
    CHECK(seen.insert(e.code).second);
    CHECK(std::string(e.description).size() > 10);
  }
}
