#include "core/media/cover_frame.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/media/frame_convert.hpp"
#include "core/media/frame_rotate.hpp"
#include "core/media/input_file.hpp"
#include "core/media/still_encoder.hpp"
#include "core/media/stream_decoder.hpp"

namespace lmp {

namespace {

constexpr double kDefaultSeconds = 1.0;
// Below this length "1 s in" is too near the end to be a fair cover: the first frame is used.
constexpr double kShortClipSeconds = 2.5;
// Mean brightness (0 black .. 255 white) under which a frame counts as black.
constexpr double kBlackLuma = 12.0;
// How far past the requested time, and over how many frames, black frames are skipped.
constexpr double kBlackSkipSeconds = 5.0;
constexpr int kMaxBlackFrames = 300;

// The video's length in seconds, or nullopt when the container does not say.
std::optional<double> duration_seconds(const AVFormatContext &fmt, const AVStream &st) {
  if (fmt.duration != AV_NOPTS_VALUE && fmt.duration > 0) {
    return static_cast<double>(fmt.duration) / AV_TIME_BASE;
  }
  if (st.duration != AV_NOPTS_VALUE && st.duration > 0) return st.duration * av_q2d(st.time_base);
  return std::nullopt;
}

double pick_time(std::optional<double> requested, std::optional<double> duration) {
  if (!requested) {
    return duration && *duration < kShortClipSeconds ? 0.0 : kDefaultSeconds;
  }
  if (!std::isfinite(*requested) || *requested < 0) {
    throw av::AvError(
        fmt::format("atSeconds must be a number of seconds, at least 0 (got {})", *requested));
  }
  if (duration && *requested >= *duration) {
    throw av::AvError(
        fmt::format("atSeconds {} is past the end of the video ({:.3f} s)", *requested, *duration));
  }
  return *requested;
}

// An even number near `n` (4:2:0 JPEG needs even sides), at least 2.
int even(double n) {
  return std::max(2, static_cast<int>(std::lround(n / 2.0)) * 2);
}

// A decoded frame chosen as the cover, with its time from the start of the video.
struct Chosen {
  av::FramePtr frame;
  double seconds = 0.0;
};

// Decodes from the current position to the first frame at or after `target_ts` that is not
// black (see kBlackLuma), falling back as extract_cover promises.
Chosen decode_cover(av::StreamDecoder &dec, int64_t start_ts, int64_t target_ts) {
  const AVRational tb = dec.stream()->time_base;
  auto seconds = [&](int64_t ts) { return (ts - start_ts) * av_q2d(tb); };
  Chosen first_match;  // the first frame at the target, black or not
  Chosen last_before;  // the latest frame before the target, for a target past the last frame
  int black = 0;
  while (AVFrame *f = dec.next()) {
    int64_t ts = f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
    if (ts != AV_NOPTS_VALUE && ts < target_ts) {
      last_before = {av::ref_frame(*f), seconds(ts)};
      continue;
    }
    double t = ts != AV_NOPTS_VALUE ? seconds(ts) : seconds(target_ts);
    if (av::mean_luma(*f) >= kBlackLuma) return {av::ref_frame(*f), t};
    if (!first_match.frame) first_match = {av::ref_frame(*f), t};
    if (++black >= kMaxBlackFrames || t - first_match.seconds > kBlackSkipSeconds) break;
  }
  if (first_match.frame) return first_match;
  if (last_before.frame) return last_before;
  throw av::AvError("no frame of the video could be decoded");
}

CoverFrame extract(const std::filesystem::path &video, std::optional<double> at_seconds,
                   const std::filesystem::path &out_jpeg) {
  av::InputFile in(video);
  const int index = in.best_video_stream();
  if (index < 0) throw av::AvError("it has no video stream");
  av::StreamDecoder dec(in, index);
  AVStream *st = dec.stream();

  const double target = pick_time(at_seconds, duration_seconds(*in.get(), *st));
  const int64_t start_ts = st->start_time != AV_NOPTS_VALUE ? st->start_time : 0;
  const int64_t target_ts =
      start_ts + av_rescale_q(std::llround(target * AV_TIME_BASE), AV_TIME_BASE_Q, st->time_base);
  if (target > 0) dec.seek(target_ts);
  Chosen cover = decode_cover(dec, start_ts, target_ts);

  // Square pixels at the display aspect ratio: stretch the width by the sample aspect ratio.
  double width = cover.frame->width;
  AVRational sar = av_guess_sample_aspect_ratio(in.get(), st, cover.frame.get());
  if (sar.num > 0 && sar.den > 0) width = width * sar.num / sar.den;
  av::FramePtr upright = av::rotate_clockwise(
      *av::convert_frame(*cover.frame, even(width), even(cover.frame->height), AV_PIX_FMT_YUV420P),
      av::display_rotation(*st));
  av::write_file_atomically(out_jpeg, av::encode_still(*upright, AV_CODEC_ID_MJPEG));
  return {upright->width, upright->height, std::round(cover.seconds * 1000.0) / 1000.0};
}

}  // namespace

CoverFrame extract_cover(const std::filesystem::path &video, std::optional<double> at_seconds,
                         const std::filesystem::path &out_jpeg) {
  try {
    return extract(video, at_seconds, out_jpeg);
  } catch (const av::AvError &e) {
    throw MediaError(make_error("media.cover_failed", "Cannot extract a cover frame from " +
                                                          video.string() + ": " + e.what() + "."));
  }
}

}  // namespace lmp
