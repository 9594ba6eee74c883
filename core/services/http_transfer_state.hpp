// The libcurl callbacks of one hop and the state they fill (used by http_transfer.cpp only).
#pragma once

#include <curl/curl.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/net/resolver.hpp"

namespace lmp {

// The request body streamed from a file: `length` bytes from `offset`.
struct HttpFileSource {
  int fd = -1;
  uint64_t offset = 0;
  uint64_t length = 0;
  uint64_t position = 0;  // relative to offset
  bool failed = false;    // a read failed or the file ended early
  int error_number = 0;   // errno of the failed read; 0 when the file shrank
};

// Everything the callbacks of one hop read and write.
struct HttpTransferState {
  const std::function<bool()> *cancelled = nullptr;
  const std::function<void(uint64_t, uint64_t)> *progress = nullptr;
  const ResolvedAddress *pinned = nullptr;
  uint64_t max_body_bytes = 0;
  // When set, a 2xx reply's body goes here instead of `body` (false stops the transfer).
  const std::function<bool(std::string_view)> *sink = nullptr;
  CURL *easy = nullptr;  // the handle, to read the status while the body arrives

  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool body_truncated = false;
  bool was_cancelled = false;
  bool socket_refused = false;
  curl_off_t last_upload_reported = -1;
  HttpFileSource file;
};

// Installs the write, header, progress and open-socket callbacks of `state` on `easy`, and the
// read and seek callbacks when `state.file.fd` is open.
void install_transfer_callbacks(CURL *easy, HttpTransferState &state);

}  // namespace lmp
