// Internal to core/media: a media file opened with libavformat, its format found from its bytes.
#pragma once

#include <filesystem>
#include <memory>

#include "core/media/av_util.hpp"

namespace lmp::av {

// An open, demuxable media file. The container is detected from the content only: libavformat
// never sees the file name, so a renamed file is recognised as what it really is.
class InputFile {
 public:
  // Opens `path` and reads its stream parameters. Throws AvError when the file cannot be opened
  // or is not something libavformat can demux.
  explicit InputFile(const std::filesystem::path &path);

  InputFile(const InputFile &) = delete;
  InputFile &operator=(const InputFile &) = delete;

  AVFormatContext *get() const { return fmt_.get(); }

  // The index of the main video stream (cover art pictures do not count), or -1 when none.
  int best_video_stream() const;
  // The index of the main audio stream, or -1 when none.
  int best_audio_stream() const;

 private:
  struct IoDeleter {
    void operator()(AVIOContext *io) const noexcept { avio_closep(&io); }
  };
  struct InputDeleter {
    void operator()(AVFormatContext *f) const noexcept { avformat_close_input(&f); }
  };
  // Declared first so that it is closed last: the format context reads through it.
  std::unique_ptr<AVIOContext, IoDeleter> io_;
  std::unique_ptr<AVFormatContext, InputDeleter> fmt_;
};

}  // namespace lmp::av
