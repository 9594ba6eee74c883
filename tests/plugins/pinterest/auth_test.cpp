// Token replies become the credentials the host stores; nothing but the ABI's keys is reported.
#include <catch2/catch.hpp>

#include "plugins/pinterest/auth.hpp"
#include "plugins/pinterest/errors.hpp"

namespace {
namespace json = boost::json;
constexpr int64_t kNow = 1'796'000'000'000;  // 2026-11-30T00:53:20Z
}  // namespace

TEST_CASE("a refresh reply rotates the refresh token and sets absolute expiries",
          "[pinterest][auth]") {
  pinterest::Credentials prev;
  prev.access_token = "old-access";
  prev.refresh_token = "old-refresh";
  prev.client_id = "id";
  prev.client_secret = "secret";
  auto c = pinterest::credentials_from_token_reply(
      json::parse(R"({"access_token":"pina_new","token_type":"bearer","expires_in":2592000,
          "scope":"boards:read,pins:write","refresh_token":"pinr_new",
          "refresh_token_expires_in":5184000,"refresh_token_expires_at":1801184000})"),
      kNow, prev);
  CHECK(c.access_token == "pina_new");
  CHECK(c.refresh_token == "pinr_new");
  CHECK(c.expires_at_ms == kNow + 2592000000LL);
  CHECK(c.refresh_expires_at_ms == 1801184000000LL);
  CHECK(c.scope == "boards:read,pins:write");
  CHECK(c.client_secret == "secret");
  json::object reported = pinterest::credentials_json(c);
  CHECK(reported == json::parse(R"({"accessToken":"pina_new","refreshToken":"pinr_new",
      "expiresAt":"2026-12-30T00:53:20Z","refreshTokenExpiresAt":"2027-01-29T00:53:20Z",
      "scope":"boards:read,pins:write"})"));
  CHECK_FALSE(reported.contains("clientSecret"));
}

TEST_CASE("a reply without a new refresh token keeps the old one", "[pinterest][auth]") {
  pinterest::Credentials prev;
  prev.refresh_token = "keep";
  auto c = pinterest::credentials_from_token_reply(
      json::parse(R"({"access_token":"a","expires_in":10})"), kNow, prev);
  CHECK(c.refresh_token == "keep");
  CHECK(c.expires_at_ms == kNow + 10000);
  CHECK_THROWS_AS(
      pinterest::credentials_from_token_reply(json::parse(R"({"error":"x"})"), kNow, prev),
      letmepost::Error);
}
