// Publishing image and carousel pins through the loaded module to the simulator.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "plugins/pinterest/harness.hpp"

namespace {

using namespace pintest;
using lmp::Operation;

// A real image file fetched from the simulator, kept in a scratch directory.
std::string image_file(const Harness &h, const std::string &name) {
  auto reply = lmp::test::TestHttp::get(h.url("/media/" + name));
  REQUIRE(reply.status == 200);
  const auto dir =
      std::filesystem::temp_directory_path() / ("lmp-pin-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << reply.body;
  return path.string();
}

json::object last_pin_body(const Harness &h) {
  auto entries = h.log("POST", "/v5/pins");
  REQUIRE_FALSE(entries.empty());
  return entries.back().at("body").as_object();
}

}  // namespace

TEST_CASE("an image pin by URL is published with title, description, link and alt text",
          "[pinterest][publish]") {
  Harness h;
  json::object options{{"boardId", kDemoBoard},
                       {"title", "Hello"},
                       {"destinationUrl", h.url("/dest/ok")},
                       {"altText", "A test card"}};
  auto out = h.run(Operation::kPublish, h.request({{"options", options}}));
  REQUIRE(error_code(out) == "");
  const std::string id(out.result.at("id").as_string());
  CHECK_FALSE(id.empty());
  CHECK(out.result.at("url") == json::value("https://www.pinterest.com/pin/" + id + "/"));
  CHECK(out.result.at("rateLimit").at("limit").is_int64());
  CHECK(out.result.at("rateLimit").at("resetAt").is_string());
  CHECK(out.result.at("raw").at("id") == json::value(id));
  json::object body = last_pin_body(h);
  CHECK(body.at("board_id") == kDemoBoard);
  CHECK(body.at("title") == "Hello");
  CHECK(body.at("description") == "Built with letmepost.");
  CHECK(body.at("link") == json::value(h.url("/dest/ok")));
  CHECK(body.at("alt_text") == "A test card");
  CHECK(body.at("media_source").at("source_type") == "image_url");
  // The simulator has the pin.
  auto pin =
      lmp::test::TestHttp::get(h.sim.api_url() + "/pins/" + id, lmp::test::bearer(kAccessToken));
  CHECK(pin.status == 200);
}

TEST_CASE("images from local files are embedded by the host as base64", "[pinterest][publish]") {
  Harness h;
  const std::string name = GENERATE("demo.jpg", "demo.png");
  const std::string type = name == "demo.jpg" ? "image/jpeg" : "image/png";
  const std::string path = image_file(h, name);
  json::object request =
      h.request({{"media", json::array{json::object{{"type", "image"},
                                                    {"path", path},
                                                    {"contentType", type},
                                                    {"sizeBytes", std::filesystem::file_size(path)},
                                                    {"width", 600},
                                                    {"height", 900}}}}});
  auto pre = h.run(Operation::kPreflight, request);
  CHECK(problems(pre).empty());
  auto out = h.run(Operation::kPublish, request);
  REQUIRE(error_code(out) == "");
  json::object source = last_pin_body(h).at("media_source").as_object();
  CHECK(source.at("source_type") == "image_base64");
  CHECK(source.at("content_type") == json::value(type));
}

TEST_CASE("a carousel of URLs carries each image's title and link", "[pinterest][publish]") {
  Harness h;
  json::array media;
  for (int i = 0; i < 3; ++i) {
    media.push_back(json::object{{"type", "image"},
                                 {"url", h.url("/media/demo.jpg")},
                                 {"title", "Slide " + std::to_string(i)},
                                 {"link", h.url("/dest/ok")},
                                 {"altText", "alt " + std::to_string(i)}});
  }
  json::object request = h.request({{"media", media}});
  CHECK(problems(h.run(Operation::kPreflight, request)).empty());
  auto out = h.run(Operation::kPublish, request);
  REQUIRE(error_code(out) == "");
  json::object body = last_pin_body(h);
  const auto &source = body.at("media_source").as_object();
  CHECK(source.at("source_type") == "multiple_image_urls");
  REQUIRE(source.at("items").as_array().size() == 3);
  CHECK(source.at("items").at(2).at("title") == "Slide 2");
  CHECK(source.at("items").at(2).at("link") == json::value(h.url("/dest/ok")));
  CHECK(body.at("alt_text") == "alt 0");
}

TEST_CASE("a carousel of local files", "[pinterest][publish]") {
  Harness h;
  const std::string jpg = image_file(h, "demo.jpg");
  const std::string png = image_file(h, "demo.png");
  json::array media{json::object{{"type", "image"},
                                 {"path", jpg},
                                 {"contentType", "image/jpeg"},
                                 {"width", 600},
                                 {"height", 900},
                                 {"title", "One"}},
                    json::object{{"type", "image"},
                                 {"path", png},
                                 {"contentType", "image/png"},
                                 {"width", 600},
                                 {"height", 900}}};
  auto out = h.run(Operation::kPublish, h.request({{"media", media}}));
  REQUIRE(error_code(out) == "");
  CHECK(last_pin_body(h).at("media_source").at("source_type") == "multiple_image_base64");
}

TEST_CASE("a board name resolves to its id, and a section goes along", "[pinterest][publish]") {
  Harness h;
  json::object options{{"boardName", "letmepost demo"}, {"boardSectionId", kIdeasSection}};
  auto pre = h.run(Operation::kPreflight, h.request({{"options", options}}));
  REQUIRE(problems(pre).empty());
  CHECK(pre.result.at("resolved").at("boardId") == kDemoBoard);
  auto out = h.run(Operation::kPublish, h.request({{"options", options}}));
  REQUIRE(error_code(out) == "");
  CHECK(out.result.at("boardId") == kDemoBoard);
  json::object body = last_pin_body(h);
  CHECK(body.at("board_id") == kDemoBoard);
  CHECK(body.at("board_section_id") == kIdeasSection);
}

TEST_CASE("a publish to a board that vanished drops the cached board list",
          "[pinterest][publish][boards]") {
  Harness h;
  json::object options{{"boardName", "letmepost demo"}};
  REQUIRE(problems(h.run(Operation::kPreflight, h.request({{"options", options}}))).empty());
  REQUIRE(h.log("GET", "/v5/boards").size() == 1);
  h.fault({{"method", "POST"},
           {"path", "/v5/pins"},
           {"status", 404},
           {"body", R"({"code":40,"message":"Board not found."})"},
           {"count", 1}});
  auto out = h.run(Operation::kPublish, h.request({{"options", options}}));
  // The name was looked up again (the list was dropped) and still means the same board.
  CHECK(error_code(out) == "pinterest.board.not_found");
  CHECK(out.error->field == "options.boardName");
  CHECK(h.log("GET", "/v5/boards").size() == 2);
  CHECK(h.log("POST", "/v5/pins").size() == 1);
  // The next preflight reads the refreshed cache, not Pinterest.
  REQUIRE(problems(h.run(Operation::kPreflight, h.request({{"options", options}}))).empty());
  CHECK(h.log("GET", "/v5/boards").size() == 2);
}

TEST_CASE("a cancelled call ends with LMP_CANCELLED", "[pinterest][publish]") {
  Harness h;
  lmp_call call(h.services);
  call.allow_private_addresses = true;
  call.cancel();
  auto out = h.adapter->invoke(Operation::kPublish, call, json::serialize(h.request()));
  CHECK(out.status == LMP_CANCELLED);
  CHECK(h.log("POST", "/v5/pins").empty());
}
