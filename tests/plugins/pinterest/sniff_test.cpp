// Image formats and sizes read from the first bytes, as a ranged GET returns them.
#include <catch2/catch.hpp>

#include "plugins/pinterest/image_sniff.hpp"

namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s += static_cast<char>(c);
  return s;
}

}  // namespace

TEST_CASE("formats by magic number, with their dimensions", "[pinterest][sniff]") {
  // PNG: signature, IHDR of 600x900.
  auto png = pinterest::sniff_image(bytes({0x89, 'P', 'N', 'G', 13, 10, 26, 10,   0, 0, 0, 13,
                                           'I',  'H', 'D', 'R', 0,  0,  2,  0x58, 0, 0, 3, 0x84}));
  CHECK(png.format == "png");
  CHECK(png.width == 600);
  CHECK(png.height == 900);
  // JPEG: SOI, an APP0 segment, then SOF0 of 900 high, 600 wide.
  auto jpeg = pinterest::sniff_image(
      bytes({0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 17, 8, 3, 0x84, 2, 0x58}));
  CHECK(jpeg.format == "jpeg");
  CHECK(jpeg.width == 600);
  CHECK(jpeg.height == 900);
  auto truncated_jpeg = pinterest::sniff_image(bytes({0xFF, 0xD8, 0xFF, 0xE0, 0, 16}));
  CHECK(truncated_jpeg.format == "jpeg");
  CHECK_FALSE(truncated_jpeg.width);
  // WebP VP8X: canvas 600x900 stored minus one, 24-bit little endian.
  std::string webp("RIFF\x10\0\0\0WEBPVP8X", 16);
  webp += std::string(8, '\0');
  webp += bytes({0x57, 0x02, 0x00, 0x83, 0x03, 0x00});
  auto w = pinterest::sniff_image(webp);
  CHECK(w.format == "webp");
  CHECK(w.width == 600);
  CHECK(w.height == 900);
  CHECK(pinterest::sniff_image("GIF89a\x58\x02\x84\x03").format == "gif");
  CHECK(pinterest::sniff_image("GIF89a\x58\x02\x84\x03").width == 600);
  CHECK(pinterest::sniff_image("BM....").format == "bmp");
  CHECK(pinterest::sniff_image(std::string("\0\0\0\x1c"
                                           "ftypavif",
                                           12))
            .format == "avif");
  CHECK(pinterest::sniff_image("  <!DOCTYPE html><html>").format == "html");
  CHECK(pinterest::sniff_image("<svg xmlns=...").format == "svg");
  CHECK(pinterest::sniff_image("hello").format.empty());
  CHECK(pinterest::sniff_image("").format.empty());
}

TEST_CASE("Content-Range totals and base64 content types", "[pinterest][sniff]") {
  CHECK(pinterest::content_range_total("bytes 0-1023/48213") == 48213);
  CHECK_FALSE(pinterest::content_range_total("bytes 0-1023/*"));
  CHECK_FALSE(pinterest::content_range_total("nonsense"));
  CHECK(pinterest::base64_content_type("image/JPEG") == "image/jpeg");
  CHECK(pinterest::base64_content_type("image/png; q=1") == "image/png");
  CHECK(pinterest::base64_content_type("image/webp").empty());
}
