// Helpers for the HTTP service's tests: scratch files, base64 decoding, and a loopback server
// that records what it received.
#pragma once

#include <openssl/evp.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/httpd/server.hpp"
#include "support/scratch.hpp"

namespace lmp::http_test {

// A fresh folder removed with everything in it (the shared test scratch folder).
using TempDir = lmp::test::Scratch;

// Bytes 0..255 repeated to `n`, so that any shifted or dropped byte is noticed.
inline std::string pattern_bytes(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 7 + i / 256) & 0xff);
  return s;
}

// Decodes standard padded base64 (OpenSSL), or throws.
inline std::string base64_decode(const std::string &text) {
  if (text.size() % 4 != 0) throw std::runtime_error("base64 length not a multiple of 4");
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                reinterpret_cast<const unsigned char *>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) throw std::runtime_error("invalid base64");
  size_t padding = 0;
  if (!text.empty() && text.back() == '=') ++padding;
  if (text.size() > 1 && text[text.size() - 2] == '=') ++padding;
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

// A loopback server that records every request before its handler answers it.
class RecordingServer {
 public:
  using Handler = std::function<httpd::Response(const httpd::Request &)>;

  explicit RecordingServer(Handler handler)
      : handler_(std::move(handler)), server_([this](const httpd::Request &r) {
          {
            std::lock_guard lock(mutex_);
            received_.push_back(r);
          }
          return handler_(r);
        }) {
    server_.start();
  }

  uint16_t port() const { return server_.port(); }
  // The number of requests received so far.
  size_t count() const {
    std::lock_guard lock(mutex_);
    return received_.size();
  }
  // Every request received so far, in order.
  std::vector<httpd::Request> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }
  // The last request received; throws if there was none.
  httpd::Request last() const {
    std::lock_guard lock(mutex_);
    if (received_.empty()) throw std::runtime_error("the server received no request");
    return received_.back();
  }
  void stop() { server_.stop(); }

 private:
  Handler handler_;
  mutable std::mutex mutex_;
  std::vector<httpd::Request> received_;
  httpd::Server server_;
};

}  // namespace lmp::http_test
