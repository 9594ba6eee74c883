#include "core/media/image_convert.hpp"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include "core/media/frame_convert.hpp"
#include "core/media/input_file.hpp"
#include "core/media/still_encoder.hpp"
#include "core/media/stream_decoder.hpp"

namespace lmp {

namespace {

void convert(const std::filesystem::path &in, const std::filesystem::path &out_png) {
  av::InputFile input(in);
  const int index = input.best_video_stream();
  if (index < 0) throw av::AvError("it holds no picture");
  av::StreamDecoder dec(input, index);
  const AVFrame *picture = dec.next();
  if (!picture) throw av::AvError("no picture could be decoded");
  const AVPixFmtDescriptor *d = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(picture->format));
  const bool alpha = d && (d->flags & AV_PIX_FMT_FLAG_ALPHA);
  av::FramePtr rgb = av::convert_frame(*picture, picture->width, picture->height,
                                       alpha ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB24);
  av::write_file_atomically(out_png, av::encode_still(*rgb, AV_CODEC_ID_PNG));
}

}  // namespace

void convert_image_to_png(const std::filesystem::path &in, const std::filesystem::path &out_png) {
  try {
    convert(in, out_png);
  } catch (const av::AvError &e) {
    throw MediaError(make_error("media.convert_failed",
                                "Cannot convert " + in.string() + " to PNG: " + e.what() + "."));
  }
}

}  // namespace lmp
