#include "core/media/frame_rotate.hpp"

#include <cmath>
#include <string>

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

namespace lmp::av {

int display_rotation(const AVStream &stream) {
  size_t size = 0;
  const uint8_t *data = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
  if (!data || size < 9 * sizeof(int32_t)) return 0;
  const auto *matrix = reinterpret_cast<const int32_t *>(data);
  // A negative determinant means a mirror image: not a plain rotation, so left alone.
  if (static_cast<int64_t>(matrix[0]) * matrix[4] - static_cast<int64_t>(matrix[1]) * matrix[3] < 0)
    return 0;
  // av_display_rotation_get answers counterclockwise; the ffmpeg command line negates it too.
  double clockwise = -av_display_rotation_get(matrix);
  if (std::isnan(clockwise)) return 0;
  double quarter = std::round(clockwise / 90.0);
  if (std::fabs(clockwise - quarter * 90.0) > 2.0) return 0;
  int degrees = static_cast<int>(quarter) * 90 % 360;
  return degrees < 0 ? degrees + 360 : degrees;
}

FramePtr rotate_clockwise(const AVFrame &frame, int degrees) {
  if (degrees == 0) return ref_frame(frame);
  const auto format = static_cast<AVPixelFormat>(frame.format);
  const AVPixFmtDescriptor *d = av_pix_fmt_desc_get(format);
  if (!d || !(d->flags & AV_PIX_FMT_FLAG_PLANAR) || d->comp[0].depth != 8 ||
      (degrees != 90 && degrees != 180 && degrees != 270)) {
    throw AvError("cannot rotate a " + std::string(d ? d->name : "unknown") + " frame by " +
                  std::to_string(degrees) + " degrees");
  }
  const bool quarter_turn = degrees != 180;
  FramePtr out = alloc_frame(quarter_turn ? frame.height : frame.width,
                             quarter_turn ? frame.width : frame.height, format);
  out->color_range = frame.color_range;

  for (int plane = 0; plane < av_pix_fmt_count_planes(format); ++plane) {
    const bool chroma = plane == 1 || plane == 2;
    const int w = chroma ? AV_CEIL_RSHIFT(frame.width, d->log2_chroma_w) : frame.width;
    const int h = chroma ? AV_CEIL_RSHIFT(frame.height, d->log2_chroma_h) : frame.height;
    const uint8_t *src = frame.data[plane];
    uint8_t *dst = out->data[plane];
    const int sl = frame.linesize[plane];
    const int dl = out->linesize[plane];
    for (int y = 0; y < h; ++y) {
      const uint8_t *row = src + static_cast<ptrdiff_t>(y) * sl;
      for (int x = 0; x < w; ++x) {
        // Where source pixel (x, y) lands: a clockwise quarter turn sends it to (h-1-y, x).
        int dx = degrees == 90 ? h - 1 - y : degrees == 180 ? w - 1 - x : y;
        int dy = degrees == 90 ? x : degrees == 180 ? h - 1 - y : w - 1 - x;
        dst[static_cast<ptrdiff_t>(dy) * dl + dx] = row[x];
      }
    }
  }
  return out;
}

}  // namespace lmp::av
