// Cover images for video pins, taken from the video itself.
#pragma once

#include <filesystem>
#include <optional>

#include "core/media/media_error.hpp"

namespace lmp {

// The cover that extract_cover wrote.
struct CoverFrame {
  int width = 0;            // the JPEG's size: the video's display size (pixel aspect and
  int height = 0;           // rotation applied)
  double at_seconds = 0.0;  // the time of the frame used, from the start of the video
};

// Writes one frame of `video` to `out_jpeg` as a JPEG (replacing the file only once it is
// complete) and says which frame it was. With `at_seconds`, the first frame at or after that time;
// without, the frame at 1 s, or the first frame for clips shorter than 2.5 s. A completely black
// frame (a fade-in, a black leader) is passed over for the next frame that is not, looking at most
// 5 s further; if every frame there is black, the first one is used. Seeks, so only the frames
// from the key frame before that time are decoded. Throws MediaError with code
// media.cover_failed, naming the file and the reason (not a video, a time outside the video,
// an undecodable stream, an unwritable output).
CoverFrame extract_cover(const std::filesystem::path &video, std::optional<double> at_seconds,
                         const std::filesystem::path &out_jpeg);

}  // namespace lmp
