// Recognising an image type from its first bytes, e.g. from a ranged GET of a remote image.
#pragma once

#include <string>
#include <string_view>

namespace lmp {

// The content type that the magic number at the start of `first_bytes` announces: "image/jpeg",
// "image/png", "image/webp", "image/gif", "image/bmp" or "image/tiff"; "" for anything else.
// 16 bytes are enough for every type; fewer can only give "" or a type whose magic fits.
std::string sniff_image_type(std::string_view first_bytes);

}  // namespace lmp
