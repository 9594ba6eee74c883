// POST /v5/pins against the spec's PinCreate: every media_source variant, the limits, board
// and section ownership; GET and DELETE of pins; boards' pins newest first; environments.
#include <catch2/catch.hpp>

#include "plugins/pinterest/simulator/crypto.hpp"
#include "plugins/pinterest/simulator/embedded.hpp"
#include "plugins/pinterest/simulator/sim_client.hpp"

using namespace lmp::test;
using boost::json::array;
using boost::json::object;

namespace {

const std::string kJpeg64 = lmp::sim::base64_encode(lmp::sim::embedded_demo_jpeg());
const std::string kPng64 = lmp::sim::base64_encode(lmp::sim::embedded_demo_png());

object with_source(const SimClient &sim, object source) {
  object body = image_pin(sim);
  body["media_source"] = std::move(source);
  return body;
}

// Posts `body`; checks status and, for errors, the code and a word of the message.
void expect(const SimClient &sim, const object &body, int status, int code = 0,
            const std::string &word = {}) {
  const auto reply = sim.post_json("/v5/pins", body);
  INFO(reply.body);
  CHECK(reply.status == status);
  if (status >= 400) {
    CHECK(reply.json().at("code") == code);
    CHECK_THAT(std::string(reply.json().at("message").as_string()), Catch::Contains(word));
  }
}

array url_items(const SimClient &sim, int n) {
  array items;
  for (int i = 0; i < n; ++i) {
    items.push_back(object{{"url", sim.url("/media/demo.jpg")}, {"title", "item"}});
  }
  return items;
}

}  // namespace

TEST_CASE("simulator validates PinCreate fields and limits", "[sim][pins]") {
  SimClient sim;
  auto body = image_pin(sim);
  body["alt_text"] = std::string(500, 'a');
  body["link"] = "https://example.com/" + std::string(2048 - 20, 'l');
  body["title"] = std::string(100, 't');
  body["dominant_color"] = "#6E7874";
  expect(sim, body, 201);
  body["alt_text"] = std::string(501, 'a');
  expect(sim, body, 400, 1, "alt_text");
  body = image_pin(sim);
  body["link"] = "https://example.com/" + std::string(2049 - 20, 'l');
  expect(sim, body, 400, 1, "link");
  body = image_pin(sim);
  body["title"] = std::string(100, 'x') + "\xc3\xa9";  // 101 characters, 102 bytes
  expect(sim, body, 400, 1, "title");
  body["title"] = std::string(99, 'x') + "\xc3\xa9";  // 100 characters
  expect(sim, body, 201);
  body = image_pin(sim);
  body["board_id"] = 1234567890;
  expect(sim, body, 400, 1, "board_id");
  body = image_pin(sim);
  body["boardId"] = "1234567890";
  expect(sim, body, 400, 1, "boardId");
  body = image_pin(sim);
  body["dominant_color"] = "red";
  expect(sim, body, 400, 1, "dominant_color");
  body = image_pin(sim);
  body.erase("media_source");
  expect(sim, body, 400, 1, "media_source");
  expect(sim, with_source(sim, {{"source_type", "video_url"}, {"url", "https://x/y.mp4"}}), 400, 1,
         "source_type");
  const auto not_json = TestHttp::post(sim.url("/v5/pins"), "{", bearer(kDemoToken));
  CHECK(not_json.status == 400);
}

TEST_CASE("simulator checks image_url sources", "[sim][pins]") {
  SimClient sim;
  expect(sim, with_source(sim, {{"source_type", "image_url"}}), 400, 1, "media_source.url");
  expect(sim, with_source(sim, {{"source_type", "image_url"}, {"url", "ftp://x/a.jpg"}}), 400, 1,
         "media_source.url");
  expect(sim, with_source(sim, {{"source_type", "image_url"}, {"url", sim.url("/dest/404")}}), 400,
         1, "could not fetch");
  expect(sim, with_source(sim, {{"source_type", "image_url"}, {"url", sim.url("/media/demo.png")}}),
         201);
  expect(sim,
         with_source(sim, {{"source_type", "image_url"}, {"url", "https://example.com/a.jpg"}}),
         201);
}

TEST_CASE("simulator checks image_base64 sources", "[sim][pins]") {
  SimClient sim;
  auto b64 = [&](const std::string &type, const std::string &data) {
    return with_source(sim,
                       {{"source_type", "image_base64"}, {"content_type", type}, {"data", data}});
  };
  expect(sim, b64("image/jpeg", kJpeg64), 201);
  expect(sim, b64("image/png", kPng64), 201);
  expect(sim, b64("image/jpeg", "data:image/jpeg;base64," + kJpeg64), 400, 1, "data:");
  expect(sim, b64("image/jpeg", kJpeg64.substr(0, 76) + "\n" + kJpeg64.substr(76)), 400, 1,
         "base64");
  expect(sim, b64("image/jpeg", kJpeg64.substr(0, kJpeg64.size() - 1)), 400, 1, "padding");
  expect(sim, b64("image/jpeg", "-_" + kJpeg64.substr(2)), 400, 1, "base64");
  expect(sim, b64("image/gif", kJpeg64), 400, 1, "content_type");
  expect(sim, b64("image/png", kJpeg64), 400, 1, "content_type");
  expect(sim, b64("image/jpeg", lmp::sim::base64_encode("plain text, no image")), 403, 235,
         "broken");
}

