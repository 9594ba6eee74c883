#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/model/post.hpp"
#include "core/model/time.hpp"

namespace {

using Problem = std::pair<std::string, std::string>;  // code, field ("" when none)

std::vector<Problem> problems(std::string_view json_text) {
  std::vector<Problem> out;
  for (const lmp::Error &e : lmp::parse_post(json_text).errors) {
    out.emplace_back(e.code, e.field.value_or(""));
  }
  return out;
}

// A valid post with `extra` spliced in after the targets (e.g. R"(, "media": [...])").
std::string post_with(const std::string &media_json, const std::string &extra = "") {
  return R"({"targets":[{"platform":"pinterest","accountId":"acc"}],"text":"hi","media":)" +
         media_json + extra + "}";
}

}  // namespace

TEST_CASE("a complete post parses into its parts", "[model][post]") {
  auto result = lmp::parse_post(R"({
    "targets": [{"platform": "pinterest", "accountId": "acc_pin_xyz"},
                {"platform": "pinterest"}],
    "accountId": "acc_top",
    "text": "Built with letmepost.",
    "media": [{"type": "image", "url": "https://example.com/a.jpg", "title": "A",
               "link": "http://example.com/x", "altText": "alt"},
              {"type": "video", "path": "/tmp/v.mp4", "cover": {"atSeconds": 1.5}},
              {"mediaId": "med_1"}],
    "options": {"boardId": "123", "pinterest": {"boardId": "456"}},
    "scheduledAt": "2026-12-01T10:00:00+01:00"
  })");
  REQUIRE(result.ok());
  REQUIRE(result.post);
  const lmp::Post &post = *result.post;
  REQUIRE(post.targets.size() == 2);
  CHECK(post.targets[0].account_id == "acc_pin_xyz");
  CHECK_FALSE(post.targets[0].account_from_top_level);
  CHECK(post.targets[1].account_id == "acc_top");
  CHECK(post.targets[1].account_from_top_level);
  CHECK(post.text == "Built with letmepost.");
  REQUIRE(post.media.size() == 3);
  CHECK(post.media[0].type == "image");
  CHECK(post.media[0].url == std::optional<std::string>("https://example.com/a.jpg"));
  CHECK(post.media[0].title == std::optional<std::string>("A"));
  CHECK(post.media[0].link == std::optional<std::string>("http://example.com/x"));
  CHECK(post.media[0].alt_text == std::optional<std::string>("alt"));
  CHECK_FALSE(post.media[0].cover);
  CHECK(post.media[1].path == std::optional<std::string>("/tmp/v.mp4"));
  REQUIRE(post.media[1].cover);
  CHECK(post.media[1].cover->at_seconds == std::optional<double>(1.5));
  CHECK(post.media[2].type.empty());
  CHECK(post.media[2].media_id == std::optional<std::string>("med_1"));
  CHECK(post.options.at("boardId") == "123");
  REQUIRE(post.scheduled_at);
  CHECK(lmp::format_rfc3339(*post.scheduled_at) == "2026-12-01T09:00:00Z");
  CHECK(post.raw.at("accountId") == "acc_top");
}

TEST_CASE("malformed JSON is one error with its line and column", "[model][post]") {
  auto result = lmp::parse_post("{\n  \"text\": \"x\",\n  \"targets\": [,]\n}");
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].code == "validation.malformed_json");
  CHECK_FALSE(result.errors[0].field);
  CHECK_THAT(result.errors[0].message, Catch::Contains("line 3, column 15"));
  CHECK_FALSE(result.post);

  CHECK(problems("") == std::vector<Problem>{{"validation.malformed_json", ""}});
  CHECK(problems("{} x") == std::vector<Problem>{{"validation.malformed_json", ""}});
}

TEST_CASE("a document that is not an object is a type error", "[model][post]") {
  CHECK(problems("[1,2]") == std::vector<Problem>{{"validation.type", ""}});
}

