// SHA-256 of bytes, as the lowercase hex the config, the state database and the media library
// use to name and compare content.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace lmp {

// The lowercase hex SHA-256 of data (OpenSSL). Throws std::runtime_error if OpenSSL fails.
std::string sha256_hex(std::string_view data);

// A SHA-256 computed over bytes given piece by piece (a file being copied or downloaded), so
// that content of any size is hashed in one pass with flat memory.
class Sha256 {
 public:
  // Throws std::runtime_error if OpenSSL fails.
  Sha256();
  ~Sha256();
  Sha256(const Sha256 &) = delete;
  Sha256 &operator=(const Sha256 &) = delete;

  // Adds the next bytes.
  void update(std::string_view data);
  // The lowercase hex digest of every byte added; the hasher is spent afterwards.
  std::string hex_digest();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

// The lowercase hex SHA-256 of the file's bytes, read in chunks. Throws std::runtime_error naming
// the path when the file cannot be read.
std::string sha256_file_hex(const std::filesystem::path &path);

}  // namespace lmp
