// Helpers for the tests of core/media: the generated test media, a scratch folder, and decoding
// pictures back (with the same libav* code paths the product uses) to look at their pixels.
#pragma once

#include <filesystem>
#include <string>

#include "core/media/av_util.hpp"
#include "support/scratch.hpp"

namespace lmp::test {

// A file made by cmake/TestMedia.cmake.
std::filesystem::path media_file(const std::string &name);

// A fresh empty folder, removed with everything in it when the object goes.
using ScratchDir = Scratch;

// The first picture of `path` as decoded, untouched (its own pixel format).
av::FramePtr decode_first(const std::filesystem::path &path);
// The first picture of `path` converted to `format` at its own size.
av::FramePtr decode_as(const std::filesystem::path &path, AVPixelFormat format);
// The mean absolute difference (0..255) between two GRAY8 pictures of the same size.
double mean_abs_diff(const AVFrame &a, const AVFrame &b);
// The first `n` bytes of a file.
std::string head_bytes(const std::filesystem::path &path, size_t n);

}  // namespace lmp::test
