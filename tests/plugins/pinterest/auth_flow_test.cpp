// Tokens against the simulator: refreshed ahead of expiry and once on 401, the rotated refresh
// token reported before it is used, one refresh for concurrent calls, reconnect when it is dead.
#include <catch2/catch.hpp>
#include <thread>

#include "plugins/pinterest/harness.hpp"
#include "plugins/pinterest/time_text.hpp"

namespace {

using namespace pintest;
using lmp::Operation;

json::object credentials(const std::string &access, const std::string &refresh,
                         const std::string &expires_at = "") {
  json::object c{{"accessToken", access},
                 {"refreshToken", refresh},
                 {"clientId", kClientId},
                 {"clientSecret", kClientSecret}};
  if (!expires_at.empty()) c["expiresAt"] = expires_at;
  return c;
}

}  // namespace

TEST_CASE("a rejected token is refreshed once and the rotation reported first",
          "[pinterest][auth]") {
  Harness h(fast_config({{"check_destination", false}}));
  size_t pins_when_reported = 99;
  h.on_credentials = [&](const json::object &) {
    pins_when_reported = h.log("POST", "/v5/pins").size();
  };
  auto out = h.run(Operation::kPublish,
                   h.request({{"credentials", credentials("expired-token", kRefreshToken)}}));
  REQUIRE(error_code(out) == "");
  REQUIRE(h.credential_updates().size() == 1);
  const json::object update = h.credential_updates().front();
  CHECK(update.at("accessToken").as_string().starts_with("pina_"));
  CHECK(update.at("refreshToken").as_string().starts_with("pinr_"));
  CHECK(update.at("expiresAt").is_string());
  CHECK(update.at("refreshTokenExpiresAt").is_string());
  CHECK_FALSE(update.contains("clientSecret"));
  // Reported before the pin request that used it: one rejected try, then none until the host
  // held the new tokens.
  CHECK(pins_when_reported == 1);
  auto token_calls = h.log("POST", "/v5/oauth/token");
  REQUIRE(token_calls.size() == 1);
  CHECK(token_calls[0].at("body").at("grant_type") == "refresh_token");
  CHECK(h.log("POST", "/v5/pins").size() == 2);

  // The old refresh token is dead at the simulator now. A call that still carries it (the
  // host's copy was read before the update) is given the rotated tokens, not a reconnect.
  auto again = h.run(Operation::kPublish,
                     h.request({{"credentials", credentials("expired-token", kRefreshToken)}}));
  CHECK(error_code(again) == "");
  CHECK(h.log("POST", "/v5/oauth/token").size() == 1);
  // And the reported credentials work on their own.
  json::object fresh = credentials(std::string(update.at("accessToken").as_string()),
                                   std::string(update.at("refreshToken").as_string()));
  CHECK(error_code(h.run(Operation::kPublish, h.request({{"credentials", fresh}}))) == "");
}

TEST_CASE("a token about to expire is refreshed before any request", "[pinterest][auth]") {
  Harness h(fast_config({{"token_refresh_margin_s", 3600}, {"check_destination", false}}));
  const int64_t now = lmp::host_clock().now_unix_ms();
  auto soon = credentials(kAccessToken, kRefreshToken, pinterest::format_rfc3339(now + 600'000));
  auto out = h.run(Operation::kPublish, h.request({{"credentials", soon}}));
  REQUIRE(error_code(out) == "");
  CHECK(h.credential_updates().size() == 1);
  auto log = h.log();
  REQUIRE(log.size() >= 2);
  CHECK(log.at(0).at("path") == "/v5/oauth/token");  // before the pin
  auto later = credentials(kAccessToken,
                           std::string(h.credential_updates()[0].at("refreshToken").as_string()),
                           pinterest::format_rfc3339(now + 86'400'000));
  CHECK(h.run(Operation::kPublish, h.request({{"credentials", later}})).ok());
  CHECK(h.credential_updates().size() == 1);  // a day left: no refresh
}

TEST_CASE("concurrent calls with an expired token share one refresh", "[pinterest][auth]") {
  Harness h(fast_config({{"check_destination", false}, {"check_media", false}}));
  const int64_t now = lmp::host_clock().now_unix_ms();
  auto expired = credentials(kAccessToken, kRefreshToken, pinterest::format_rfc3339(now - 1000));
  json::object request = h.request({{"credentials", expired}});
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (h.run(Operation::kPreflight, request).ok()) ++ok;
    });
  }
  for (auto &t : threads) t.join();
  CHECK(ok == 8);
  CHECK(h.log("POST", "/v5/oauth/token").size() == 1);
  CHECK(h.credential_updates().size() == 1);
}

TEST_CASE("a dead or missing refresh token means reconnecting", "[pinterest][auth]") {
  Harness h(fast_config({{"check_destination", false}}));
  auto dead =
      h.run(Operation::kPublish, h.request({{"credentials", credentials("expired", "pinr_dead")}}));
  CHECK(error_code(dead) == "pinterest.auth.reconnect_required");
  CHECK_THAT(dead.error->message, Catch::Contains("letmepost connect pinterest"));
  CHECK(dead.error->platform.at("httpStatus") == 400);
  CHECK(h.credential_updates().empty());

  auto none = h.run(Operation::kPublish, h.request({{"credentials", credentials("expired", "")}}));
  CHECK(error_code(none) == "pinterest.auth.reconnect_required");

  json::object bad_client = credentials("expired", kRefreshToken);
  bad_client["clientSecret"] = "wrong";
  CHECK(error_code(h.run(Operation::kPublish, h.request({{"credentials", bad_client}}))) ==
        "pinterest.auth.invalid_client");
  // Nothing secret in any message.
  for (const auto &out : {dead, none}) {
    CHECK_THAT(out.error->message,
               !Catch::Contains("pinr_dead") && !Catch::Contains(kClientSecret));
  }
}

TEST_CASE("refresh_credentials refreshes now and reports", "[pinterest][auth]") {
  Harness h;
  auto out = h.run(Operation::kRefreshCredentials, h.request());
  REQUIRE(error_code(out) == "");
  CHECK(out.result.at("refreshed") == true);
  CHECK(out.result.at("expiresAt").is_string());
  CHECK(h.credential_updates().size() == 1);
}
