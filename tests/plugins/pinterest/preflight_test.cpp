// Preflight against the simulator: every rule reported at once, each with its field.
#include <catch2/catch.hpp>

#include "plugins/pinterest/harness.hpp"

namespace {

using namespace pintest;
using lmp::Operation;
using Problems = std::vector<std::string>;

std::string repeat(const std::string &s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

json::array image(const std::string &url) {
  return json::array{json::object{{"type", "image"}, {"url", url}}};
}

}  // namespace

TEST_CASE("a good post passes preflight with its rate limit", "[pinterest][preflight]") {
  Harness h;
  auto out = h.run(Operation::kPreflight, h.request());
  REQUIRE(problems(out) == Problems{});
  CHECK(out.result.at("resolved").at("boardId") == kDemoBoard);
  CHECK(out.result.at("rateLimit").at("remaining").is_int64());
  // Nothing was published; the image was sniffed with a ranged GET, the link with HEAD.
  CHECK(h.log("POST", "/v5/pins").empty());
  auto sniffs = h.log("GET", "/media/demo.jpg");
  REQUIRE(sniffs.size() == 1);
  CHECK(h.log("HEAD", "/dest/ok").size() == 1);
}

TEST_CASE("every problem of a post is reported at once", "[pinterest][preflight]") {
  Harness h;
  json::object options{{"boardId", "999"},
                       {"title", repeat("\xC3\xA9", 101)},
                       {"altText", repeat("a", 501)},
                       {"destinationUrl", h.url("/dest/404")}};
  json::array media{
      json::object{{"type", "image"}, {"url", h.url("/dest/ok")}, {"link", "ftp://x.y/z"}},
      json::object{{"type", "image"}, {"url", h.url("/media/sized.jpg?bytes=10485761")}},
      json::object{{"type", "image"}, {"url", h.url("/dest/404")}}};
  auto out = h.run(Operation::kPreflight,
                   h.request({{"text", repeat("x", 501)}, {"options", options}, {"media", media}}));
  CHECK(problems(out) == Problems{
                             "pinterest.text.too_long@text",
                             "pinterest.title.too_long@options.title",
                             "pinterest.alt_text.too_long@options.altText",
                             "pinterest.link.invalid@media[0].link",
                             "pinterest.board.not_found@options.boardId",
                             "pinterest.media.unsupported_format@media[0].url",
                             "pinterest.media.too_large@media[1].url",
                             "pinterest.media.unreachable@media[2].url",
                             "pinterest.url.destination_unreachable@options.destinationUrl",
                         });
  const auto &errors = out.result.at("errors").as_array();
  CHECK(errors.at(7).at("message") ==
        json::value("Image URL " + h.url("/dest/404") + " answered 404."));
  CHECK(errors.at(8).at("message") ==
        json::value("Destination URL " + h.url("/dest/404") + " answered 404."));
}

TEST_CASE("remote images: JPEG, PNG and WebP pass, their type read from the bytes",
          "[pinterest][preflight]") {
  Harness h;
  const std::string name = GENERATE("demo.jpg", "demo.png", "demo.webp");
  auto out = h.run(Operation::kPreflight, h.request({{"media", image(h.url("/media/" + name))}}));
  CHECK(problems(out) == Problems{});
  // An image of exactly 10 MB passes.
  out = h.run(Operation::kPreflight,
              h.request({{"media", image(h.url("/media/sized.jpg?bytes=10485760"))}}));
  CHECK(problems(out) == Problems{});
}

TEST_CASE("board names: unknown and ambiguous", "[pinterest][preflight][boards]") {
  Harness h;
  auto unknown =
      h.run(Operation::kPreflight, h.request({{"options", json::object{{"boardName", "Nope"}}}}));
  CHECK(problems(unknown) == Problems{"pinterest.board.not_found@options.boardName"});
  auto ambiguous = h.run(Operation::kPreflight,
                         h.request({{"options", json::object{{"boardName", "Recipes"}}}}));
  REQUIRE(problems(ambiguous) == Problems{"pinterest.board.ambiguous_name@options.boardName"});
  const std::string message(ambiguous.result.at("errors").at(0).at("message").as_string());
  CHECK_THAT(message, Catch::Contains("1234567891") && Catch::Contains("1234567892"));
  auto none = h.run(Operation::kPreflight, h.request({{"options", json::object{}}}));
  CHECK(problems(none) == Problems{"pinterest.board.required@options.boardId"});
}

TEST_CASE("a section must belong to the board", "[pinterest][preflight][boards]") {
  Harness h;
  auto ok = h.run(Operation::kPreflight,
                  h.request({{"options", json::object{{"boardId", kDemoBoard},
                                                      {"boardSectionId", kIdeasSection}}}}));
  CHECK(problems(ok) == Problems{});
  auto other = h.run(Operation::kPreflight,
                     h.request({{"options", json::object{{"boardId", kDemoBoard},
                                                         {"boardSectionId", kJapanSection}}}}));
  REQUIRE(problems(other) == Problems{"pinterest.section.not_found@options.boardSectionId"});
  CHECK_THAT(std::string(other.result.at("errors").at(0).at("message").as_string()),
             Catch::Contains("Ideas"));
}

TEST_CASE("a missing token and a dead one are preflight problems", "[pinterest][preflight]") {
  Harness h;
  auto missing =
      h.run(Operation::kPreflight, h.request({{"credentials", json::object{{"clientId", "x"}}}}));
  CHECK(problems(missing) ==
        Problems{"pinterest.auth.missing_credentials@credentials.accessToken"});
  auto dead = h.run(Operation::kPreflight,
                    h.request({{"credentials", json::object{{"accessToken", "wrong"},
                                                            {"refreshToken", "also-wrong"},
                                                            {"clientId", kClientId},
                                                            {"clientSecret", kClientSecret}}}}));
  CHECK(problems(dead) == Problems{"pinterest.auth.reconnect_required@null"});
  // Without a board lookup, media and links are still checked.
  CHECK(h.log("HEAD", "/dest/ok").size() == 2);
}

TEST_CASE("carousel images must share one size", "[pinterest][preflight]") {
  Harness h;
  json::array media{json::object{{"type", "image"}, {"url", h.url("/media/demo.jpg")}},
                    json::object{{"type", "image"}, {"url", h.url("/media/demo.png")}}};
  // Both demo images are 600x900: their sizes are read from the sniffed bytes.
  CHECK(problems(h.run(Operation::kPreflight, h.request({{"media", media}}))) == Problems{});
  json::array files{json::object{{"type", "image"},
                                 {"path", "/x/a.png"},
                                 {"contentType", "image/png"},
                                 {"width", 600},
                                 {"height", 900}},
                    json::object{{"type", "image"},
                                 {"path", "/x/b.png"},
                                 {"contentType", "image/png"},
                                 {"width", 1000},
                                 {"height", 500}}};
  CHECK(problems(h.run(Operation::kPreflight, h.request({{"media", files}}))) ==
        Problems{"pinterest.media.carousel_dimensions@media"});
}
