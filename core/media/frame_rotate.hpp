// Internal to core/media: turning decoded pictures upright.
#pragma once

#include "core/media/av_util.hpp"

namespace lmp::av {

// The clockwise rotation, in degrees (0, 90, 180 or 270), that shows `stream` upright according to
// its display matrix. A missing matrix, a flip or an angle that is not a multiple of 90 give 0.
int display_rotation(const AVStream &stream);

// `frame` turned clockwise by `degrees` (0, 90, 180 or 270). The frame must be planar with 8-bit
// samples and, for 90 and 270, even dimensions when its chroma is subsampled. Throws AvError.
FramePtr rotate_clockwise(const AVFrame &frame, int degrees);

}  // namespace lmp::av
