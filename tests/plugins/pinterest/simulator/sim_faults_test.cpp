// Injected faults, by the control API and by a scenario file: every kind, counts, patterns,
// before and after the real handler.
#include <unistd.h>

#include <curl/curl.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "plugins/pinterest/simulator/sim_client.hpp"

using namespace lmp::test;
using boost::json::object;

TEST_CASE("fault: a status with Pinterest's envelope, for the next N replies", "[sim][faults]") {
  SimClient sim;
  sim.fault({{"route", "GET /v5/boards"}, {"count", 2}, {"status", 503}});
  for (int i = 0; i < 2; ++i) {
    const auto reply = sim.get("/v5/boards");
    CHECK(reply.status == 503);
    CHECK(reply.json().at("code") == 503);
    CHECK_FALSE(reply.header("x-pinterest-rid").empty());
  }
  CHECK(sim.get("/v5/boards").status == 200);
  const auto log = sim.log("path=/v5/boards");
  REQUIRE(log.size() == 3);
  CHECK(log[0].at("fault") == "status 503");
  CHECK(log[2].at("fault").is_null());
}

TEST_CASE("fault: 429 without rate-limit headers, and a custom body and headers", "[sim][faults]") {
  SimClient sim;
  sim.fault({{"route", "POST /v5/pins"}, {"status", 429}});
  const auto limited = sim.post_json("/v5/pins", image_pin(sim));
  CHECK(limited.status == 429);
  CHECK(limited.json().at("code") == 8);
  CHECK(limited.header("x-ratelimit-remaining").empty());
  CHECK(sim.get("/v5/boards/1234567890/pins").json().at("items").as_array().empty());

  sim.fault({{"method", "POST"},
             {"path", "/v5/pins"},
             {"status", 429},
             {"body", {{"code", 8}, {"message", "Spam detected."}, {"message_detail", "spam"}}},
             {"headers", {{"Retry-After", "7"}, {"x-ratelimit-reset", "7"}}}});
  const auto spam = sim.post_json("/v5/pins", image_pin(sim));
  CHECK(spam.status == 429);
  CHECK(spam.json().at("message_detail") == "spam");
  CHECK(spam.header("Retry-After") == "7");
  CHECK(spam.header("x-ratelimit-reset") == "7");
}

TEST_CASE("fault: dropped connection", "[sim][faults]") {
  SimClient sim;
  sim.fault({{"route", "POST /v5/pins"}, {"drop", true}});
  const auto reply = sim.post_json("/v5/pins", image_pin(sim));
  CHECK_FALSE(reply.ok());
  CHECK(reply.curl_code == CURLE_GOT_NOTHING);
  CHECK(sim.get("/v5/boards/1234567890/pins").json().at("items").as_array().empty());
  CHECK(sim.log("path=/v5/pins")[0].at("status") == 0);
}

TEST_CASE("fault: after the handler, the pin exists but the reply is lost", "[sim][faults]") {
  SimClient sim;
  sim.fault({{"route", "POST /v5/pins"}, {"drop", true}, {"afterHandler", true}});
  CHECK_FALSE(sim.post_json("/v5/pins", image_pin(sim)).ok());
  CHECK(sim.get("/v5/boards/1234567890/pins").json().at("items").as_array().size() == 1);

  sim.fault({{"route", "POST /v5/pins"}, {"status", 500}, {"afterHandler", true}});
  CHECK(sim.post_json("/v5/pins", image_pin(sim)).status == 500);
  CHECK(sim.get("/v5/boards/1234567890/pins").json().at("items").as_array().size() == 2);
}

