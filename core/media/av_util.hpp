// Internal to core/media: owning handles for FFmpeg objects and the exception the helpers throw.
// Public functions of core/media turn AvError into an lmp::MediaError with their own code.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <stdexcept>
#include <string>

namespace lmp::av {

// A failure inside FFmpeg or in what it was given; what() is a reason for a person, without path.
class AvError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// FFmpeg's text for an AVERROR code, e.g. "Invalid data found when processing input".
std::string error_text(int averror);

struct FrameDeleter {
  void operator()(AVFrame *f) const noexcept { av_frame_free(&f); }
};
struct PacketDeleter {
  void operator()(AVPacket *p) const noexcept { av_packet_free(&p); }
};
struct CodecContextDeleter {
  void operator()(AVCodecContext *c) const noexcept { avcodec_free_context(&c); }
};
struct SwsDeleter {
  void operator()(SwsContext *s) const noexcept { sws_freeContext(s); }
};

using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;

// An empty frame; throws std::bad_alloc when FFmpeg cannot allocate one.
FramePtr alloc_frame();
// An empty packet; throws std::bad_alloc when FFmpeg cannot allocate one.
PacketPtr alloc_packet();
// A frame of `width`x`height` in `format` with its buffers allocated; throws AvError.
FramePtr alloc_frame(int width, int height, AVPixelFormat format);
// A new reference to `src`'s buffers and properties; throws std::bad_alloc.
FramePtr ref_frame(const AVFrame &src);

}  // namespace lmp::av
