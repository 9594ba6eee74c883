// Preflight of video pins: the build's FFmpeg-made clips probed as the host does, each verdict of
// Pinterest's video requirements with the field and the value found.
#include <catch2/catch.hpp>

#include "plugins/pinterest/harness.hpp"
#include "plugins/pinterest/video_media.hpp"

namespace {

using namespace pintest;
using lmp::Operation;

json::object with_video(const Harness &h, const json::object &item) {
  return h.request({{"media", json::array{item}}});
}

}  // namespace

TEST_CASE("video preflight: each test clip gets Pinterest's verdict", "[pinterest][video]") {
  Harness h;
  using List = std::vector<std::string>;
  CHECK(problems(h.run(Operation::kPreflight, with_video(h, video_item(test_media("tall.mp4"))))) ==
        List{});
  CHECK(problems(h.run(Operation::kPreflight, with_video(h, video_item(test_media("hevc.mp4"))))) ==
        List{});
  CHECK(problems(h.run(Operation::kPreflight, with_video(h, video_item(test_media("clip.mov"))))) ==
        List{});
  CHECK(problems(h.run(Operation::kPreflight, with_video(h, video_item(test_media("wide.mp4"))))) ==
        List{"pinterest.video.aspect_ratio@media[0].path"});
  CHECK(
      problems(h.run(Operation::kPreflight, with_video(h, video_item(test_media("short.mp4"))))) ==
      List{"pinterest.video.too_short@media[0].path"});
  CHECK(problems(h.run(Operation::kPreflight,
                       with_video(h, video_item(test_media("audio_only.m4a"))))) ==
        List{"pinterest.video.unsupported_container@media[0].path",
             "pinterest.video.no_video_stream@media[0].path"});
}

TEST_CASE("video preflight messages say what was found and what is allowed", "[pinterest][video]") {
  Harness h;
  auto out = h.run(Operation::kPreflight, with_video(h, video_item(test_media("wide.mp4"))));
  REQUIRE(out.ok());
  const std::string wide(out.result.at("errors").at(0).at("message").as_string());
  CHECK_THAT(wide,
             Catch::Contains("480x160") && Catch::Contains("3.00:1") && Catch::Contains("1.91:1"));
  out = h.run(Operation::kPreflight, with_video(h, video_item(test_media("short.mp4"))));
  const std::string short_(out.result.at("errors").at(0).at("message").as_string());
  CHECK_THAT(short_, Catch::Contains("2.0 s") && Catch::Contains("4 s to 15 min"));
}

TEST_CASE("video preflight: size, length, codec and cover limits", "[pinterest][video]") {
  Harness h;
  json::object item = video_item(test_media("tall.mp4"));
  SECTION("over 2 GB") {
    item["sizeBytes"] = int64_t(2147483649);
    CHECK(problems(h.run(Operation::kPreflight, with_video(h, item))) ==
          std::vector<std::string>{"pinterest.video.too_large@media[0].path"});
  }
  SECTION("over 15 minutes") {
    item["durationMs"] = 900001;
    CHECK(problems(h.run(Operation::kPreflight, with_video(h, item))) ==
          std::vector<std::string>{"pinterest.video.too_long@media[0].path"});
  }
  SECTION("taller than 1:2") {
    item["width"] = 100;
    item["height"] = 201;
    CHECK(problems(h.run(Operation::kPreflight, with_video(h, item))) ==
          std::vector<std::string>{"pinterest.video.aspect_ratio@media[0].path"});
  }
  SECTION("not H.264 or H.265") {
    item["videoCodec"] = "vp9";
    CHECK(problems(h.run(Operation::kPreflight, with_video(h, item))) ==
          std::vector<std::string>{"pinterest.video.unsupported_codec@media[0].path"});
  }
  SECTION("a cover that is neither JPEG nor PNG") {
    item["cover"] = json::object{{"path", test_media("image.gif")}, {"contentType", "image/gif"}};
    CHECK(problems(h.run(Operation::kPreflight, with_video(h, item))) ==
          std::vector<std::string>{"pinterest.video.cover_unsupported_format@media[0].cover"});
  }
  SECTION("a video URL the host did not download") {
    json::object by_url{{"type", "video"}, {"url", "https://example.com/v.mp4"}};
    auto out = h.run(Operation::kPreflight, with_video(h, by_url));
    CHECK(problems(out) == std::vector<std::string>{"pinterest.video.not_local@media[0].url"});
  }
}

TEST_CASE("describe lists upload_media and the video capabilities", "[pinterest][video]") {
  Harness h;
  const json::object &d = h.adapter->description();
  const auto &ops = d.at("capabilities").at("operations").as_array();
  CHECK(std::find(ops.begin(), ops.end(), json::value("upload_media")) != ops.end());
  const auto &video = d.at("capabilities").at("media").at("video");
  CHECK(video.at("maxBytes") == json::value(int64_t(2147483648)));
  CHECK(video.at("minDurationMs") == json::value(4000));
  CHECK(video.at("maxDurationMs") == json::value(900000));
  CHECK(h.adapter->supports(Operation::kUploadMedia));
}
