// Internal to core/media: decodes one stream of an InputFile frame by frame.
#pragma once

#include <cstdint>

#include "core/media/av_util.hpp"
#include "core/media/input_file.hpp"

namespace lmp::av {

// A decoder for one stream. Reads packets from the input only as frames are asked for, so a
// caller that seeks first decodes only from the key frame before the seek point.
class StreamDecoder {
 public:
  // Opens a decoder for stream `index` of `input` (which must outlive this). Throws AvError
  // when FFmpeg has no decoder for the stream's codec or cannot open it.
  StreamDecoder(const InputFile &input, int index);

  StreamDecoder(const StreamDecoder &) = delete;
  StreamDecoder &operator=(const StreamDecoder &) = delete;

  AVStream *stream() const { return fmt_->streams[index_]; }

  // Moves to the last key frame at or before `ts` (in the stream's time base) and drops the
  // decoder's state. Throws AvError when the input cannot seek there.
  void seek(int64_t ts);

  // The next decoded frame, or nullptr once the stream is exhausted. The frame belongs to the
  // decoder and stays valid until the next call. Damaged packets are skipped; a read error
  // ends the stream as if the file stopped there. Throws AvError when decoding fails otherwise.
  AVFrame *next();

 private:
  // Sends the next packet of this stream to the decoder, or the end-of-stream marker.
  void feed();

  AVFormatContext *fmt_;
  int index_;
  CodecContextPtr codec_;
  PacketPtr packet_ = alloc_packet();
  FramePtr frame_ = alloc_frame();
  bool draining_ = false;
};

}  // namespace lmp::av
