// connect end to end through the simulator's consent page: the authorize URL, the redirect
// with code and state, the code exchanged for tokens that publish.
#include <catch2/catch.hpp>

#include "plugins/pinterest/harness.hpp"

namespace {

using namespace pintest;
using lmp::Operation;

// The value of `key` in the query of url (percent-decoding is not needed for these values).
std::string query_value(const std::string &url, const std::string &key) {
  const size_t at = url.find(key + "=");
  if (at == std::string::npos) return "";
  const size_t start = at + key.size() + 1;
  return url.substr(start, url.find('&', start) - start);
}

}  // namespace

TEST_CASE("connect: authorize at the simulator, exchange the code, publish",
          "[pinterest][connect]") {
  Harness h;
  const std::string redirect = "http://127.0.0.1:8765/callback";
  json::object begin_request = h.request({{"state", "st4te"}, {"redirectUri", redirect}});
  begin_request["credentials"] = json::object{{"clientId", kClientId}};
  auto begin = h.run(Operation::kConnectBegin, begin_request);
  REQUIRE(error_code(begin) == "");
  const std::string authorize(begin.result.at("authorizeUrl").as_string());
  CHECK_THAT(authorize, Catch::StartsWith(h.sim.base_url() + "/oauth/?client_id=sim-client-id&"));
  CHECK_THAT(authorize, Catch::Contains("response_type=code"));

  // The consent page approves at once and redirects back with the code and our state.
  auto consent = lmp::test::TestHttp::get(authorize);
  REQUIRE(consent.status == 302);
  const std::string location = consent.header("Location");
  CHECK_THAT(location, Catch::StartsWith(redirect + "?"));
  CHECK(query_value(location, "state") == "st4te");
  const std::string code = query_value(location, "code");
  REQUIRE_FALSE(code.empty());

  json::object finish_request = h.request({{"code", code}, {"redirectUri", redirect}});
  finish_request["credentials"] =
      json::object{{"clientId", kClientId}, {"clientSecret", kClientSecret}};
  auto finish = h.run(Operation::kConnectFinish, finish_request);
  REQUIRE(error_code(finish) == "");
  CHECK(finish.result.at("username") == "letmepost-demo");
  const json::object &creds = finish.result.at("credentials").as_object();
  CHECK(creds.at("accessToken").as_string().starts_with("pina_"));
  CHECK(creds.at("refreshToken").as_string().starts_with("pinr_"));
  CHECK(creds.at("scope") == "boards:read,boards:write,pins:read,pins:write,user_accounts:read");
  auto exchange = h.log("POST", "/v5/oauth/token");
  REQUIRE(exchange.size() == 1);
  CHECK(exchange[0].at("body").at("grant_type") == "authorization_code");

  // The code is used up; the tokens publish.
  auto reused = h.run(Operation::kConnectFinish, finish_request);
  CHECK(error_code(reused) == "pinterest.auth.code_rejected");
  json::object publish_creds = creds;
  publish_creds["clientId"] = kClientId;
  publish_creds["clientSecret"] = kClientSecret;
  CHECK(error_code(h.run(Operation::kPublish, h.request({{"credentials", publish_creds}}))) == "");
}

TEST_CASE("connect_finish with a wrong client secret", "[pinterest][connect]") {
  Harness h;
  json::object request = h.request({{"code", "nope"}, {"redirectUri", "http://127.0.0.1/cb"}});
  request["credentials"] = json::object{{"clientId", kClientId}, {"clientSecret", "wrong"}};
  CHECK(error_code(h.run(Operation::kConnectFinish, request)) == "pinterest.auth.invalid_client");
  request["credentials"] = json::object{{"clientId", kClientId}};
  auto missing = h.run(Operation::kConnectFinish, request);
  CHECK(error_code(missing) == "pinterest.auth.missing_credentials");
  CHECK(missing.error->field == "credentials.clientSecret");
}
