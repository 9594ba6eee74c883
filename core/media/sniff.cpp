#include "core/media/sniff.hpp"

namespace lmp {

namespace {

bool at(std::string_view bytes, size_t offset, std::string_view magic) {
  return bytes.size() >= offset + magic.size() && bytes.substr(offset, magic.size()) == magic;
}

}  // namespace

std::string sniff_image_type(std::string_view b) {
  using namespace std::string_view_literals;
  if (at(b, 0, "\xFF\xD8\xFF"sv)) return "image/jpeg";
  if (at(b, 0, "\x89PNG\r\n\x1A\n"sv)) return "image/png";
  if (at(b, 0, "RIFF"sv) && at(b, 8, "WEBP"sv)) return "image/webp";
  if (at(b, 0, "GIF87a"sv) || at(b, 0, "GIF89a"sv)) return "image/gif";
  // "BM" alone is common in text; the header's two reserved 16-bit fields must also be zero.
  if (at(b, 0, "BM"sv) && at(b, 6, "\0\0\0\0"sv)) return "image/bmp";
  if (at(b, 0, "II*\0"sv) || at(b, 0, "MM\0*"sv)) return "image/tiff";
  return "";
}

}  // namespace lmp
