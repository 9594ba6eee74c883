// What an image's first bytes say: its format by magic number, and its dimensions when the
// header holds them (PNG, GIF, WebP, and JPEG when the frame header is within the bytes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pinterest {

struct Sniffed {
  // "jpeg", "png", "webp", "gif", "bmp", "tiff", "heic", "avif", "svg", "html", "pdf", or "" when
  // unknown.
  std::string format;
  std::optional<int64_t> width, height;
};

// Reads the format (and dimensions when present) from the first bytes of a file.
Sniffed sniff_image(std::string_view bytes);

// The total size in a Content-Range value ("bytes 0-1023/48213"), or nullopt ("*" or malformed).
std::optional<int64_t> content_range_total(std::string_view value);

// The MIME type Pinterest's base64 path takes for a format ("image/jpeg", "image/png"), or "".
std::string base64_content_type(const std::string &content_type);

}  // namespace pinterest
