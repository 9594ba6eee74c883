// The checks that need no network report every problem at once, each with its field.
#include <catch2/catch.hpp>
#include <set>

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/rules.hpp"

namespace {

namespace json = boost::json;

pinterest::TargetRequest request(const std::string &extra_json) {
  return pinterest::read_request(R"({"account":{"id":"acc"},"credentials":{"accessToken":"t"},)" +
                                 extra_json + "}");
}

// code@field of every problem.
std::multiset<std::string> problems(const pinterest::TargetRequest &r) {
  std::multiset<std::string> out;
  for (const json::value &p : pinterest::check_locally(r)) {
    const json::value &f = p.at("field");
    out.insert(std::string(pinterest::code_of(p.as_object())) + "@" +
               (f.is_string() ? std::string(f.get_string()) : "null"));
  }
  return out;
}

std::string repeat(const std::string &s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("a good image pin has no local problem", "[pinterest][rules]") {
  auto r = request(R"("text":"Built with letmepost.","options":{"boardId":"1234567890",
      "title":"T","destinationUrl":"https://letmepost.dev","altText":"A"},
      "media":[{"type":"image","url":"https://example.com/a.jpg"}])");
  CHECK(problems(r).empty());
  CHECK(pinterest::pin_kind(r.media) == pinterest::PinKind::kImage);
}

TEST_CASE("limits are counted in code points, each problem with its field", "[pinterest][rules]") {
  // 500 two-byte characters pass; 501 do not. Same for title (100) and alt text (500).
  auto ok = request(R"("text":")" + repeat("\xC3\xA9", 500) + R"(","options":{"boardId":"1",
      "title":")" + repeat("\xE2\x82\xAC", 100) +
                    R"(","altText":")" + repeat("a", 500) + R"("},
      "media":[{"type":"image","url":"https://e.com/a.jpg"}])");
  CHECK(problems(ok).empty());
  auto bad = request(R"("text":")" + repeat("\xC3\xA9", 501) + R"(","options":{"boardId":"1",
      "title":")" + repeat("\xE2\x82\xAC", 101) +
                     R"(","altText":")" + repeat("a", 501) + R"(",
      "destinationUrl":"ftp://example.com"},
      "media":[{"type":"image","url":"https://e.com/a.jpg"}])");
  CHECK(problems(bad) == std::multiset<std::string>{
                             "pinterest.text.too_long@text",
                             "pinterest.title.too_long@options.title",
                             "pinterest.alt_text.too_long@options.altText",
                             "pinterest.link.invalid@options.destinationUrl",
                         });
  auto messages = pinterest::check_locally(bad);
  CHECK(messages.at(0).at("message") ==
        "The description (the post's text) has 501 characters; Pinterest allows 500.");
}

TEST_CASE("a link over 2048 characters is too long", "[pinterest][rules]") {
  const std::string url = "https://e.com/" + repeat("a", 2048 - 14);
  auto ok = request(R"("options":{"boardId":"1","destinationUrl":")" + url +
                    R"("},"media":[{"type":"image","url":"https://e.com/a.jpg"}])");
  CHECK(problems(ok).empty());
  auto bad = request(R"("options":{"boardId":"1","destinationUrl":")" + url +
                     R"(a"},"media":[{"type":"image","url":"https://e.com/a.jpg"}])");
  CHECK(problems(bad) ==
        std::multiset<std::string>{"pinterest.link.too_long@options.destinationUrl"});
}

TEST_CASE("the media mix and the board are checked", "[pinterest][rules]") {
  SECTION("no media, no board") {
    CHECK(problems(request(R"("options":{})")) ==
          std::multiset<std::string>{"pinterest.media.required@media",
                                     "pinterest.board.required@options.boardId"});
  }
  SECTION("six images") {
    std::string media;
    for (int i = 0; i < 6; ++i)
      media += R"({"type":"image","url":"https://e.com/)" + std::to_string(i) + R"(.jpg"},)";
    media.pop_back();
    auto r = request(R"("options":{"boardId":"1"},"media":[)" + media + "]");
    CHECK(problems(r) == std::multiset<std::string>{"pinterest.media.carousel_size@media"});
    CHECK(pinterest::pin_kind(r.media) == pinterest::PinKind::kNone);
  }
  SECTION("a carousel mixing URLs and files") {
    auto r = request(R"("options":{"boardName":"Recipes"},"media":[
        {"type":"image","url":"https://e.com/a.jpg"},
        {"type":"image","path":"/tmp/b.png","contentType":"image/png","sizeBytes":10}])");
    CHECK(problems(r) == std::multiset<std::string>{"pinterest.media.unsupported_mix@media"});
  }
  SECTION("an image and a video") {
    auto r = request(R"("options":{"boardId":"1"},"media":[
        {"type":"image","url":"https://e.com/a.jpg"},{"type":"video","path":"/tmp/v.mp4"}])");
    CHECK(problems(r) == std::multiset<std::string>{"pinterest.media.unsupported_mix@media"});
  }
  SECTION("a carousel's per-image title, alt text and link") {
    auto r = request(R"("options":{"boardId":"1"},"media":[
        {"type":"image","url":"https://e.com/a.jpg","title":")" +
                     repeat("t", 101) + R"("},
        {"type":"image","url":"https://e.com/b.jpg","altText":")" +
                     repeat("t", 501) + R"(",
         "link":"mailto:a@b.c"}])");
    CHECK(problems(r) == std::multiset<std::string>{
                             "pinterest.title.too_long@media[0].title",
                             "pinterest.alt_text.too_long@media[1].altText",
                             "pinterest.link.invalid@media[1].link",
                         });
    CHECK(pinterest::pin_kind(r.media) == pinterest::PinKind::kCarousel);
  }
  SECTION("local files: JPEG or PNG, at most 10 MB") {
    auto r = request(R"("options":{"boardId":"x1","boardSectionId":"s"},"media":[
        {"type":"image","path":"/tmp/a.gif","contentType":"image/gif","sizeBytes":100},
        {"type":"image","path":"/tmp/b.jpg","contentType":"image/jpeg","sizeBytes":10485761}])");
    CHECK(problems(r) == std::multiset<std::string>{
                             "pinterest.media.unsupported_format@media[0].path",
                             "pinterest.media.too_large@media[1].path",
                             "pinterest.board.invalid_id@options.boardId",
                             "pinterest.section.invalid_id@options.boardSectionId",
                         });
  }
}

TEST_CASE("a malformed request is adapter.invalid_request naming the member",
          "[pinterest][rules]") {
  auto field_of = [](const std::string &text) {
    try {
      pinterest::read_request(text);
    } catch (const std::exception &e) {
      auto err = pinterest::error_object(e);
      CHECK(pinterest::code_of(err) == "adapter.invalid_request");
      return std::string(err.at("field").is_string() ? err.at("field").get_string() : "");
    }
    return std::string("no error");
  };
  CHECK(field_of(R"({"text":5})") == "text");
  CHECK(field_of(R"({"media":[{"type":"image","url":7}]})") == "media[0].url");
  CHECK(field_of(R"({"options":{"title":[]}})") == "options.title");
  CHECK(field_of(R"({"account":{"environment":"staging"}})") == "account.environment");
  CHECK(field_of(R"({"credentials":{"expiresAt":"tomorrow"}})") == "credentials.expiresAt");
  CHECK(field_of("[]").empty());
  // Numeric ids from hand-written posts are accepted as their digits.
  CHECK(pinterest::read_request(R"({"options":{"boardId":1234567890123}})").options.board_id ==
        "1234567890123");
}
