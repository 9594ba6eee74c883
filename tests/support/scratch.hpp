// A scratch folder for one test (configs, posts, state databases, logs), removed with all it
// holds when the test ends.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace lmp::test {

struct Scratch {
  std::filesystem::path dir = unique_dir();
  Scratch() { std::filesystem::create_directories(dir); }
  ~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  Scratch(const Scratch &) = delete;
  Scratch &operator=(const Scratch &) = delete;

  // The folder itself.
  const std::filesystem::path &path() const { return dir; }
  // dir/name.
  std::filesystem::path operator/(const std::string &name) const { return dir / name; }
  // dir/name, as a string.
  std::string path(const std::string &name) const { return (dir / name).string(); }
  // Writes text (any bytes) to dir/name, making its folders, and returns that path.
  std::filesystem::path write(const std::string &name, const std::string &text) const {
    const std::filesystem::path p = dir / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  // The contents of dir/name ("" when absent).
  std::string read(const std::string &name) const {
    std::ifstream in(dir / name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  // A name no other Scratch of any test process uses.
  static std::filesystem::path unique_dir() {
    static std::atomic<int> counter{0};
    return std::filesystem::temp_directory_path() /
           ("lmp-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  }
};

}  // namespace lmp::test