TEST_CASE("simulator checks carousels of 2 to 5 images", "[sim][pins]") {
  SimClient sim;
  auto urls = [&](int n) {
    return with_source(sim, {{"source_type", "multiple_image_urls"}, {"items", url_items(sim, n)}});
  };
  expect(sim, urls(1), 400, 1, "2 to 5");
  expect(sim, urls(6), 400, 1, "2 to 5");
  const auto reply = sim.post_json("/v5/pins", urls(5));
  REQUIRE(reply.status == 201);
  CHECK(reply.json().at("media").at("media_type") == "multiple_images");
  CHECK(reply.json().at("media").at("items").as_array().size() == 5);
  CHECK(reply.json().at("creative_type") == "CAROUSEL");
  auto bad_item = urls(2);
  bad_item["media_source"].as_object()["items"].as_array()[1].as_object().erase("url");
  expect(sim, bad_item, 400, 1, "media_source.items[1].url");
  auto indexed = urls(3);
  indexed["media_source"].as_object()["index"] = 3;
  expect(sim, indexed, 400, 1, "index");

  array items;
  items.push_back(
      object{{"content_type", "image/jpeg"}, {"data", kJpeg64}, {"link", "https://a.b/"}});
  items.push_back(object{{"content_type", "image/png"}, {"data", kPng64}});
  expect(sim, with_source(sim, {{"source_type", "multiple_image_base64"}, {"items", items}}), 201);
  items[1].as_object()["data"] = "data:image/png;base64," + kPng64;
  expect(sim, with_source(sim, {{"source_type", "multiple_image_base64"}, {"items", items}}), 400,
         1, "media_source.items[1].data");
}

TEST_CASE("simulator checks boards and sections of a pin", "[sim][pins]") {
  SimClient sim;
  auto body = image_pin(sim);
  body["board_section_id"] = "2234567890";
  const auto reply = sim.post_json("/v5/pins", body);
  REQUIRE(reply.status == 201);
  CHECK(reply.json().at("board_section_id") == "2234567890");
  body["board_section_id"] = "2234567892";  // a section of another board
  expect(sim, body, 404, 2031, "section");
  body["board_section_id"] = "77";
  expect(sim, body, 404, 2031, "section");
  body["board_section_id"] = "abc";
  expect(sim, body, 400, 1, "board_section_id");
}

TEST_CASE("simulator gets, lists and deletes pins", "[sim][pins]") {
  SimClient sim;
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto body = image_pin(sim);
    body["title"] = "pin " + std::to_string(i);
    ids.push_back(std::string(sim.post_json("/v5/pins", body).json().at("id").as_string()));
  }
  const auto page = sim.get("/v5/boards/1234567890/pins?page_size=2").json().as_object();
  REQUIRE(page.at("items").as_array().size() == 2);
  CHECK(page.at("items").as_array()[0].at("id") == ids[2].c_str());  // newest first
  CHECK(page.at("items").as_array()[1].at("id") == ids[1].c_str());
  const auto rest = sim.get("/v5/boards/1234567890/pins?page_size=2&bookmark=" +
                            std::string(page.at("bookmark").as_string()))
                        .json();
  CHECK(rest.at("items").as_array()[0].at("id") == ids[0].c_str());
  CHECK(rest.at("bookmark").is_null());
  CHECK(sim.get("/v5/boards/1234567890").json().at("pin_count") == 3);

  CHECK(sim.get("/v5/pins/" + ids[0], "sim-trial-token").status == 403);
  CHECK(sim.del("/v5/pins/" + ids[0]).status == 204);
  const auto gone = sim.get("/v5/pins/" + ids[0]);
  CHECK(gone.status == 404);
  CHECK(gone.json().at("code") == 50);
  CHECK(sim.del("/v5/pins/" + ids[0]).status == 404);
}

TEST_CASE("simulator serves boards, sections and the user account", "[sim][boards]") {
  SimClient sim;
  const auto board = sim.get("/v5/boards/1234567890").json();
  CHECK(board.at("name") == "letmepost demo");
  CHECK(board.at("owner").at("username") == "letmepost-demo");
  const auto other = sim.get("/v5/boards/1334567890");  // the trial user's board
  CHECK(other.status == 404);
  CHECK(other.json().at("code") == 404);
  const auto sections = sim.get("/v5/boards/1234567890/sections").json();
  REQUIRE(sections.at("items").as_array().size() == 2);
  CHECK(sections.at("items").as_array()[0].at("name") == "Ideas");
  CHECK(sim.get("/v5/boards?privacy=SECRET").json().at("items").as_array().size() == 1);
  CHECK(sim.get("/v5/boards?privacy=NOPE").status == 400);
  const auto account = sim.get("/v5/user_account").json();
  CHECK(account.at("id") == "1000000000000000001");
  CHECK(account.at("board_count") == 4);
  CHECK(sim.get("/v5/nothing-here").status == 404);
  CHECK(sim.del("/v5/boards").status == 405);
}

TEST_CASE("simulator in production refuses pins from Trial-access users", "[sim][pins]") {
  SimClient production({"--environment", "production"});
  auto body = image_pin(production);
  body["board_id"] = "1334567890";
  const auto refused = production.post_json("/v5/pins", body, "sim-trial-token");
  CHECK(refused.status == 403);
  CHECK(refused.json().at("code") == 29);
  CHECK_THAT(std::string(refused.json().at("message").as_string()),
             Catch::Contains("Trial access"));
  CHECK(production.post_json("/v5/pins", image_pin(production)).status == 201);

  SimClient sandbox;
  auto trial = image_pin(sandbox);
  trial["board_id"] = "1334567890";
  CHECK(sandbox.post_json("/v5/pins", trial, "sim-trial-token").status == 201);
}