TEST_CASE("targets: missing, empty, wrong type, incomplete, duplicated", "[model][post]") {
  CHECK(problems(R"({"text":"x"})") == std::vector<Problem>{{"validation.no_targets", "targets"}});
  CHECK(problems(R"({"text":"x","targets":[]})") ==
        std::vector<Problem>{{"validation.no_targets", "targets"}});
  CHECK(problems(R"({"text":"x","targets":null})") ==
        std::vector<Problem>{{"validation.no_targets", "targets"}});
  CHECK(problems(R"({"text":"x","targets":{}})") ==
        std::vector<Problem>{{"validation.type", "targets"}});
  CHECK(problems(R"({"text":"x","targets":["pinterest"]})") ==
        std::vector<Problem>{{"validation.type", "targets[0]"}});
  CHECK(problems(R"({"text":"x","targets":[{"accountId":"a"}]})") ==
        std::vector<Problem>{{"validation.required", "targets[0].platform"}});
  CHECK(problems(R"({"text":"x","targets":[{"platform":"","accountId":"a"}]})") ==
        std::vector<Problem>{{"validation.required", "targets[0].platform"}});
  CHECK(problems(R"({"text":"x","targets":[{"platform":7,"accountId":"a"}]})") ==
        std::vector<Problem>{{"validation.type", "targets[0].platform"}});
  CHECK(problems(R"({"text":"x","targets":[{"platform":"p"}]})") ==
        std::vector<Problem>{{"validation.required", "targets[0].accountId"}});
  CHECK(problems(R"({"text":"x","targets":[{"platform":"p","accountId":""}]})") ==
        std::vector<Problem>{{"validation.required", "targets[0].accountId"}});
  CHECK(problems(R"({"text":"x","targets":[{"platform":"p","acountId":"a"}]})") ==
        std::vector<Problem>{{"validation.unknown_field", "targets[0].acountId"},
                             {"validation.required", "targets[0].accountId"}});
  CHECK(problems(R"({"text":"x","accountId":"a",
                     "targets":[{"platform":"p"},{"platform":"q"},{"platform":"p","accountId":"a"}]})") ==
        std::vector<Problem>{{"validation.duplicate_target", "targets[2]"}});
}

TEST_CASE("a top-level accountId: wrong type or empty is reported once", "[model][post]") {
  CHECK(problems(R"({"text":"x","accountId":5,"targets":[{"platform":"p"}]})") ==
        std::vector<Problem>{{"validation.type", "accountId"}});
  CHECK(problems(R"({"text":"x","accountId":"","targets":[{"platform":"p"}]})") ==
        std::vector<Problem>{{"validation.required", "accountId"}});
}

TEST_CASE("text is required only without media", "[model][post]") {
  const std::string targets = R"("targets":[{"platform":"p","accountId":"a"}])";
  CHECK(problems("{" + targets + "}") == std::vector<Problem>{{"validation.required", "text"}});
  CHECK(problems("{" + targets + R"(,"text":"  "})") ==
        std::vector<Problem>{{"validation.required", "text"}});
  CHECK(problems("{" + targets + R"(,"text":"","media":[]})") ==
        std::vector<Problem>{{"validation.required", "text"}});
  CHECK(problems("{" + targets + R"(,"text":3})") ==
        std::vector<Problem>{{"validation.type", "text"}});
  CHECK(problems("{" + targets + R"(,"media":[{"mediaId":"m"}]})").empty());
}

TEST_CASE("unknown keys name the nearest known key", "[model][post]") {
  auto result = lmp::parse_post(post_with(R"([{"type":"video","url":"https://e.com/v.mp4",
      "cover":{"atSecond":2}, "alt_text":"x"}])",
                                          R"(, "schedule_at": "x", "zzzzzzzz": 1)"));
  std::vector<Problem> got;
  for (const auto &e : result.errors) got.emplace_back(e.code, e.field.value_or(""));
  CHECK(got == std::vector<Problem>{{"validation.unknown_field", "schedule_at"},
                                    {"validation.unknown_field", "zzzzzzzz"},
                                    {"validation.unknown_field", "media[0].alt_text"},
                                    {"validation.unknown_field", "media[0].cover.atSecond"},
                                    {"validation.invalid_value", "media[0].cover"}});
  CHECK_THAT(result.errors[0].message, Catch::Contains("Did you mean \"scheduledAt\"?"));
  CHECK_THAT(result.errors[1].message, Catch::Contains("Known keys: targets, text"));
  CHECK_THAT(result.errors[2].message, Catch::Contains("Did you mean \"altText\"?"));
  CHECK_THAT(result.errors[3].message, Catch::Contains("Did you mean \"atSeconds\"?"));
}

