#include "plugins/pinterest/video_rules.hpp"

#include <cstdio>

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/limits.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

std::string seconds(int64_t ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
  return buf;
}

std::string ratio(int64_t w, int64_t h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f:1", static_cast<double>(w) / static_cast<double>(h));
  return buf;
}

bool is_one_of(const std::string &v, std::initializer_list<const char *> allowed) {
  for (const char *a : allowed) {
    if (v == a) return true;
  }
  return false;
}

}  // namespace

void check_video(const MediaItem &m, size_t index, json::array &problems) {
  const std::string p = "media[" + std::to_string(index) + "]";
  if (!m.path) {
    problems.push_back(make_error(
        "pinterest.video.not_local",
        p + " is a video URL that the host did not download: Pinterest takes videos only as "
            "uploaded files. Give the video as a local path (or a media library id).",
        p + (m.url ? ".url" : ".path")));
    return;
  }
  const std::string field = p + ".path";
  const bool no_picture = m.video_codec && m.video_codec->empty();
  if (m.container && !is_one_of(*m.container, {"mp4", "mov", "m4v"})) {
    problems.push_back(make_error(
        "pinterest.video.unsupported_container",
        p + " is a " + *m.container + " file; Pinterest takes MP4, MOV or M4V videos.", field));
  }
  if (!m.video_codec || no_picture) {
    if (m.container || no_picture) {
      problems.push_back(make_error("pinterest.video.no_video_stream",
                                    p + " has no picture (" +
                                        m.content_type.value_or("no video stream") +
                                        "); Pinterest needs an H.264 or H.265 video.",
                                    field));
    }
  } else if (!is_one_of(*m.video_codec, {"h264", "hevc"})) {
    problems.push_back(make_error(
        "pinterest.video.unsupported_codec",
        p + " is encoded as " + *m.video_codec + "; Pinterest takes H.264 or H.265 (hevc).",
        field));
  }
  if (m.size_bytes && *m.size_bytes > limits::kVideoBytes) {
    problems.push_back(make_error("pinterest.video.too_large",
                                  p + " is " + std::to_string(*m.size_bytes) +
                                      " bytes; Pinterest takes videos up to 2 GB (" +
                                      std::to_string(limits::kVideoBytes) + " bytes).",
                                  field));
  }
  if (m.duration_ms && *m.duration_ms > 0) {
    if (*m.duration_ms < limits::kVideoMinMs) {
      problems.push_back(make_error(
          "pinterest.video.too_short",
          p + " lasts " + seconds(*m.duration_ms) + "; Pinterest takes videos of 4 s to 15 min.",
          field));
    } else if (*m.duration_ms > limits::kVideoMaxMs) {
      problems.push_back(make_error(
          "pinterest.video.too_long",
          p + " lasts " + seconds(*m.duration_ms) + "; Pinterest takes videos of 4 s to 15 min.",
          field));
    }
  }
  if (m.width && m.height && *m.width > 0 && *m.height > 0) {
    const int64_t w = *m.width, h = *m.height;
    const bool too_wide = w * limits::kVideoWidestDen > h * limits::kVideoWidestNum;
    const bool too_tall = w * limits::kVideoTallestDen < h * limits::kVideoTallestNum;
    if (too_wide || too_tall) {
      problems.push_back(
          make_error("pinterest.video.aspect_ratio",
                     p + " is " + std::to_string(w) + "x" + std::to_string(h) + " (" + ratio(w, h) +
                         ", " + (too_wide ? "too wide" : "too tall") +
                         "); Pinterest takes width:height from 1:2 (0.50:1) to 1.91:1.",
                     field));
    }
  }
  if (m.cover && m.cover->path && !m.cover->url) {
    const std::string type = m.cover->content_type.value_or("");
    if (type != "image/jpeg" && type != "image/png") {
      problems.push_back(make_error("pinterest.video.cover_unsupported_format",
                                    p + "'s cover " + *m.cover->path + " is " +
                                        (type.empty() ? "of unknown type" : type) +
                                        "; Pinterest takes a JPEG or PNG cover.",
                                    p + ".cover"));
    }
  }
}

}  // namespace pinterest
