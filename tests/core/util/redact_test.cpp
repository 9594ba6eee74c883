// redact(): registered secrets and credential patterns.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "core/util/redact.hpp"

using lmp::redact;
using lmp::register_secret;

TEST_CASE("registered secrets are replaced wherever they appear", "[redact]") {
  register_secret("s3cr3t-value-aa");
  register_secret("s3cr3t-value-aa");  // twice is harmless
  CHECK(redact("a s3cr3t-value-aa b s3cr3t-value-aa") == "a [REDACTED] b [REDACTED]");
  CHECK(redact("xxs3cr3t-value-aayy") == "xx[REDACTED]yy");
  CHECK(redact("nothing here") == "nothing here");
  CHECK(redact("") == "");
}

TEST_CASE("short values are not registered", "[redact]") {
  register_secret("abcde");
  CHECK(redact("abcde") == "abcde");
  register_secret("");
  CHECK(redact("x") == "x");
}

TEST_CASE("overlapping secrets are hidden whole", "[redact]") {
  register_secret("overlap-one-XYZ");
  register_secret("XYZ-overlap-two");
  CHECK(redact("[overlap-one-XYZ-overlap-two]") == "[[REDACTED]]");
}

TEST_CASE("credentials are hidden by pattern even when not registered", "[redact]") {
  CHECK(redact("Authorization: Bearer pina_abc.DEF-123==") == "Authorization: Bearer [REDACTED]");
  CHECK(redact("authorization: bearer abc123") == "authorization: bearer [REDACTED]");
  CHECK(redact("Authorization: Basic dXNlcjpwYXNz, next") ==
        "Authorization: Basic [REDACTED], next");
  CHECK(redact("GET /cb?code=1&access_token=tok123&x=1") ==
        "GET /cb?code=1&access_token=[REDACTED]&x=1");
  CHECK(redact("grant_type=refresh_token&refresh_token=rt-9&client_secret=cs-1") ==
        "grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]");
  CHECK(
      redact(R"({"accessToken":"at-1","refreshToken": "rt-2","clientSecret" : "cs-3"})") ==
      R"({"accessToken":"[REDACTED]","refreshToken": "[REDACTED]","clientSecret" : "[REDACTED]"})");
  CHECK(redact(R"({"access_token":"pina_x","token_type":"bearer","expires_in":2592000})") ==
        R"({"access_token":"[REDACTED]","token_type":"bearer","expires_in":2592000})");
  // JSON inside a JSON string.
  CHECK(redact(R"("raw":"{\"access_token\":\"pina_y\"}")") ==
        R"("raw":"{\"access_token\":\"[REDACTED]\"}")");
  CHECK(redact(R"({"accessToken":null})") == R"({"accessToken":null})");
  // Names without a value, and words that merely contain a scheme, stay.
  CHECK(redact("the refresh_token expired") == "the refresh_token expired");
  CHECK(redact("Disbearer x") == "Disbearer x");
}

TEST_CASE("redact is idempotent", "[redact]") {
  register_secret("idem-secret-77");
  for (const char *text : {"Bearer abc and idem-secret-77", R"({"accessToken":"v"})",
                           "access_token=v&refresh_token=w"}) {
    const std::string once = redact(text);
    CHECK(redact(once) == once);
  }
}

TEST_CASE("the registry is safe across threads", "[redact]") {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 200; ++i) {
        const std::string s = "thread-" + std::to_string(t) + "-secret-" + std::to_string(i);
        register_secret(s);
        if (redact("<" + s + ">") != "<[REDACTED]>") throw std::runtime_error("leak: " + s);
      }
    });
  }
  for (auto &th : threads) th.join();
  CHECK(redact("thread-3-secret-199") == "[REDACTED]");
}
