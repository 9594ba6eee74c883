// Helpers for the state-database tests: a scratch directory for real SQLite files.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

namespace lmp::store_test {

// A directory removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("lmp-store-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  // NAME inside the directory.
  std::string path(const std::string &name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace lmp::store_test