TEST_CASE("media items: type, source, URL and path rules", "[model][post]") {
  CHECK(problems(post_with(R"({})")) == std::vector<Problem>{{"validation.type", "media"}});
  CHECK(problems(post_with(R"([7])")) == std::vector<Problem>{{"validation.type", "media[0]"}});
  CHECK(problems(post_with(R"([{"type":"gif","url":"https://e.com/a.gif"}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].type"}});
  CHECK(problems(post_with(R"([{"type":1,"url":"https://e.com/a.gif"}])")) ==
        std::vector<Problem>{{"validation.type", "media[0].type"}});
  CHECK(problems(post_with(R"([{"url":"https://e.com/a.jpg"}])")) ==
        std::vector<Problem>{{"validation.required", "media[0].type"}});
  CHECK(problems(post_with(R"([{"type":"image"}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0]"}});
  CHECK(problems(post_with(R"([{"type":"image","url":"https://e.com/a.jpg","path":"/a.jpg"}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0]"}});
  CHECK(problems(post_with(R"([{"type":"image","url":"ftp://e.com/a.jpg"}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].url"}});
  CHECK(problems(post_with(R"([{"type":"image","url":"not a url"}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].url"}});
  CHECK(problems(post_with(R"([{"type":"image","url":5}])")) ==
        std::vector<Problem>{{"validation.type", "media[0].url"}});
  CHECK(problems(post_with(R"([{"type":"image","path":""}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].path"}});
  CHECK(problems(post_with(R"([{"mediaId":""}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].mediaId"}});
  CHECK(problems(post_with(R"([{"type":"image","path":"/a.jpg","link":"javascript:x"}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].link"}});
  CHECK(problems(post_with(R"([{"type":"image","path":"/a.jpg","title":[]}])")) ==
        std::vector<Problem>{{"validation.type", "media[0].title"}});
}

TEST_CASE("a URL with credentials is never repeated in a message", "[model][post]") {
  auto result =
      lmp::parse_post(post_with(R"([{"type":"image","url":"ftp://user:s3cret@e.com/a.jpg"}])"));
  REQUIRE(result.errors.size() == 1);
  CHECK_THAT(result.errors[0].message, !Catch::Contains("s3cret"));
}

TEST_CASE("covers: only on videos, exactly one source, no negative time", "[model][post]") {
  CHECK(problems(post_with(R"([{"type":"image","path":"/a.jpg","cover":{"atSeconds":1}}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].cover"}});
  CHECK(problems(post_with(R"([{"type":"video","path":"/v.mp4","cover":{}}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].cover"}});
  CHECK(problems(post_with(
            R"([{"type":"video","path":"/v.mp4","cover":{"path":"/c.jpg","atSeconds":1}}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].cover"}});
  CHECK(problems(post_with(R"([{"type":"video","path":"/v.mp4","cover":{"atSeconds":-0.5}}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].cover.atSeconds"}});
  CHECK(problems(post_with(R"([{"type":"video","path":"/v.mp4","cover":{"atSeconds":"1"}}])")) ==
        std::vector<Problem>{{"validation.type", "media[0].cover.atSeconds"}});
  CHECK(problems(post_with(R"([{"type":"video","path":"/v.mp4","cover":{"url":"file:///c"}}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].cover.url"}});
  CHECK(problems(post_with(R"([{"type":"video","path":"/v.mp4","cover":{"path":""}}])")) ==
        std::vector<Problem>{{"validation.invalid_value", "media[0].cover.path"}});
  CHECK(problems(post_with(R"([{"type":"video","path":"/v.mp4","cover":"c.jpg"}])")) ==
        std::vector<Problem>{{"validation.type", "media[0].cover"}});
  auto ok = lmp::parse_post(
      post_with(R"([{"type":"video","path":"/v.mp4","cover":{"url":"https://e.com/c.jpg"}}])"));
  REQUIRE(ok.ok());
  CHECK(ok.post->media[0].cover->url == std::optional<std::string>("https://e.com/c.jpg"));
}

TEST_CASE("options must be an object; scheduledAt must be RFC 3339", "[model][post]") {
  const std::string base = R"({"targets":[{"platform":"p","accountId":"a"}],"text":"x")";
  CHECK(problems(base + R"(,"options":[]})") ==
        std::vector<Problem>{{"validation.type", "options"}});
  CHECK(problems(base + R"(,"scheduledAt":"2026-12-01 09:00"})") ==
        std::vector<Problem>{{"validation.invalid_time", "scheduledAt"}});
  CHECK(problems(base + R"(,"scheduledAt":"2026-12-01T09:00:00"})") ==
        std::vector<Problem>{{"validation.invalid_time", "scheduledAt"}});
  CHECK(problems(base + R"(,"scheduledAt":1764579600})") ==
        std::vector<Problem>{{"validation.type", "scheduledAt"}});
  CHECK(problems(base + R"(,"scheduledAt":null,"options":null})").empty());
}

TEST_CASE("every problem of a post is reported at once, in a stable order", "[model][post]") {
  auto result = lmp::parse_post(R"({
    "targets": [{"platform": "pinterest"}, {"platform": "pinterest", "accountId": 3}],
    "media": [{"type": "image", "url": "ftp://x/y"}, {"type": "video", "cover": {"atSeconds": -1}}],
    "options": {"boardId": "1"},
    "scheduledAt": "tomorrow",
    "titel": "x"
  })");
  CHECK_FALSE(result.post);
  std::vector<Problem> got;
  for (const auto &e : result.errors) got.emplace_back(e.code, e.field.value_or(""));
  CHECK(got == std::vector<Problem>{
                   {"validation.unknown_field", "titel"},
                   {"validation.required", "targets[0].accountId"},
                   {"validation.type", "targets[1].accountId"},
                   {"validation.invalid_value", "media[0].url"},
                   {"validation.invalid_value", "media[1]"},
                   {"validation.invalid_value", "media[1].cover.atSeconds"},
                   {"validation.invalid_time", "scheduledAt"},
               });
}
