#include "plugins/pinterest/image_sniff.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace pinterest {

namespace {

uint32_t be16(std::string_view b, size_t at) {
  return (uint32_t(uint8_t(b[at])) << 8) | uint8_t(b[at + 1]);
}
uint32_t be32(std::string_view b, size_t at) {
  return (be16(b, at) << 16) | be16(b, at + 2);
}
uint32_t le16(std::string_view b, size_t at) {
  return uint8_t(b[at]) | (uint32_t(uint8_t(b[at + 1])) << 8);
}
uint32_t le24(std::string_view b, size_t at) {
  return le16(b, at) | (uint32_t(uint8_t(b[at + 2])) << 16);
}

bool starts(std::string_view b, std::string_view magic, size_t at = 0) {
  return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic;
}

// Walks JPEG segments to the first start-of-frame marker.
void jpeg_size(std::string_view b, Sniffed &s) {
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (uint8_t(b[i]) != 0xFF) return;
    const uint8_t marker = uint8_t(b[i + 1]);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      i += 2;
      continue;
    }
    const uint32_t length = be16(b, i + 2);
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof && i + 9 <= b.size()) {
      s.height = be16(b, i + 5);
      s.width = be16(b, i + 7);
      return;
    }
    if (length < 2) return;
    i += 2 + length;
  }
}

void webp_size(std::string_view b, Sniffed &s) {
  if (starts(b, "VP8 ", 12) && b.size() >= 30) {
    s.width = le16(b, 26) & 0x3FFF;
    s.height = le16(b, 28) & 0x3FFF;
  } else if (starts(b, "VP8L", 12) && b.size() >= 25) {
    const uint32_t bits = le16(b, 21) | (uint32_t(le16(b, 23)) << 16);
    s.width = 1 + (bits & 0x3FFF);
    s.height = 1 + ((bits >> 14) & 0x3FFF);
  } else if (starts(b, "VP8X", 12) && b.size() >= 30) {
    s.width = 1 + le24(b, 24);
    s.height = 1 + le24(b, 27);
  }
}

std::string lowered_prefix(std::string_view b, size_t n) {
  std::string out;
  for (char c : b.substr(0, std::min(n, b.size()))) {
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

Sniffed sniff_image(std::string_view b) {
  Sniffed s;
  if (starts(b, "\xFF\xD8\xFF")) {
    s.format = "jpeg";
    jpeg_size(b, s);
  } else if (starts(b, "\x89PNG\r\n\x1A\n")) {
    s.format = "png";
    if (b.size() >= 24 && starts(b, "IHDR", 12)) {
      s.width = be32(b, 16);
      s.height = be32(b, 20);
    }
  } else if (starts(b, "RIFF") && starts(b, "WEBP", 8)) {
    s.format = "webp";
    webp_size(b, s);
  } else if (starts(b, "GIF87a") || starts(b, "GIF89a")) {
    s.format = "gif";
    if (b.size() >= 10) {
      s.width = le16(b, 6);
      s.height = le16(b, 8);
    }
  } else if (starts(b, "BM")) {
    s.format = "bmp";
  } else if (starts(b, std::string_view("II*\0", 4)) || starts(b, std::string_view("MM\0*", 4))) {
    s.format = "tiff";
  } else if (starts(b, "ftyp", 4)) {
    const std::string_view brand = b.size() >= 12 ? b.substr(8, 4) : std::string_view();
    if (brand == "avif" || brand == "avis") s.format = "avif";
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1") {
      s.format = "heic";
    }
  } else if (starts(b, "%PDF")) {
    s.format = "pdf";
  } else {
    std::string head = lowered_prefix(b, 512);
    head.erase(0, head.find_first_not_of(" \t\r\n\xEF\xBB\xBF"));
    if (head.rfind("<svg", 0) == 0 ||
        (head.rfind("<?xml", 0) == 0 && head.find("<svg") != std::string::npos)) {
      s.format = "svg";
    } else if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0) {
      s.format = "html";
    }
  }
  return s;
}

std::optional<int64_t> content_range_total(std::string_view value) {
  const size_t slash = value.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view total = value.substr(slash + 1);
  while (!total.empty() && total.back() == ' ') total.remove_suffix(1);
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(total.data(), total.data() + total.size(), n);
  if (ec != std::errc() || ptr != total.data() + total.size() || n < 0) return std::nullopt;
  return n;
}

std::string base64_content_type(const std::string &content_type) {
  std::string t = lowered_prefix(content_type, content_type.size());
  t = t.substr(0, t.find(';'));
  if (t == "image/jpeg" || t == "image/jpg" || t == "image/pjpeg") return "image/jpeg";
  if (t == "image/png") return "image/png";
  return "";
}

}  // namespace pinterest
