#include "core/media/input_file.hpp"

#include <new>
#include <string>

namespace lmp::av {

InputFile::InputFile(const std::filesystem::path &path) {
  AVIOContext *io = nullptr;
  // "file:" keeps a path containing ':' from being taken for another protocol.
  if (int rc = avio_open(&io, ("file:" + path.string()).c_str(), AVIO_FLAG_READ); rc < 0) {
    throw AvError("cannot open the file (" + error_text(rc) + ")");
  }
  io_.reset(io);

  AVFormatContext *fmt = avformat_alloc_context();
  if (!fmt) throw std::bad_alloc();
  fmt->pb = io_.get();
  // An empty URL: format probing then relies on the bytes alone, never on an extension.
  if (int rc = avformat_open_input(&fmt, "", nullptr, nullptr); rc < 0) {
    // avformat_open_input has freed `fmt`.
    throw AvError("not a media format FFmpeg recognises (" + error_text(rc) + ")");
  }
  fmt_.reset(fmt);
  if (int rc = avformat_find_stream_info(fmt_.get(), nullptr); rc < 0) {
    throw AvError("cannot read the stream parameters (" + error_text(rc) + ")");
  }
}

int InputFile::best_video_stream() const {
  int best = -1;
  int64_t best_area = -1;
  for (unsigned i = 0; i < fmt_->nb_streams; ++i) {
    const AVStream *st = fmt_->streams[i];
    if (st->codecpar->codec_type != AVMEDIA_TYPE_VIDEO) continue;
    if (st->disposition & AV_DISPOSITION_ATTACHED_PIC) continue;
    int64_t area = int64_t{st->codecpar->width} * st->codecpar->height;
    if (area > best_area) {
      best = static_cast<int>(i);
      best_area = area;
    }
  }
  return best;
}

int InputFile::best_audio_stream() const {
  int rc = av_find_best_stream(fmt_.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
  return rc < 0 ? -1 : rc;
}

}  // namespace lmp::av
