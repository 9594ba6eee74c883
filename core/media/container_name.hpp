// Internal to core/media: turning libavformat's demuxer names into container names and types.
#pragma once

#include <string>

#include "core/media/av_util.hpp"

namespace lmp::av {

// What kind of file an open input is, in the words MediaProbe uses.
struct ContainerName {
  std::string container;     // "mp4", "mov", "m4v", "m4a", "3gp", "png", "jpeg", "webp", ...
  std::string content_type;  // "video/mp4", "video/quicktime", "image/png", ...
  bool image = false;        // the demuxer reads still (or animated) image files
};

// Names the container of `fmt` from its demuxer and, for the ISO family (whose one demuxer reads
// MP4, MOV, M4V and M4A alike), from the major brand. `audio_only` picks audio/* content types.
ContainerName name_container(const AVFormatContext &fmt, bool audio_only);

}  // namespace lmp::av
