// Rate limits, destination pages and the control API (clock, log filters).
#include <catch2/catch.hpp>

#include "plugins/pinterest/simulator/sim_client.hpp"

using namespace lmp::test;

TEST_CASE("simulator budgets requests per user and category", "[sim][ratelimit]") {
  SimClient sim(
      {"--rate-limit-write", "2", "--rate-limit-read", "3", "--rate-limit-window-s", "60"});
  const auto first = sim.post_json("/v5/pins", image_pin(sim));
  CHECK(first.status == 201);
  CHECK(first.header("x-ratelimit-limit") == "2");
  CHECK(first.header("x-ratelimit-remaining") == "1");
  const long reset = std::stol(first.header("x-ratelimit-reset"));
  CHECK(reset >= 1);
  CHECK(reset <= 60);
  CHECK(sim.post_json("/v5/pins", image_pin(sim)).header("x-ratelimit-remaining") == "0");
  const auto limited = sim.post_json("/v5/pins", image_pin(sim));
  CHECK(limited.status == 429);
  CHECK(limited.json().at("code") == 8);
  CHECK(limited.header("x-ratelimit-remaining") == "0");
  CHECK(sim.get("/v5/boards/1234567890/pins").json().at("items").as_array().size() == 2);

  // Reads have their own budget; other users have theirs.
  CHECK(sim.get("/v5/boards").header("x-ratelimit-limit") == "3");
  auto trial = image_pin(sim);
  trial["board_id"] = "1334567890";
  CHECK(sim.post_json("/v5/pins", trial, "sim-trial-token").status == 201);

  sim.advance_ms(60000);  // the next window
  CHECK(sim.post_json("/v5/pins", image_pin(sim)).status == 201);
  CHECK(TestHttp::request("DELETE", sim.url("/_sim/rate-limits")).status == 204);
  CHECK(sim.post_json("/v5/pins", image_pin(sim)).header("x-ratelimit-remaining") == "1");
}

TEST_CASE("simulator serves destination pages for link checks", "[sim][dest]") {
  SimClient sim({"--slow-page-ms", "20"});
  CHECK(TestHttp::get(sim.url("/dest/ok")).status == 200);
  CHECK(TestHttp::get(sim.url("/dest/404")).status == 404);
  CHECK(TestHttp::get(sim.url("/dest/500")).status == 500);
  CHECK(TestHttp::get(sim.url("/dest/status/503")).status == 503);
  CHECK(TestHttp::request("HEAD", sim.url("/dest/ok")).status == 200);
  CHECK(TestHttp::request("HEAD", sim.url("/dest/head-405")).status == 405);
  CHECK(TestHttp::get(sim.url("/dest/head-405")).status == 200);
  CHECK(TestHttp::get(sim.url("/dest/slow")).status == 200);

  std::string path = "/dest/redirect/3";
  int hops = 0;
  for (;;) {
    const auto reply = TestHttp::get(sim.url(path));
    if (reply.status != 302) {
      CHECK(reply.status == 200);
      break;
    }
    path = reply.header("Location");
    ++hops;
  }
  CHECK(hops == 4);
  CHECK(path == "/dest/ok");
  CHECK(TestHttp::get(sim.url("/dest/redirect-loop")).header("Location") == "/dest/redirect-loop");
}

TEST_CASE("simulator serves image assets with ranges", "[sim][assets]") {
  SimClient sim;
  const auto whole = TestHttp::get(sim.url("/media/demo.png"));
  CHECK(whole.header("Content-Type") == "image/png");
  CHECK(whole.body.rfind("\x89PNG", 0) == 0);
  CHECK(TestHttp::get(sim.url("/media/demo.webp")).body.substr(8, 4) == "WEBP");
  const auto part = TestHttp::get(sim.url("/media/demo.jpg"), {{"Range", "bytes=0-15"}});
  CHECK(part.status == 206);
  CHECK(part.body.size() == 16);
  CHECK_THAT(part.header("Content-Range"), Catch::StartsWith("bytes 0-15/"));
  const auto big = TestHttp::request("HEAD", sim.url("/media/sized.jpg?bytes=12000000"));
  CHECK(big.status == 200);
  CHECK(big.header("Content-Length") == "12000000");
  CHECK(TestHttp::get(sim.url("/media/sized.jpg?bytes=12")).status == 400);
}

TEST_CASE("simulator control API: clock and log filters", "[sim][control]") {
  SimClient sim;
  const auto before = TestHttp::get(sim.url("/_sim/clock")).json();
  CHECK(before.at("offsetMs") == 0);
  sim.advance_ms(5000);
  CHECK(TestHttp::get(sim.url("/_sim/clock")).json().at("offsetMs") == 5000);
  CHECK(TestHttp::post_json(sim.url("/_sim/clock"), {{"advanceMs", -1}}).status == 400);

  sim.get("/v5/boards");
  sim.get("/v5/user_account");
  sim.post_json("/v5/pins", image_pin(sim));
  const auto all = sim.log();
  REQUIRE(all.size() == 3);
  CHECK(sim.log("pathPrefix=/v5/boards").size() == 1);
  CHECK(sim.log("method=POST").size() == 1);
  CHECK(sim.log("since=" + std::to_string(all[1].at("seq").to_number<std::uint64_t>())).size() ==
        1);
  CHECK(TestHttp::get(sim.url("/_sim/log?since=x")).status == 400);
  CHECK(TestHttp::get(sim.url("/_sim/nothing")).status == 404);
}
