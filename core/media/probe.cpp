#include "core/media/probe.hpp"

#include <cmath>
#include <system_error>
#include <utility>

#include "core/media/container_name.hpp"
#include "core/media/frame_rotate.hpp"
#include "core/media/input_file.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

json::value string_or_null(const std::string &s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

// The picture size a player shows: non-square pixels stretched, quarter turns applied.
std::pair<int, int> display_size(const AVFormatContext &fmt, const AVStream &st) {
  int w = st.codecpar->width;
  int h = st.codecpar->height;
  AVRational sar = av_guess_sample_aspect_ratio(const_cast<AVFormatContext *>(&fmt),
                                                const_cast<AVStream *>(&st), nullptr);
  if (sar.num > 0 && sar.den > 0 && sar.num != sar.den) {
    w = static_cast<int>(std::lround(static_cast<double>(w) * sar.num / sar.den));
  }
  int rotation = av::display_rotation(st);
  if (rotation == 90 || rotation == 270) std::swap(w, h);
  return {w, h};
}

int64_t duration_ms(const AVFormatContext &fmt, const AVStream *main) {
  if (fmt.duration != AV_NOPTS_VALUE && fmt.duration > 0) {
    return av_rescale(fmt.duration, 1000, AV_TIME_BASE);
  }
  if (main && main->duration != AV_NOPTS_VALUE && main->duration > 0) {
    return av_rescale_q(main->duration, main->time_base, AVRational{1, 1000});
  }
  return 0;
}

}  // namespace

json::object MediaProbe::to_json() const {
  return json::object{{"kind", kind},
                      {"container", container},
                      {"videoCodec", string_or_null(video_codec)},
                      {"audioCodec", string_or_null(audio_codec)},
                      {"width", width},
                      {"height", height},
                      {"durationMs", duration_ms},
                      {"sizeBytes", size_bytes},
                      {"contentType", content_type}};
}

std::optional<MediaProbe> MediaProbe::from_json(const json::value &v) {
  const json::object *o = v.if_object();
  const json::value *kind = o ? o->if_contains("kind") : nullptr;
  if (!kind || !kind->is_string()) return std::nullopt;
  auto text = [o](const char *key) {
    const json::value *f = o->if_contains(key);
    return f && f->is_string() ? std::string(f->get_string()) : std::string();
  };
  auto number = [o](const char *key) {
    const json::value *f = o->if_contains(key);
    return f && f->is_number() ? f->to_number<int64_t>() : int64_t{0};
  };
  MediaProbe p;
  p.kind = text("kind");
  p.container = text("container");
  p.video_codec = text("videoCodec");
  p.audio_codec = text("audioCodec");
  p.width = static_cast<int>(number("width"));
  p.height = static_cast<int>(number("height"));
  p.duration_ms = number("durationMs");
  p.size_bytes = static_cast<uint64_t>(number("sizeBytes"));
  p.content_type = text("contentType");
  return p;
}

MediaProbe probe_file(const std::filesystem::path &path) {
  try {
    av::InputFile in(path);
    const AVFormatContext &fmt = *in.get();
    const int v = in.best_video_stream();
    const int a = in.best_audio_stream();
    const AVStream *video = v >= 0 ? fmt.streams[v] : nullptr;
    const AVStream *audio = a >= 0 ? fmt.streams[a] : nullptr;

    av::ContainerName name = av::name_container(fmt, !video && audio);
    MediaProbe p;
    p.container = std::move(name.container);
    p.content_type = std::move(name.content_type);
    p.kind = name.image && video ? "image" : video ? "video" : audio ? "audio" : "unknown";
    if (video) {
      p.video_codec = avcodec_get_name(video->codecpar->codec_id);
      std::tie(p.width, p.height) = display_size(fmt, *video);
    }
    if (audio) p.audio_codec = avcodec_get_name(audio->codecpar->codec_id);
    if (p.kind != "image") p.duration_ms = duration_ms(fmt, video ? video : audio);
    std::error_code ec;
    p.size_bytes = std::filesystem::file_size(path, ec);
    return p;
  } catch (const av::AvError &e) {
    throw MediaError(make_error("media.unreadable",
                                "Cannot read " + path.string() + " as media: " + e.what() + "."));
  }
}

}  // namespace lmp
