// The simulator's process contract, bearer check, boards paging, image pins, request log,
// assets and destination pages, over loopback.
#include <catch2/catch.hpp>

#include "plugins/pinterest/simulator/sim_client.hpp"
#include "plugins/pinterest/simulator/sniff.hpp"

using namespace lmp::test;

TEST_CASE("simulator prints its URL and answers on it", "[sim]") {
  SimClient sim;
  REQUIRE(sim.base().rfind("http://127.0.0.1:", 0) == 0);
  const auto reply = TestHttp::get(sim.url("/_sim/health"));
  CHECK(reply.status == 200);
}

TEST_CASE("simulator refuses bad flags and fixtures with exit code 2", "[sim]") {
  const std::string bin = std::string(LMP_BIN_DIR) + "/letmepost-pinterest-sim";
  ChildProcess bad_flag({bin, "--no-such-flag"}, {.stderr_path = "/dev/null"});
  CHECK(bad_flag.wait() == 2);
  ChildProcess bad_file({bin, "--fixtures", "/nonexistent.yaml"}, {.stderr_path = "/dev/null"});
  CHECK(bad_file.wait() == 2);
}

TEST_CASE("simulator checks the bearer token", "[sim]") {
  SimClient sim;
  for (const std::string token : {"", "wrong-token"}) {
    const auto reply = sim.get("/v5/boards", token);
    CHECK(reply.status == 401);
    CHECK(reply.json() == boost::json::parse(R"({"code":2,"message":"Authentication failed."})"));
    CHECK(reply.header("x-pinterest-rid").size() == 32);
  }
  CHECK(sim.get("/v5/boards").status == 200);
}

TEST_CASE("simulator pages boards with bookmarks", "[sim]") {
  SimClient sim;
  std::vector<std::string> names;
  std::string bookmark;
  int pages = 0;
  do {
    const auto reply = sim.get("/v5/boards" + (bookmark.empty() ? "" : "?bookmark=" + bookmark),
                               "sim-many-boards-token");
    REQUIRE(reply.status == 200);
    const auto page = reply.json().as_object();
    for (const auto &b : page.at("items").as_array()) {
      names.push_back(std::string(b.at("name").as_string()));
    }
    bookmark = page.at("bookmark").is_null() ? "" : std::string(page.at("bookmark").as_string());
    ++pages;
  } while (!bookmark.empty());
  CHECK(pages == 3);  // 60 boards, 25 per page by default
  REQUIRE(names.size() == 60);
  CHECK(names.front() == "Board 1");
  CHECK(names.back() == "Board 60");

  const auto small = sim.get("/v5/boards?page_size=3").json().as_object();
  CHECK(small.at("items").as_array().size() == 3);
  CHECK(small.at("items").as_array()[0].at("id") == kDemoBoard);
  CHECK(sim.get("/v5/boards?page_size=251").status == 400);
  CHECK(sim.get("/v5/boards?page_size=0").status == 400);
  CHECK(sim.get("/v5/boards?bookmark=garbage").status == 400);
}

TEST_CASE("simulator creates an image pin by URL", "[sim]") {
  SimClient sim;
  auto body = image_pin(sim);
  body["link"] = sim.url("/dest/ok");
  body["description"] = "Built with letmepost.";
  const auto reply = sim.post_json("/v5/pins", body);
  REQUIRE(reply.status == 201);
  const auto pin = reply.json().as_object();
  CHECK(pin.at("board_id") == kDemoBoard);
  CHECK(pin.at("title") == "A pin");
  CHECK(pin.at("media").at("media_type") == "image");
  const std::string id(pin.at("id").as_string());
  CHECK(id.find_first_not_of("0123456789") == std::string::npos);

  const auto fetched = sim.get("/v5/pins/" + id);
  CHECK(fetched.status == 200);
  CHECK(fetched.json() == reply.json());
}

TEST_CASE("simulator refuses PinCreate violations", "[sim]") {
  SimClient sim;
  auto expect = [&](boost::json::object body, int status, int code, const std::string &word) {
    const auto reply = sim.post_json("/v5/pins", body);
    CHECK(reply.status == status);
    const auto json = reply.json().as_object();
    CHECK(json.at("code") == code);
    CHECK_THAT(std::string(json.at("message").as_string()), Catch::Contains(word));
  };
  auto body = image_pin(sim);
  body.erase("board_id");
  expect(body, 400, 1, "board_id");
  body = image_pin(sim);
  body["description"] = std::string(801, 'd');
  expect(body, 400, 1, "description");
  body["description"] = std::string(800, 'd');
  CHECK(sim.post_json("/v5/pins", body).status == 201);
  body = image_pin(sim);
  body["title"] = std::string(101, 't');
  expect(body, 400, 1, "title");
  body = image_pin(sim);
  body["board_id"] = "999";
  expect(body, 404, 40, "Board not found");
  body = image_pin(sim);
  body["board_id"] = "1334567890";  // the trial user's board
  expect(body, 403, 29, "not permitted");
  body = image_pin(sim);
  body["link"] = "not a url";
  expect(body, 400, 1, "link");
}

TEST_CASE("simulator keeps a request log without tokens", "[sim]") {
  SimClient sim;
  REQUIRE(sim.post_json("/v5/pins", image_pin(sim)).status == 201);
  REQUIRE(sim.get("/v5/boards?page_size=2").status == 200);
  const auto log = sim.log();
  REQUIRE(log.size() == 2);
  const auto &first = log[0].as_object();
  CHECK(first.at("method") == "POST");
  CHECK(first.at("path") == "/v5/pins");
  CHECK(first.at("status") == 201);
  CHECK(first.at("user") == "letmepost-demo");
  CHECK(first.at("body").at("board_id") == kDemoBoard);
  CHECK(log[1].at("query").at("page_size") == "2");
  CHECK(boost::json::serialize(log).find(kDemoToken) == std::string::npos);

  CHECK(sim.log("method=GET").size() == 1);
  CHECK(TestHttp::request("DELETE", sim.url("/_sim/log")).status == 204);
  CHECK(sim.log().empty());
}

TEST_CASE("simulator serves a real demo image and destination pages", "[sim]") {
  SimClient sim;
  const auto jpeg = TestHttp::get(sim.url("/media/demo.jpg"));
  CHECK(jpeg.status == 200);
  CHECK(jpeg.header("Content-Type") == "image/jpeg");
  const auto info = lmp::sim::sniff_image(jpeg.body);
  REQUIRE(info);
  CHECK(info->width == 600);
  CHECK(info->height == 900);
  const auto ok = TestHttp::get(sim.url("/dest/ok"));
  CHECK(ok.status == 200);
  CHECK_THAT(ok.header("Content-Type"), Catch::StartsWith("text/html"));
  CHECK_FALSE(ok.header("x-pinterest-rid").empty());
}
