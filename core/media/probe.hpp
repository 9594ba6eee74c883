// What a media file is, found by libavformat from its content (never from its name).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/media/media_error.hpp"
#include "core/media/sniff.hpp"

namespace lmp {

// The facts about one media file that preflight and the media library need.
struct MediaProbe {
  std::string kind;          // "image", "video", "audio" or "unknown" (no picture or sound)
  std::string container;     // "mp4", "mov", "m4v", "m4a", "png", "jpeg", "webp", "gif", ...
  std::string video_codec;   // the main picture stream's codec: "h264", "hevc", "png", ...; or ""
  std::string audio_codec;   // the main sound stream's codec: "aac", "mp3", ...; or ""
  int width = 0;             // as displayed: rotation metadata and non-square pixels applied
  int height = 0;            // as displayed; 0 when there is no picture
  int64_t duration_ms = 0;   // 0 for images and when the container does not say
  uint64_t size_bytes = 0;   // the file's size
  std::string content_type;  // "image/jpeg", "image/png", "image/webp", "video/mp4",
                             // "video/quicktime", "audio/mp4", ...

  // {"kind", "container", "videoCodec", "audioCodec", "width", "height", "durationMs",
  //  "sizeBytes", "contentType"}; absent codecs are null.
  boost::json::object to_json() const;
  // The probe that to_json wrote (extra keys ignored), or nullopt when `v` is not one (no kind).
  static std::optional<MediaProbe> from_json(const boost::json::value &v);
};

// Probes `path` with libavformat, detecting the container from the bytes alone: a renamed file is
// reported as what it is. Reads headers (and at most a few frames), never the whole file.
// Throws MediaError with code media.unreadable, naming the path, when the file cannot be opened or
// is not a media file FFmpeg recognises.
MediaProbe probe_file(const std::filesystem::path &path);

}  // namespace lmp
