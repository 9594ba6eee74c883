#include <catch2/catch.hpp>

#include "core/media/image_convert.hpp"
#include "core/media/probe.hpp"
#include "media_test_util.hpp"

using lmp::convert_image_to_png;
using lmp::test::media_file;
using lmp::test::ScratchDir;

namespace {

const uint8_t *pixel(const AVFrame &f, int x, int y, int bytes_per_pixel) {
  return f.data[0] + y * f.linesize[0] + x * bytes_per_pixel;
}

}  // namespace

TEST_CASE("convert_image_to_png turns a WebP with alpha into an RGBA PNG", "[media][convert]") {
  ScratchDir dir;
  convert_image_to_png(media_file("image.webp"), dir / "out.png");

  lmp::MediaProbe p = lmp::probe_file(dir / "out.png");
  CHECK(p.container == "png");
  CHECK(p.content_type == "image/png");
  CHECK(p.width == 200);
  CHECK(p.height == 300);

  auto png = lmp::test::decode_first(dir / "out.png");
  REQUIRE(png->format == AV_PIX_FMT_RGBA);
  // The left half of the source is transparent, the right half opaque.
  CHECK(pixel(*png, 10, 150, 4)[3] == 0);
  CHECK(pixel(*png, 90, 20, 4)[3] == 0);
  CHECK(pixel(*png, 110, 150, 4)[3] == 255);
  CHECK(pixel(*png, 190, 280, 4)[3] == 255);

  // The opaque colours are the WebP's own.
  auto webp = lmp::test::decode_as(media_file("image.webp"), AV_PIX_FMT_RGBA);
  for (int x : {110, 150, 199}) {
    for (int c = 0; c < 3; ++c) {
      CHECK(std::abs(pixel(*png, x, 150, 4)[c] - pixel(*webp, x, 150, 4)[c]) <= 1);
    }
  }
}

TEST_CASE("convert_image_to_png keeps an opaque image's size and pixels, without alpha",
          "[media][convert]") {
  ScratchDir dir;
  convert_image_to_png(media_file("image.jpg"), dir / "out.png");
  auto png = lmp::test::decode_first(dir / "out.png");
  CHECK(png->format == AV_PIX_FMT_RGB24);
  CHECK(png->width == 200);
  CHECK(png->height == 300);
  auto jpeg = lmp::test::decode_as(media_file("image.jpg"), AV_PIX_FMT_GRAY8);
  auto back = lmp::test::decode_as(dir / "out.png", AV_PIX_FMT_GRAY8);
  CHECK(lmp::test::mean_abs_diff(*jpeg, *back) < 2);
}

TEST_CASE("convert_image_to_png reads GIF, BMP and TIFF too", "[media][convert]") {
  ScratchDir dir;
  for (const char *name : {"image.gif", "image.bmp", "image.tiff", "image.png"}) {
    INFO(name);
    convert_image_to_png(media_file(name), dir / "out.png");
    lmp::MediaProbe p = lmp::probe_file(dir / "out.png");
    CHECK(p.container == "png");
    CHECK(p.width == lmp::probe_file(media_file(name)).width);
  }
}

TEST_CASE("convert_image_to_png fails with media.convert_failed naming the file",
          "[media][convert]") {
  ScratchDir dir;
  for (const auto &in :
       {media_file("not_media.bin"), media_file("audio_only.m4a"), dir.path() / "missing.webp"}) {
    INFO(in);
    try {
      convert_image_to_png(in, dir / "out.png");
      FAIL("no MediaError");
    } catch (const lmp::MediaError &e) {
      CHECK(e.error().code == "media.convert_failed");
      CHECK_THAT(e.error().message, Catch::Contains(in.string()));
    }
    CHECK_FALSE(std::filesystem::exists(dir / "out.png"));
  }
}
