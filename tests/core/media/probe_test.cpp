#include <catch2/catch.hpp>

#include "core/media/probe.hpp"
#include "media_test_util.hpp"

using lmp::MediaProbe;
using lmp::probe_file;
using lmp::test::media_file;

namespace {

// The duration, allowing for a last frame's length and encoder priming.
void check_duration(const MediaProbe &p, int64_t ms) {
  CHECK(p.duration_ms >= ms - 50);
  CHECK(p.duration_ms <= ms + 50);
}

}  // namespace

TEST_CASE("probe_file reports a tall H.264 + AAC MP4", "[media][probe]") {
  MediaProbe p = probe_file(media_file("tall.mp4"));
  CHECK(p.kind == "video");
  CHECK(p.container == "mp4");
  CHECK(p.video_codec == "h264");
  CHECK(p.audio_codec == "aac");
  CHECK(p.width == 288);
  CHECK(p.height == 512);
  check_duration(p, 5000);
  CHECK(p.content_type == "video/mp4");
  CHECK(p.size_bytes == std::filesystem::file_size(media_file("tall.mp4")));
}

TEST_CASE("probe_file reports sizes and lengths of wide, short and HEVC clips", "[media][probe]") {
  MediaProbe wide = probe_file(media_file("wide.mp4"));
  CHECK(wide.kind == "video");
  CHECK(wide.width == 480);
  CHECK(wide.height == 160);
  CHECK(wide.audio_codec.empty());
  check_duration(wide, 5000);

  MediaProbe short_clip = probe_file(media_file("short.mp4"));
  CHECK(short_clip.width == 240);
  CHECK(short_clip.height == 320);
  check_duration(short_clip, 2000);

  MediaProbe hevc = probe_file(media_file("hevc.mp4"));
  CHECK(hevc.kind == "video");
  CHECK(hevc.container == "mp4");
  CHECK(hevc.video_codec == "hevc");
  CHECK(hevc.width == 240);
  CHECK(hevc.height == 432);
  check_duration(hevc, 4000);
  CHECK(hevc.content_type == "video/mp4");
}

TEST_CASE("probe_file tells MOV and M4A apart from MP4 by their brand", "[media][probe]") {
  MediaProbe mov = probe_file(media_file("clip.mov"));
  CHECK(mov.kind == "video");
  CHECK(mov.container == "mov");
  CHECK(mov.content_type == "video/quicktime");
  CHECK(mov.video_codec == "h264");
  CHECK(mov.width == 320);
  CHECK(mov.height == 400);
  check_duration(mov, 4000);

  MediaProbe audio = probe_file(media_file("audio_only.m4a"));
  CHECK(audio.kind == "audio");
  CHECK(audio.container == "m4a");
  CHECK(audio.content_type == "audio/mp4");
  CHECK(audio.audio_codec == "aac");
  CHECK(audio.video_codec.empty());
  CHECK(audio.width == 0);
  CHECK(audio.height == 0);
  check_duration(audio, 2000);
}

TEST_CASE("probe_file reports the displayed size of rotated and anamorphic video",
          "[media][probe]") {
  MediaProbe rotated = probe_file(media_file("rotated.mp4"));  // stored 320x180, turned 90 deg
  CHECK(rotated.width == 180);
  CHECK(rotated.height == 320);

  MediaProbe anamorphic = probe_file(media_file("anamorphic.mp4"));  // 240x240, 2:1 pixels
  CHECK(anamorphic.width == 480);
  CHECK(anamorphic.height == 240);
}

TEST_CASE("probe_file reports images with their type and size", "[media][probe]") {
  struct Case {
    const char *file, *container, *codec, *type;
    int w, h;
  };
  const Case cases[] = {
      {"image.webp", "webp", "webp", "image/webp", 200, 300},
      {"image.png", "png", "png", "image/png", 200, 300},
      {"image.jpg", "jpeg", "mjpeg", "image/jpeg", 200, 300},
      {"image.gif", "gif", "gif", "image/gif", 64, 48},
      {"image.bmp", "bmp", "bmp", "image/bmp", 64, 48},
      {"image.tiff", "tiff", "tiff", "image/tiff", 64, 48},
  };
  for (const Case &c : cases) {
    INFO(c.file);
    MediaProbe p = probe_file(media_file(c.file));
    CHECK(p.kind == "image");
    CHECK(p.container == c.container);
    CHECK(p.video_codec == c.codec);
    CHECK(p.content_type == c.type);
    CHECK(p.width == c.w);
    CHECK(p.height == c.h);
    CHECK(p.duration_ms == 0);
    CHECK(p.audio_codec.empty());
    CHECK(p.size_bytes == std::filesystem::file_size(media_file(c.file)));
  }
}

TEST_CASE("probe_file goes by the bytes, not the file name", "[media][probe]") {
  lmp::test::ScratchDir dir;
  std::filesystem::copy_file(media_file("tall.mp4"), dir / "photo.png");
  std::filesystem::copy_file(media_file("image.png"), dir / "movie.mp4");
  std::filesystem::copy_file(media_file("image.webp"), dir / "noextension");

  MediaProbe video = probe_file(dir / "photo.png");
  CHECK(video.kind == "video");
  CHECK(video.container == "mp4");
  CHECK(video.content_type == "video/mp4");

  MediaProbe png = probe_file(dir / "movie.mp4");
  CHECK(png.kind == "image");
  CHECK(png.container == "png");

  CHECK(probe_file(dir / "noextension").content_type == "image/webp");
}

TEST_CASE("probe_file refuses files that are not media, naming them", "[media][probe]") {
  lmp::test::ScratchDir dir;
  const auto not_media = media_file("not_media.bin");
  const auto missing = dir / "missing.mp4";
  const auto renamed = dir / "clip.mp4";
  std::filesystem::copy_file(not_media, renamed);
  // An upload cut short: the first 64 KiB of an MP4 whose index (moov) sits at the end.
  const auto truncated = dir / "truncated.mp4";
  std::filesystem::copy_file(media_file("tall.mp4"), truncated);
  std::filesystem::resize_file(truncated, 64 * 1024);
  for (const auto &path : {not_media, missing, renamed, truncated}) {
    INFO(path);
    try {
      probe_file(path);
      FAIL("no MediaError");
    } catch (const lmp::MediaError &e) {
      CHECK(e.error().code == "media.unreadable");
      CHECK_THAT(e.error().message, Catch::Contains(path.string()));
      CHECK_FALSE(e.error().retryable);
    }
  }
}

TEST_CASE("MediaProbe::to_json uses camelCase keys and null for absent codecs", "[media][probe]") {
  boost::json::object o = probe_file(media_file("audio_only.m4a")).to_json();
  CHECK(o.at("kind") == "audio");
  CHECK(o.at("container") == "m4a");
  CHECK(o.at("videoCodec").is_null());
  CHECK(o.at("audioCodec") == "aac");
  CHECK(o.at("width") == 0);
  CHECK(o.at("height") == 0);
  CHECK(o.at("durationMs").to_number<int64_t>() > 1900);
  CHECK(o.at("sizeBytes").to_number<uint64_t>() ==
        std::filesystem::file_size(media_file("audio_only.m4a")));
  CHECK(o.at("contentType") == "audio/mp4");
  CHECK(o.size() == 9);
}
