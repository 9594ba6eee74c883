// Internal to core/media: pixel format conversion and scaling of decoded frames.
#pragma once

#include "core/media/av_util.hpp"

namespace lmp::av {

// `src` scaled to `width`x`height` and converted to `format`. YUV and gray results are full range
// (what JPEG expects); the source's range and colour matrix are honoured. Throws AvError.
FramePtr convert_frame(const AVFrame &src, int width, int height, AVPixelFormat format);

// The mean brightness of `frame` on a 0 (black) to 255 (white) scale, from a sample of its pixels.
double mean_luma(const AVFrame &frame);

}  // namespace lmp::av
