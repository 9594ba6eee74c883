#include "core/media/stream_decoder.hpp"

#include <string>

namespace lmp::av {

StreamDecoder::StreamDecoder(const InputFile &input, int index) : fmt_(input.get()), index_(index) {
  const AVCodecParameters *par = stream()->codecpar;
  const AVCodec *codec = avcodec_find_decoder(par->codec_id);
  if (!codec) {
    throw AvError(std::string("no decoder for codec ") + avcodec_get_name(par->codec_id));
  }
  codec_.reset(avcodec_alloc_context3(codec));
  if (!codec_) throw std::bad_alloc();
  if (int rc = avcodec_parameters_to_context(codec_.get(), par); rc < 0) {
    throw AvError("cannot set up the decoder (" + error_text(rc) + ")");
  }
  codec_->pkt_timebase = stream()->time_base;
  codec_->thread_count = 0;  // as many as the machine has, like the ffmpeg command line
  if (int rc = avcodec_open2(codec_.get(), codec, nullptr); rc < 0) {
    throw AvError(std::string("cannot open the ") + codec->name + " decoder (" + error_text(rc) +
                  ")");
  }
}

void StreamDecoder::seek(int64_t ts) {
  if (int rc = av_seek_frame(fmt_, index_, ts, AVSEEK_FLAG_BACKWARD); rc < 0) {
    throw AvError("cannot seek (" + error_text(rc) + ")");
  }
  avcodec_flush_buffers(codec_.get());
  draining_ = false;
}

AVFrame *StreamDecoder::next() {
  for (;;) {
    int rc = avcodec_receive_frame(codec_.get(), frame_.get());
    if (rc == 0) return frame_.get();
    if (rc == AVERROR_EOF) return nullptr;
    if (rc != AVERROR(EAGAIN)) throw AvError("decoding failed (" + error_text(rc) + ")");
    if (draining_) return nullptr;
    feed();
  }
}

void StreamDecoder::feed() {
  for (;;) {
    if (av_read_frame(fmt_, packet_.get()) < 0) {
      draining_ = true;
      avcodec_send_packet(codec_.get(), nullptr);
      return;
    }
    if (packet_->stream_index != index_) {
      av_packet_unref(packet_.get());
      continue;
    }
    int rc = avcodec_send_packet(codec_.get(), packet_.get());
    av_packet_unref(packet_.get());
    if (rc == AVERROR_INVALIDDATA) continue;
    if (rc < 0) throw AvError("decoding failed (" + error_text(rc) + ")");
    return;
  }
}

}  // namespace lmp::av
