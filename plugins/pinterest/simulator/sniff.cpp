#include "plugins/pinterest/simulator/sniff.hpp"

#include <cstdint>

namespace lmp::sim {

namespace {

std::uint32_t be(std::string_view b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

std::optional<ImageInfo> sniff_png(std::string_view b) {
  if (b.size() < 8 || b.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8)) {
    return std::nullopt;
  }
  ImageInfo info{"image/png", 0, 0};
  if (b.size() >= 24 && b.substr(12, 4) == "IHDR") {
    info.width = static_cast<int>(be(b, 16, 4));
    info.height = static_cast<int>(be(b, 20, 4));
  }
  return info;
}

std::optional<ImageInfo> sniff_jpeg(std::string_view b) {
  if (b.size() < 3 || b.substr(0, 3) != std::string_view("\xff\xd8\xff", 3)) return std::nullopt;
  ImageInfo info{"image/jpeg", 0, 0};
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xff) break;
    const unsigned marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xff) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
      at += 2;
      continue;
    }
    const std::uint32_t length = be(b, at + 2, 2);
    const bool sof =
        marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    if (sof && at + 9 <= b.size()) {
      info.height = static_cast<int>(be(b, at + 5, 2));
      info.width = static_cast<int>(be(b, at + 7, 2));
      break;
    }
    if (marker == 0xda || length < 2) break;  // image data starts: no size before it
    at += 2 + length;
  }
  return info;
}

}  // namespace

std::optional<ImageInfo> sniff_image(std::string_view bytes) {
  if (auto png = sniff_png(bytes)) return png;
  return sniff_jpeg(bytes);
}

bool looks_like_video(std::string_view head) {
  if (head.size() < 12) return false;
  const std::uint32_t size = be(head, 0, 4);
  const std::string_view type = head.substr(4, 4);
  if (type == "ftyp") return size >= 8 && size <= 4096;
  for (const char *legacy : {"moov", "mdat", "wide", "free", "skip"}) {
    if (type == legacy) return size == 1 || size >= 8;
  }
  return false;
}

}  // namespace lmp::sim
