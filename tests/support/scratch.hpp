// A scratch folder for one test (configs, posts, state databases, logs), removed with all it
// holds when the test ends.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace lmp::test {

struct Scratch {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("lmp-test-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  Scratch() { std::filesystem::create_directories(dir); }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  Scratch(const Scratch &) = delete;
  Scratch &operator=(const Scratch &) = delete;

  // Writes text to dir/name and returns that path.
  std::filesystem::path write(const std::string &name, const std::string &text) const {
    std::ofstream(dir / name) << text;
    return dir / name;
  }
  // The contents of dir/name ("" when absent).
  std::string read(const std::string &name) const {
    std::ifstream in(dir / name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

}  // namespace lmp::test
