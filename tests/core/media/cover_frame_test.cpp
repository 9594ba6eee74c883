#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "core/media/cover_frame.hpp"
#include "core/media/frame_convert.hpp"
#include "core/media/probe.hpp"
#include "media_test_util.hpp"

using lmp::CoverFrame;
using lmp::extract_cover;
using lmp::test::media_file;
using lmp::test::ScratchDir;

namespace {

// The written cover probes as a JPEG of the size extract_cover reported.
void check_jpeg(const std::filesystem::path &jpeg, const CoverFrame &c) {
  lmp::MediaProbe p = lmp::probe_file(jpeg);
  CHECK(p.kind == "image");
  CHECK(p.container == "jpeg");
  CHECK(p.content_type == "image/jpeg");
  CHECK(p.width == c.width);
  CHECK(p.height == c.height);
}

double brightness(const std::filesystem::path &jpeg) {
  return lmp::av::mean_luma(*lmp::test::decode_as(jpeg, AV_PIX_FMT_GRAY8));
}

}  // namespace

TEST_CASE("extract_cover takes the frame 1 s in by default, keeping the aspect ratio",
          "[media][cover]") {
  ScratchDir dir;
  CoverFrame c = extract_cover(media_file("tall.mp4"), std::nullopt, dir / "cover.jpg");
  CHECK(c.width == 288);
  CHECK(c.height == 512);
  CHECK(c.at_seconds == Approx(1.0));
  check_jpeg(dir / "cover.jpg", c);
  CHECK(brightness(dir / "cover.jpg") > 40);
  CHECK_FALSE(std::filesystem::exists(dir / "cover.jpg.part"));
}

TEST_CASE("extract_cover passes over black frames", "[media][cover]") {
  ScratchDir dir;
  // tall.mp4 is black for its first 0.5 s: frames 0 to 12 at 25 fps.
  CoverFrame c = extract_cover(media_file("tall.mp4"), 0.0, dir / "cover.jpg");
  CHECK(c.at_seconds == Approx(0.52).margin(0.001));
  CHECK(brightness(dir / "cover.jpg") > 40);
}

TEST_CASE("extract_cover seeks to an explicit time", "[media][cover]") {
  ScratchDir dir;
  CoverFrame at2 = extract_cover(media_file("tall.mp4"), 2.2, dir / "a.jpg");
  CHECK(at2.at_seconds == Approx(2.2).margin(0.001));
  CoverFrame at4 = extract_cover(media_file("tall.mp4"), 4.0, dir / "b.jpg");
  CHECK(at4.at_seconds == Approx(4.0).margin(0.001));
  CoverFrame again = extract_cover(media_file("tall.mp4"), 2.2, dir / "c.jpg");
  CHECK(again.at_seconds == Approx(2.2).margin(0.001));

  // The pattern moves: frames 1.8 s apart differ, the same frame twice does not.
  auto a = lmp::test::decode_as(dir / "a.jpg", AV_PIX_FMT_GRAY8);
  auto b = lmp::test::decode_as(dir / "b.jpg", AV_PIX_FMT_GRAY8);
  auto c = lmp::test::decode_as(dir / "c.jpg", AV_PIX_FMT_GRAY8);
  CHECK(lmp::test::mean_abs_diff(*a, *b) > 5);
  CHECK(lmp::test::mean_abs_diff(*a, *c) == 0);
}

TEST_CASE("extract_cover uses the first frame of a very short clip", "[media][cover]") {
  ScratchDir dir;
  CoverFrame c = extract_cover(media_file("short.mp4"), std::nullopt, dir / "cover.jpg");
  CHECK(c.at_seconds == 0.0);
  CHECK(c.width == 240);
  CHECK(c.height == 320);
  check_jpeg(dir / "cover.jpg", c);
  CHECK(brightness(dir / "cover.jpg") > 40);
}

