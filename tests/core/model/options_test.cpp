#include <catch2/catch.hpp>

#include "core/model/options.hpp"

namespace {

lmp::Post parse(std::string_view json_text) {
  auto result = lmp::parse_post(json_text);
  INFO((result.errors.empty() ? std::string() : result.errors[0].message));
  REQUIRE(result.ok());
  return *result.post;
}

}  // namespace

TEST_CASE("flat options apply to every target", "[model][options]") {
  auto post = parse(R"({"targets":[{"platform":"pinterest","accountId":"a"},
                                   {"platform":"other","accountId":"b"}],
                        "text":"x","options":{"boardId":"1","destinationUrl":"https://e.com"}})");
  for (const char *platform : {"pinterest", "other"}) {
    auto merged = lmp::merge_options(post, platform);
    CHECK(merged.values ==
          boost::json::object{{"boardId", "1"}, {"destinationUrl", "https://e.com"}});
    CHECK(merged.sources.at("boardId") == "options.boardId");
  }
}

TEST_CASE("platform-keyed options win over flat ones, for their platform only",
          "[model][options]") {
  auto post = parse(R"({"targets":[{"platform":"pinterest","accountId":"a"},
                                   {"platform":"other","accountId":"b"}],
                        "text":"x",
                        "options":{"boardId":"flat","title":"T",
                                   "pinterest":{"boardId":"keyed","boardSectionId":"s"},
                                   "other":{"mode":"m"}}})");
  CHECK(lmp::is_platform_key(post, "pinterest"));
  CHECK_FALSE(lmp::is_platform_key(post, "boardId"));

  auto pin = lmp::merge_options(post, "pinterest");
  CHECK(pin.values ==
        boost::json::object{{"boardId", "keyed"}, {"title", "T"}, {"boardSectionId", "s"}});
  CHECK(pin.sources.at("boardId") == "options.pinterest.boardId");
  CHECK(pin.sources.at("title") == "options.title");
  CHECK(pin.sources.at("boardSectionId") == "options.pinterest.boardSectionId");

  auto other = lmp::merge_options(post, "other");
  CHECK(other.values == boost::json::object{{"boardId", "flat"}, {"title", "T"}, {"mode", "m"}});
}

TEST_CASE("a key is a platform key only for a targeted platform and an object value",
          "[model][options]") {
  auto post = parse(R"({"targets":[{"platform":"pinterest","accountId":"a"}],"text":"x",
                        "options":{"pinterest":"not an object","mastodon":{"x":1}}})");
  CHECK_FALSE(lmp::is_platform_key(post, "pinterest"));
  CHECK_FALSE(lmp::is_platform_key(post, "mastodon"));
  auto merged = lmp::merge_options(post, "pinterest");
  CHECK(merged.values.at("pinterest") == "not an object");
  CHECK(merged.sources.at("mastodon") == "options.mastodon");
}

TEST_CASE("adapter fields map back to where the user wrote them", "[model][options]") {
  auto post = parse(R"({"accountId":"top",
                        "targets":[{"platform":"pinterest","accountId":"a"},
                                   {"platform":"pinterest"}],
                        "text":"x","media":[{"type":"image","url":"https://e.com/a.jpg"}],
                        "options":{"title":"T","destinationUrl":"https://e.com",
                                   "pinterest":{"boardId":"1","dims":{"w":1}}}})");
  auto merged = lmp::merge_options(post, "pinterest");
  CHECK(lmp::map_field_to_user("options.boardId", merged, post, 0) == "options.pinterest.boardId");
  CHECK(lmp::map_field_to_user("options.title", merged, post, 0) == "options.title");
  CHECK(lmp::map_field_to_user("options.dims.w", merged, post, 0) == "options.pinterest.dims.w");
  CHECK(lmp::map_field_to_user("options.boardSectionId", merged, post, 0) ==
        "options.boardSectionId");
  CHECK(lmp::map_field_to_user("options.destinationUrlX", merged, post, 0) ==
        "options.destinationUrlX");
  CHECK(lmp::map_field_to_user("options", merged, post, 0) == "options");
  CHECK(lmp::map_field_to_user("media[0].url", merged, post, 0) == "media[0].url");
  CHECK(lmp::map_field_to_user("text", merged, post, 1) == "text");
  CHECK(lmp::map_field_to_user("accountId", merged, post, 0) == "targets[0].accountId");
  CHECK(lmp::map_field_to_user("accountId", merged, post, 1) == "accountId");
  CHECK(lmp::map_field_to_user("credentials.accessToken", merged, post, 0) ==
        "targets[0].accountId");
  CHECK(lmp::map_field_to_user("credentials", merged, post, 1) == "accountId");
  CHECK(lmp::map_field_to_user("account.environment", merged, post, 1) == "accountId");
  CHECK(lmp::map_field_to_user("platform", merged, post, 1) == "targets[1].platform");
  CHECK(lmp::map_field_to_user("accounting", merged, post, 1) == "accounting");
  CHECK(lmp::map_field_to_user("somethingElse", merged, post, 0) == "somethingElse");
}