TEST_CASE("fault: truncated and malformed bodies", "[sim][faults]") {
  SimClient sim;
  sim.fault({{"route", "GET /v5/boards/{board_id}"}, {"truncate", 10}});
  const auto cut = sim.get("/v5/boards/1234567890");
  CHECK(cut.curl_code == CURLE_PARTIAL_FILE);
  CHECK(cut.body.size() == 10);
  CHECK(std::stoul(cut.header("Content-Length")) > 10);

  sim.fault({{"route", "GET /v5/boards/{board_id}"}, {"malformedJson", true}});
  const auto broken = sim.get("/v5/boards/1234567890");
  CHECK(broken.ok());
  CHECK(broken.status == 200);
  CHECK(broken.header("Content-Type") == "application/json");
  CHECK_THROWS(broken.json());
  CHECK(sim.get("/v5/boards/1234567890").json().at("id") == kDemoBoard);
}

TEST_CASE("fault: a delay, then the real reply", "[sim][faults]") {
  SimClient sim;
  sim.fault({{"path", "/v5/user_account"}, {"delayMs", 30}});
  const auto reply = sim.get("/v5/user_account");
  CHECK(reply.status == 200);
  CHECK(sim.log()[0].at("fault") == "delay 30ms");
}

TEST_CASE("fault: path patterns and listing and clearing", "[sim][faults]") {
  SimClient sim;
  sim.fault({{"path", "/v5/media*"}, {"status", 502}, {"count", 5}});
  CHECK(sim.get("/v5/media/123").status == 502);
  CHECK(sim.post_json("/v5/media", {{"media_type", "video"}}).status == 502);
  const auto armed = TestHttp::get(sim.url("/_sim/faults")).json().as_array();
  REQUIRE(armed.size() == 1);
  CHECK(armed[0].at("remaining") == 3);
  CHECK(TestHttp::request("DELETE", sim.url("/_sim/faults")).status == 204);
  CHECK(sim.post_json("/v5/media", {{"media_type", "video"}}).status == 201);
  const auto bad = TestHttp::post_json(sim.url("/_sim/faults"), {{"route", "GET /x"}, {"oops", 1}});
  CHECK(bad.status == 400);
  CHECK_THAT(bad.body, Catch::Contains("oops"));
}

TEST_CASE("fault: the S3 upload endpoint", "[sim][faults]") {
  SimClient sim;
  const auto media = sim.post_json("/v5/media", {{"media_type", "video"}}).json();
  const std::string url(media.at("upload_url").as_string());
  sim.fault({{"route", "POST /s3/pinterest-media-upload/"},
             {"status", 403},
             {"body", "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>"},
             {"headers", {{"Content-Type", "application/xml"}}}});
  const auto reply =
      TestHttp::post_form(url, {{.name = "key", .value = "k"}, {.name = "file", .value = "x"}});
  CHECK(reply.status == 403);
  CHECK_THAT(reply.body, Catch::Contains("AccessDenied"));
  CHECK(reply.header("Content-Type") == "application/xml");
}

TEST_CASE("fault: a scenario file arms faults at start-up", "[sim][faults]") {
  const auto path = std::filesystem::temp_directory_path() /
                    ("lmp-sim-scenario-" + std::to_string(getpid()) + ".yaml");
  std::ofstream(path) << "faults:\n"
                         "  - route: POST /v5/pins\n"
                         "    count: 1\n"
                         "    status: 500\n"
                         "  - route: GET /v5/boards\n"
                         "    status: 200\n"
                         "    body: '{\"items\": [], \"bookmark\": null}'\n";
  {
    SimClient sim({"--scenario", path.string()});
    CHECK(sim.post_json("/v5/pins", image_pin(sim)).status == 500);
    CHECK(sim.post_json("/v5/pins", image_pin(sim)).status == 201);
    CHECK(sim.get("/v5/boards").json().at("items").as_array().empty());
  }
  std::ofstream(path) << "faults:\n  - route: GET /v5/boards\n    statuz: 500\n";
  ChildProcess bad(
      {std::string(LMP_BIN_DIR) + "/letmepost-pinterest-sim", "--scenario", path.string()},
      {.stderr_path = "/dev/null"});
  CHECK(bad.wait() == 2);
  std::filesystem::remove(path);
}
