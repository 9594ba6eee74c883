#include "media_test_util.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "core/media/frame_convert.hpp"
#include "core/media/input_file.hpp"
#include "core/media/stream_decoder.hpp"

namespace lmp::test {

std::filesystem::path media_file(const std::string &name) {
  return std::filesystem::path(LMP_TEST_DATA_DIR) / "media" / name;
}

av::FramePtr decode_first(const std::filesystem::path &path) {
  av::InputFile in(path);
  const int index = in.best_video_stream();
  REQUIRE(index >= 0);
  av::StreamDecoder dec(in, index);
  AVFrame *f = dec.next();
  REQUIRE(f != nullptr);
  return av::ref_frame(*f);
}

av::FramePtr decode_as(const std::filesystem::path &path, AVPixelFormat format) {
  av::FramePtr f = decode_first(path);
  return av::convert_frame(*f, f->width, f->height, format);
}

double mean_abs_diff(const AVFrame &a, const AVFrame &b) {
  REQUIRE(a.width == b.width);
  REQUIRE(a.height == b.height);
  double sum = 0;
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      sum += std::abs(a.data[0][y * a.linesize[0] + x] - b.data[0][y * b.linesize[0] + x]);
    }
  }
  return sum / (static_cast<double>(a.width) * a.height);
}

std::string head_bytes(const std::filesystem::path &path, size_t n) {
  std::ifstream f(path, std::ios::binary);
  REQUIRE(f);
  std::string out(n, '\0');
  f.read(out.data(), static_cast<std::streamsize>(n));
  out.resize(static_cast<size_t>(f.gcount()));
  return out;
}

}  // namespace lmp::test
