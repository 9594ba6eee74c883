// Video URLs of a post, downloaded into the media library (Pinterest takes no video URL): the
// body is streamed to disk and hashed as it arrives, through the host's HTTP service and its
// SSRF guard.
#pragma once

#include <functional>
#include <string>

#include "core/library/media_library.hpp"
#include "core/services/http_client.hpp"

namespace lmp {

// How a download may proceed.
struct DownloadOptions {
  bool allow_private_addresses = false;  // network.allow_private_addresses
  int64_t timeout_ms = 3'600'000;        // the whole transfer, redirects included
  std::function<void(uint64_t done, uint64_t total)> progress;  // may be empty
};

// Downloads `url` (an untrusted URL from a post: every hop must be public unless allowed) into
// the library; the same bytes give the entry already there. Throws MediaError:
// media.download_failed (no reply, a blocked address, a status other than 2xx; the message names
// the URL without its query and the reason), or what MediaLibrary::import_stream throws for the
// downloaded bytes.
ImportResult download_to_library(MediaLibrary &library, HttpClient &http, const std::string &url,
                                 const DownloadOptions &options);

}  // namespace lmp
