// Internal to core/media: encoding one picture as an image file with libavcodec.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/media/av_util.hpp"

namespace lmp::av {

// `frame` encoded as one JPEG (codec AV_CODEC_ID_MJPEG; the frame must be full-range YUV420P) or
// PNG (AV_CODEC_ID_PNG; RGB24 or RGBA). Throws AvError.
std::string encode_still(const AVFrame &frame, AVCodecID codec);

// Writes `bytes` to `path` through a temporary file beside it, so `path` is either the complete
// new file or untouched. Throws AvError naming the reason.
void write_file_atomically(const std::filesystem::path &path, std::string_view bytes);

}  // namespace lmp::av
