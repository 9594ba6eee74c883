#include <catch2/catch.hpp>
#include <string>

#include "core/media/sniff.hpp"
#include "media_test_util.hpp"

using lmp::sniff_image_type;
using lmp::test::head_bytes;
using lmp::test::media_file;
using namespace std::string_literals;

TEST_CASE("sniff_image_type recognises real image files from their first bytes", "[media][sniff]") {
  CHECK(sniff_image_type(head_bytes(media_file("image.jpg"), 16)) == "image/jpeg");
  CHECK(sniff_image_type(head_bytes(media_file("image.png"), 16)) == "image/png");
  CHECK(sniff_image_type(head_bytes(media_file("image.webp"), 16)) == "image/webp");
  CHECK(sniff_image_type(head_bytes(media_file("image.gif"), 16)) == "image/gif");
  CHECK(sniff_image_type(head_bytes(media_file("image.bmp"), 16)) == "image/bmp");
  CHECK(sniff_image_type(head_bytes(media_file("image.tiff"), 16)) == "image/tiff");
}

TEST_CASE("sniff_image_type says nothing for other bytes", "[media][sniff]") {
  CHECK(sniff_image_type(head_bytes(media_file("tall.mp4"), 16)).empty());
  CHECK(sniff_image_type(head_bytes(media_file("not_media.bin"), 16)).empty());
  CHECK(sniff_image_type("").empty());
  CHECK(sniff_image_type("<!DOCTYPE html><html>").empty());
  CHECK(sniff_image_type("BMW is a car make").empty());        // "BM" without a BMP header
  CHECK(sniff_image_type("RIFF\x24\0\0\0WAVEfmt "s).empty());  // RIFF, but audio
  CHECK(sniff_image_type("RIFF").empty());                     // cut short
  CHECK(sniff_image_type("\x89PNG\r\n"s).empty());             // cut short
}

TEST_CASE("sniff_image_type needs only the magic numbers", "[media][sniff]") {
  CHECK(sniff_image_type("\xFF\xD8\xFF"s) == "image/jpeg");
  CHECK(sniff_image_type("\x89PNG\r\n\x1A\n"s) == "image/png");
  CHECK(sniff_image_type("RIFF\x10\0\0\0WEBPVP8L"s) == "image/webp");
  CHECK(sniff_image_type("GIF87a"s) == "image/gif");
  CHECK(sniff_image_type("BM\x36\0\0\0\0\0\0\0"s) == "image/bmp");
  CHECK(sniff_image_type("II*\0"s) == "image/tiff");
  CHECK(sniff_image_type("MM\0*"s) == "image/tiff");
}
