// Converting images that a platform does not take (WebP above all) to PNG.
#pragma once

#include <filesystem>

#include "core/media/media_error.hpp"

namespace lmp {

// Decodes the first picture of `in` (any image format FFmpeg reads: WebP, PNG, JPEG, GIF, BMP,
// TIFF, ...) and writes it to `out_png` as a PNG of the same size, RGBA when the source has an
// alpha channel (transparency kept) and RGB otherwise. `out_png` is replaced only once the PNG
// is complete. Throws MediaError with code media.convert_failed naming the file and the reason.
void convert_image_to_png(const std::filesystem::path &in, const std::filesystem::path &out_png);

}  // namespace lmp
