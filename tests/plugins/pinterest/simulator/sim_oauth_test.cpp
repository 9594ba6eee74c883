// The simulator's OAuth: consent page, code exchange with Basic client auth, refresh-token
// rotation, expiry.
#include <catch2/catch.hpp>

#include "core/httpd/message.hpp"
#include "plugins/pinterest/simulator/sim_client.hpp"

using namespace lmp::test;

namespace {

const std::string kRedirect = "http://127.0.0.1:9/callback";

// "Basic base64(client:secret)" for the built-in app (the base64 is computed by hand here, since
// the simulator's own encoder is what is under test elsewhere).
Headers basic(const std::string &credentials) {
  return {{"Authorization", "Basic " + credentials},
          {"Content-Type", "application/x-www-form-urlencoded"}};
}
const std::string kGoodClient =
    "c2ltLWNsaWVudC1pZDpzaW0tY2xpZW50LXNlY3JldA==";             // sim-client-id:sim-client-secret
const std::string kBadSecret = "c2ltLWNsaWVudC1pZDp3cm9uZw==";  // sim-client-id:wrong

// Follows the consent page; returns the query of the redirect it answers with.
std::map<std::string, std::string> consent(const SimClient &sim, const std::string &extra = {}) {
  const auto reply = TestHttp::get(
      sim.url("/oauth/?client_id=sim-client-id&redirect_uri=" + lmp::httpd::url_encode(kRedirect) +
              "&response_type=code&scope=boards:read,pins:read,pins:write,boards:write,"
              "user_accounts:read&state=xyz" +
              extra));
  REQUIRE(reply.status == 302);
  const std::string location = reply.header("Location");
  REQUIRE(location.rfind(kRedirect + "?", 0) == 0);
  lmp::httpd::Request parsed;
  parsed.query = location.substr(kRedirect.size() + 1);
  return parsed.query_params();
}

HttpReply token(const SimClient &sim, const std::string &form,
                const std::string &client = kGoodClient) {
  return TestHttp::post(sim.url("/v5/oauth/token"), form, basic(client));
}

std::string exchange_form(const std::string &code) {
  return "grant_type=authorization_code&code=" + lmp::httpd::url_encode(code) +
         "&redirect_uri=" + lmp::httpd::url_encode(kRedirect);
}

}  // namespace

TEST_CASE("simulated consent page redirects with code and state", "[sim][oauth]") {
  SimClient sim;
  auto params = consent(sim);
  CHECK(params["state"] == "xyz");
  CHECK(params["code"].size() >= 16);
  CHECK(consent(sim, "&sim_deny=1")["error"] == "access_denied");
  const auto unknown = TestHttp::get(sim.url("/oauth/?client_id=nope&redirect_uri=x"));
  CHECK(unknown.status == 400);
  CHECK(unknown.header("Location").empty());
}

TEST_CASE("simulator exchanges a code once, with client authentication", "[sim][oauth]") {
  SimClient sim;
  const std::string code = consent(sim)["code"];

  const auto wrong = token(sim, exchange_form(code), kBadSecret);
  CHECK(wrong.status == 401);
  CHECK(wrong.json().at("code") == 2);

  const auto reply = token(sim, exchange_form(code));
  REQUIRE(reply.status == 200);
  const auto tokens = reply.json().as_object();
  CHECK(tokens.at("token_type") == "bearer");
  CHECK(tokens.at("response_type") == "authorization_code");
  CHECK(tokens.at("expires_in") == 2592000);
  CHECK(tokens.at("refresh_token_expires_in") == 5184000);
  CHECK(tokens.at("refresh_token_expires_at").is_int64());
  const std::string access(tokens.at("access_token").as_string());
  CHECK(access.rfind("pina_", 0) == 0);
  CHECK(sim.get("/v5/user_account", access).json().at("username") == "letmepost-demo");

  const auto reused = token(sim, exchange_form(code));
  CHECK(reused.status == 400);
  CHECK(reused.json().at("code") == 283);

  const std::string other = consent(sim)["code"];
  const auto mismatch = token(sim, "grant_type=authorization_code&code=" + other +
                                       "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fother");
  CHECK(mismatch.status == 400);
  CHECK(token(sim, "grant_type=password&username=x").status == 400);
  CHECK(TestHttp::post(sim.url("/v5/oauth/token"), exchange_form(other)).status == 401);
  // The log keeps the grant type but never the code or tokens.
  const std::string log = boost::json::serialize(sim.log("path=/v5/oauth/token"));
  CHECK(log.find("authorization_code") != std::string::npos);
  CHECK(log.find(code) == std::string::npos);
  CHECK(log.find(access) == std::string::npos);
}

TEST_CASE("simulator rotates refresh tokens", "[sim][oauth]") {
  SimClient sim;
  const auto first = token(sim, "grant_type=refresh_token&refresh_token=sim-refresh-token");
  REQUIRE(first.status == 200);
  const auto tokens = first.json().as_object();
  CHECK(tokens.at("response_type") == "refresh_token");
  const std::string rotated(tokens.at("refresh_token").as_string());
  CHECK(rotated != "sim-refresh-token");
  CHECK(sim.get("/v5/boards", std::string(tokens.at("access_token").as_string())).status == 200);

  const auto again = token(sim, "grant_type=refresh_token&refresh_token=sim-refresh-token");
  CHECK(again.status == 400);
  CHECK(again.json().at("code") == 283);
  CHECK(token(sim, "grant_type=refresh_token&refresh_token=" + rotated).status == 200);
  CHECK(token(sim, "grant_type=refresh_token&refresh_token=" + rotated).status == 400);
}

TEST_CASE("simulator expires access tokens, refresh tokens and codes", "[sim][oauth]") {
  SimClient sim({"--token-ttl-s", "60", "--refresh-token-ttl-s", "120", "--code-ttl-s", "30"});
  const std::string code = consent(sim)["code"];
  CHECK(sim.get("/v5/boards").status == 200);
  sim.advance_ms(31000);
  CHECK(token(sim, exchange_form(code)).status == 400);  // the code expired
  sim.advance_ms(30000);
  const auto expired = sim.get("/v5/boards");
  CHECK(expired.status == 401);
  CHECK(expired.json().at("code") == 2);
  const auto refreshed = token(sim, "grant_type=refresh_token&refresh_token=sim-refresh-token");
  REQUIRE(refreshed.status == 200);
  CHECK(refreshed.json().at("expires_in") == 60);
  sim.advance_ms(121000);
  CHECK(token(sim, "grant_type=refresh_token&refresh_token=sim-trial-refresh-token").status == 400);
}

TEST_CASE("simulator checks token scopes", "[sim][oauth]") {
  SimClient sim;
  const auto reply = TestHttp::get(
      sim.url("/oauth/?client_id=sim-client-id&redirect_uri=" + lmp::httpd::url_encode(kRedirect) +
              "&response_type=code&scope=boards:read&state=s"));
  lmp::httpd::Request parsed;
  parsed.query = reply.header("Location").substr(kRedirect.size() + 1);
  const auto tokens = token(sim, exchange_form(parsed.query_params()["code"])).json();
  const std::string access(tokens.at("access_token").as_string());
  CHECK(sim.get("/v5/boards", access).status == 200);
  const auto denied = sim.post_json("/v5/pins", image_pin(sim), access);
  CHECK(denied.status == 401);
  CHECK(denied.json().at("code") == 3);
  CHECK(consent(sim, "&scope=pins:fly")["error"] == "invalid_scope");
}