TEST_CASE("extract_cover keeps the display aspect ratio of wide, anamorphic and rotated video",
          "[media][cover]") {
  ScratchDir dir;
  CoverFrame wide = extract_cover(media_file("wide.mp4"), std::nullopt, dir / "wide.jpg");
  CHECK(wide.width == 480);
  CHECK(wide.height == 160);
  check_jpeg(dir / "wide.jpg", wide);

  CoverFrame anamorphic =
      extract_cover(media_file("anamorphic.mp4"), std::nullopt, dir / "anamorphic.jpg");
  CHECK(anamorphic.width == 480);
  CHECK(anamorphic.height == 240);
  check_jpeg(dir / "anamorphic.jpg", anamorphic);

  CoverFrame rotated = extract_cover(media_file("rotated.mp4"), 1.0, dir / "rotated.jpg");
  CHECK(rotated.width == 180);
  CHECK(rotated.height == 320);
  check_jpeg(dir / "rotated.jpg", rotated);
  // The same picture, the same way up, as the ffmpeg command line (which auto-rotates) shows.
  auto ours = lmp::test::decode_as(dir / "rotated.jpg", AV_PIX_FMT_GRAY8);
  auto reference = lmp::test::decode_as(media_file("rotated_at1s.png"), AV_PIX_FMT_GRAY8);
  double diff = lmp::test::mean_abs_diff(*ours, *reference);
  INFO("mean absolute difference " << diff);
  CHECK(diff < 2.5);
}

TEST_CASE("extract_cover reads H.265 and MOV", "[media][cover]") {
  ScratchDir dir;
  CoverFrame hevc = extract_cover(media_file("hevc.mp4"), std::nullopt, dir / "hevc.jpg");
  CHECK(hevc.width == 240);
  CHECK(hevc.height == 432);
  CHECK(hevc.at_seconds == Approx(1.0));
  check_jpeg(dir / "hevc.jpg", hevc);
  CHECK(brightness(dir / "hevc.jpg") > 40);

  CoverFrame mov = extract_cover(media_file("clip.mov"), 3.0, dir / "mov.jpg");
  CHECK(mov.width == 320);
  CHECK(mov.height == 400);
  CHECK(mov.at_seconds == Approx(3.0));
  check_jpeg(dir / "mov.jpg", mov);
}

TEST_CASE("extract_cover fails with media.cover_failed naming the file and the reason",
          "[media][cover]") {
  ScratchDir dir;
  struct Case {
    std::filesystem::path video;
    std::optional<double> at;
    std::filesystem::path out;
    const char *reason;
  };
  const Case cases[] = {
      {media_file("audio_only.m4a"), std::nullopt, dir / "a.jpg", "no video stream"},
      {media_file("not_media.bin"), std::nullopt, dir / "b.jpg", "not a media format"},
      {dir / "missing.mp4", std::nullopt, dir / "c.jpg", "cannot open"},
      {media_file("tall.mp4"), 5.5, dir / "d.jpg", "past the end of the video (5.000 s)"},
      {media_file("tall.mp4"), -1.0, dir / "e.jpg", "at least 0"},
      {media_file("tall.mp4"), std::nan(""), dir / "f.jpg", "at least 0"},
      {media_file("tall.mp4"), 1.0, dir / "no-such-dir" / "g.jpg", "no-such-dir"},
  };
  for (const Case &c : cases) {
    INFO(c.video << " at " << c.at.value_or(-99));
    try {
      extract_cover(c.video, c.at, c.out);
      FAIL("no MediaError");
    } catch (const lmp::MediaError &e) {
      CHECK(e.error().code == "media.cover_failed");
      CHECK_THAT(e.error().message, Catch::Contains(c.video.string()));
      CHECK_THAT(e.error().message, Catch::Contains(c.reason));
    }
    CHECK_FALSE(std::filesystem::exists(c.out));
  }
}

TEST_CASE("extract_cover leaves an existing output alone when it fails", "[media][cover]") {
  ScratchDir dir;
  { std::ofstream(dir / "cover.jpg") << "previous cover"; }
  CHECK_THROWS_AS(extract_cover(media_file("audio_only.m4a"), std::nullopt, dir / "cover.jpg"),
                  lmp::MediaError);
  CHECK(lmp::test::head_bytes(dir / "cover.jpg", 100) == "previous cover");
}
