// `log.format: json` under serve: each line one JSON object, the request's lines tagged with its
// X-Request-Id.
#include <boost/json.hpp>
#include <sstream>

#include "serve_fixture.hpp"

namespace json = boost::json;
using lmp::test::kKeyAlpha;
using lmp::test::ServeFixture;

TEST_CASE("serve with log.format json logs one object per line, with the request id",
          "[server][log]") {
  ServeFixture f("log:\n  format: json\n");
  auto reply = f.call("GET", "/v1/posts", kKeyAlpha, {}, {{"X-Request-Id", "trace-me-42"}});
  REQUIRE(reply.status == 200);
  auto missing = f.call("GET", "/v1/posts/post_none", kKeyAlpha);
  REQUIRE(missing.status == 404);
  const std::string other_id = missing.header("X-Request-Id");
  f.server->kill(SIGTERM);  // a clean stop: the log is complete (the sink flushes each line)
  REQUIRE(f.server->wait() == 0);

  std::istringstream log(f.scratch.read("serve.log"));
  int lines = 0, tagged = 0, tagged_other = 0;
  for (std::string line; std::getline(log, line);) {
    INFO(line);
    json::value doc;
    REQUIRE_NOTHROW(doc = json::parse(line));
    REQUIRE(doc.is_object());
    CHECK(doc.as_object().contains("time"));
    CHECK(doc.as_object().contains("level"));
    CHECK(doc.as_object().contains("msg"));
    ++lines;
    if (const auto *id = doc.as_object().if_contains("requestId")) {
      if (*id == "trace-me-42") {
        ++tagged;
        CHECK_THAT(std::string(doc.at("msg").as_string()),
                   Catch::StartsWith("GET /v1/posts 200 key=alpha"));
      } else if (id->as_string() == other_id) {
        ++tagged_other;
      }
    }
  }
  CHECK(lines > 2);
  CHECK(tagged == 1);
  CHECK(tagged_other == 1);
}
