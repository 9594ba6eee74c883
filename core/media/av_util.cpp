#include "core/media/av_util.hpp"

#include <new>

namespace lmp::av {

std::string error_text(int averror) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(averror, buf, sizeof buf);
  return buf;
}

FramePtr alloc_frame() {
  FramePtr f(av_frame_alloc());
  if (!f) throw std::bad_alloc();
  return f;
}

PacketPtr alloc_packet() {
  PacketPtr p(av_packet_alloc());
  if (!p) throw std::bad_alloc();
  return p;
}

FramePtr alloc_frame(int width, int height, AVPixelFormat format) {
  FramePtr f = alloc_frame();
  f->width = width;
  f->height = height;
  f->format = format;
  if (int rc = av_frame_get_buffer(f.get(), 0); rc < 0) {
    throw AvError("cannot allocate a " + std::to_string(width) + "x" + std::to_string(height) +
                  " frame: " + error_text(rc));
  }
  return f;
}

FramePtr ref_frame(const AVFrame &src) {
  FramePtr f(av_frame_clone(&src));
  if (!f) throw std::bad_alloc();
  return f;
}

}  // namespace lmp::av
