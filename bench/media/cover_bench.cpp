// letmepost-media-bench: extracts one cover frame with lmp::extract_cover, as the host does, and
// prints how long that took. Usage: letmepost-media-bench VIDEO AT_SECONDS OUT.jpg
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "core/media/cover_frame.hpp"

int main(int argc, char **argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s VIDEO AT_SECONDS OUT.jpg\n", argv[0]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  try {
    lmp::CoverFrame c = lmp::extract_cover(argv[1], std::atof(argv[2]), argv[3]);
    const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
    std::printf("%dx%d at %.3f s in %.1f ms\n", c.width, c.height, c.at_seconds, ms.count());
  } catch (const lmp::MediaError &e) {
    std::fprintf(stderr, "%s: %s\n", e.error().code.c_str(), e.what());
    return 1;
  }
  return 0;
}
