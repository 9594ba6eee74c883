#include "core/media/still_encoder.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace lmp::av {

namespace {

// JPEG quantiser scale: 2 is the best, 31 the worst; 3 is visually lossless for a cover.
constexpr int kJpegQuality = 3;

}  // namespace

std::string encode_still(const AVFrame &frame, AVCodecID codec_id) {
  const AVCodec *codec = avcodec_find_encoder(codec_id);
  if (!codec)
    throw AvError(std::string("FFmpeg has no ") + avcodec_get_name(codec_id) + " encoder");
  CodecContextPtr enc(avcodec_alloc_context3(codec));
  if (!enc) throw std::bad_alloc();
  enc->width = frame.width;
  enc->height = frame.height;
  enc->pix_fmt = static_cast<AVPixelFormat>(frame.format);
  enc->time_base = AVRational{1, 25};
  enc->sample_aspect_ratio = AVRational{1, 1};
  FramePtr input = ref_frame(frame);
  input->pts = 0;
  if (codec_id == AV_CODEC_ID_MJPEG) {
    // YUV420P is accepted as JPEG only when it says it is full range.
    enc->color_range = AVCOL_RANGE_JPEG;
    enc->flags |= AV_CODEC_FLAG_QSCALE;
    enc->global_quality = FF_QP2LAMBDA * kJpegQuality;
    input->quality = enc->global_quality;
  }
  if (int rc = avcodec_open2(enc.get(), codec, nullptr); rc < 0) {
    throw AvError(std::string("cannot open the ") + codec->name + " encoder (" + error_text(rc) +
                  ")");
  }

  std::string out;
  PacketPtr packet = alloc_packet();
  int rc = avcodec_send_frame(enc.get(), input.get());
  if (rc >= 0) rc = avcodec_send_frame(enc.get(), nullptr);
  while (rc >= 0) {
    rc = avcodec_receive_packet(enc.get(), packet.get());
    if (rc < 0) break;
    out.append(reinterpret_cast<const char *>(packet->data), static_cast<size_t>(packet->size));
    av_packet_unref(packet.get());
  }
  if (rc != AVERROR_EOF)
    throw AvError(std::string(codec->name) + " encoding failed (" + error_text(rc) + ")");
  if (out.empty()) throw AvError(std::string(codec->name) + " encoder produced no data");
  return out;
}

void write_file_atomically(const std::filesystem::path &path, std::string_view bytes) {
  std::filesystem::path tmp = path;
  tmp += ".part";
  std::FILE *f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw AvError("cannot create " + tmp.string() + " (" + std::strerror(errno) + ")");
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  int write_errno = errno;
  if (std::fclose(f) != 0 && ok) {
    ok = false;
    write_errno = errno;
  }
  std::error_code ec;
  if (ok) {
    std::filesystem::rename(tmp, path, ec);
    if (!ec) return;
  }
  std::string reason = ok ? ec.message() : std::strerror(write_errno);
  std::filesystem::remove(tmp, ec);
  throw AvError("cannot write " + path.string() + " (" + reason + ")");
}

}  // namespace lmp::av
