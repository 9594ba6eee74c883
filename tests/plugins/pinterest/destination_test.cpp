// The destination link check: HEAD, GET when HEAD is refused, redirects up to the limit, a short
// timeout, the SSRF guard; each failure is pinterest.url.destination_unreachable with the reason.
#include <catch2/catch.hpp>

#include "plugins/pinterest/harness.hpp"

namespace {

using namespace pintest;
using lmp::Operation;

// The one problem preflight finds with destination url, or "ok".
std::string check(Harness &h, const std::string &url, bool allow_private = true) {
  json::object request =
      h.request({{"options", json::object{{"boardId", kDemoBoard}, {"destinationUrl", url}}}});
  auto out = h.run(Operation::kPreflight, request, allow_private);
  REQUIRE(out.ok());
  for (const json::value &e : out.result.at("errors").as_array()) {
    if (e.at("field") == "options.destinationUrl") {
      CHECK(e.at("code") == "pinterest.url.destination_unreachable");
      CHECK(e.at("retryable") == false);
      return std::string(e.at("message").as_string());
    }
  }
  return "ok";
}

}  // namespace

TEST_CASE("reachable destinations pass", "[pinterest][destination]") {
  Harness h(fast_config({{"max_redirects", 3}}));
  CHECK(check(h, h.url("/dest/ok")) == "ok");
  // Two or three hops (the simulator counts the last hop to /dest/ok too): within 3.
  CHECK(check(h, h.url("/dest/redirect/2")) == "ok");
  // HEAD refused with 405: the GET that follows answers.
  CHECK(check(h, h.url("/dest/head-405")) == "ok");
  CHECK(h.log("HEAD", "/dest/head-405").size() == 1);
  CHECK(h.log("GET", "/dest/head-405").size() == 1);
}

TEST_CASE("each way a destination fails gives its reason", "[pinterest][destination]") {
  Harness h(fast_config({{"max_redirects", 3}, {"destination_timeout_ms", 300}}),
            {"--slow-page-ms", "3000"});
  h.resolver->add("sim.test", {"127.0.0.1"});
  const std::string port = std::to_string(h.sim.port());
  CHECK_THAT(check(h, h.url("/dest/404")), Catch::EndsWith("answered 404."));
  CHECK_THAT(check(h, h.url("/dest/500")), Catch::EndsWith("answered 500."));
  CHECK_THAT(check(h, h.url("/dest/status/410")), Catch::EndsWith("answered 410."));
  CHECK_THAT(check(h, h.url("/dest/redirect/4")), Catch::Contains("redirects too many times"));
  CHECK_THAT(check(h, h.url("/dest/redirect-loop")), Catch::Contains("redirects too many times"));
  CHECK_THAT(check(h, h.url("/dest/slow")), Catch::Contains("did not answer within 300 ms"));
  CHECK_THAT(check(h, "http://nowhere.test/page"), Catch::Contains("does not resolve"));
  CHECK_THAT(check(h, "https://sim.test:" + port + "/dest/ok"), Catch::Contains("TLS"));
  CHECK_THAT(check(h, "http://127.0.0.1:1/closed"), Catch::Contains("refused the connection"));
  // The SSRF guard: a loopback address is refused for an account that does not allow it.
  CHECK_THAT(check(h, h.url("/dest/ok"), false), Catch::Contains("private or reserved address"));
}

TEST_CASE("destination checks can be turned off", "[pinterest][destination]") {
  Harness h(fast_config({{"check_destination", false}}));
  CHECK(check(h, h.url("/dest/404")) == "ok");
  CHECK(h.log("HEAD", "/dest/404").empty());
}
