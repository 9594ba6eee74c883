#include "core/media/frame_convert.hpp"

#include <algorithm>
#include <new>
#include <string>

extern "C" {
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

namespace lmp::av {

namespace {

// The full-range YUVJ formats are deprecated in swscale: use the plain format and say the range.
AVPixelFormat unjpeg(AVPixelFormat f, bool &full_range) {
  switch (f) {
    case AV_PIX_FMT_YUVJ420P:
      full_range = true;
      return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P:
      full_range = true;
      return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P:
      full_range = true;
      return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P:
      full_range = true;
      return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P:
      full_range = true;
      return AV_PIX_FMT_YUV411P;
    default:
      return f;
  }
}

// YUV or gray: a format with a luma component and a range.
bool is_yuv_like(AVPixelFormat f) {
  const AVPixFmtDescriptor *d = av_pix_fmt_desc_get(f);
  return d && !(d->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_BAYER));
}

bool is_gray(AVPixelFormat f) {
  const AVPixFmtDescriptor *d = av_pix_fmt_desc_get(f);
  return is_yuv_like(f) && d->nb_components <= 2;
}

// The plain format of `frame` and whether its samples are full range. An unstated range means
// limited for YUV (video's norm) and full for gray (gray pictures come from image codecs).
AVPixelFormat source_format(const AVFrame &frame, bool &full_range) {
  AVPixelFormat f = static_cast<AVPixelFormat>(frame.format);
  full_range = frame.color_range == AVCOL_RANGE_JPEG ||
               (is_gray(f) && frame.color_range != AVCOL_RANGE_MPEG);
  return unjpeg(f, full_range);
}

// Whether `f` stores luma as a plain 8-bit first plane, readable without conversion.
bool has_8bit_luma_plane(AVPixelFormat f) {
  const AVPixFmtDescriptor *d = av_pix_fmt_desc_get(f);
  return is_yuv_like(f) && !(d->flags & AV_PIX_FMT_FLAG_BITSTREAM) && d->comp[0].plane == 0 &&
         d->comp[0].depth == 8 && d->comp[0].step == 1 && d->comp[0].shift == 0 &&
         d->comp[0].offset == 0;
}

}  // namespace

FramePtr convert_frame(const AVFrame &src, int width, int height, AVPixelFormat format) {
  bool src_full = false;
  AVPixelFormat src_fmt = source_format(src, src_full);
  bool dst_full = true;
  AVPixelFormat dst_fmt = unjpeg(format, dst_full);

  // Only YUV and gray sides have a range; swscale ignores the flag for RGB and palettes.
  const int src_range = is_yuv_like(src_fmt) ? src_full : 1;
  const int dst_range = is_yuv_like(dst_fmt) ? 1 : 0;
  // The ranges must be known before initialisation: an unscaled same-format conversion set up
  // for equal ranges copies the planes untouched, whatever sws_setColorspaceDetails says later.
  SwsPtr sws(sws_alloc_context());
  if (!sws) throw std::bad_alloc();
  av_opt_set_int(sws.get(), "srcw", src.width, 0);
  av_opt_set_int(sws.get(), "srch", src.height, 0);
  av_opt_set_int(sws.get(), "src_format", src_fmt, 0);
  av_opt_set_int(sws.get(), "src_range", src_range, 0);
  av_opt_set_int(sws.get(), "dstw", width, 0);
  av_opt_set_int(sws.get(), "dsth", height, 0);
  av_opt_set_int(sws.get(), "dst_format", dst_fmt, 0);
  av_opt_set_int(sws.get(), "dst_range", dst_range, 0);
  // Exact chroma for RGB results (PNG conversion); YUV results (covers) need no such care, and
  // skipping it halves the time of a 1080p frame.
  const int flags =
      SWS_BICUBIC | (is_yuv_like(dst_fmt) ? 0 : SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT);
  av_opt_set_int(sws.get(), "sws_flags", flags, 0);
  if (int rc = sws_init_context(sws.get(), nullptr, nullptr); rc < 0) {
    throw AvError(std::string("cannot convert ") + av_get_pix_fmt_name(src_fmt) + " " +
                  std::to_string(src.width) + "x" + std::to_string(src.height) + " to " +
                  av_get_pix_fmt_name(dst_fmt) + " " + std::to_string(width) + "x" +
                  std::to_string(height) + " (" + error_text(rc) + ")");
  }
  sws_setColorspaceDetails(sws.get(), sws_getCoefficients(src.colorspace), src_range,
                           sws_getCoefficients(SWS_CS_ITU601), dst_range, 0, 1 << 16, 1 << 16);

  FramePtr dst = alloc_frame(width, height, dst_fmt);
  if (is_yuv_like(dst_fmt)) dst->color_range = AVCOL_RANGE_JPEG;
  int rc = sws_scale(sws.get(), src.data, src.linesize, 0, src.height, dst->data, dst->linesize);
  if (rc <= 0) throw AvError("pixel conversion failed (" + error_text(rc) + ")");
  return dst;
}

double mean_luma(const AVFrame &frame) {
  FramePtr gray;
  const AVFrame *y = &frame;
  bool full = false;
  if (!has_8bit_luma_plane(source_format(frame, full))) {
    // Rare formats (RGB, 10-bit, palettes): a small gray copy is enough for an average.
    int w = std::min(frame.width, 64);
    int h = std::max(1, static_cast<int>(int64_t{frame.height} * w / std::max(frame.width, 1)));
    gray = convert_frame(frame, w, h, AV_PIX_FMT_GRAY8);
    y = gray.get();
    full = true;
  }
  // Every 4th pixel of every 4th row is plenty to tell a black frame from a picture.
  constexpr int kStep = 4;
  uint64_t sum = 0;
  uint64_t n = 0;
  for (int row = 0; row < y->height; row += kStep) {
    const uint8_t *line = y->data[0] + static_cast<ptrdiff_t>(row) * y->linesize[0];
    for (int col = 0; col < y->width; col += kStep) {
      sum += line[col];
      ++n;
    }
  }
  double mean = n ? static_cast<double>(sum) / static_cast<double>(n) : 0.0;
  if (!full) mean = (mean - 16.0) * 255.0 / 219.0;
  return std::clamp(mean, 0.0, 255.0);
}

}  // namespace lmp::av
