// Checks of URLs that come from a post: the destination link answers (HEAD, then GET when HEAD
// is refused), and a remote image is an image of an allowed size (a ranged GET, never a
// download). Both go through the host's SSRF guard (untrustedUrl).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "letmepost/adapter.hpp"
#include "plugins/pinterest/image_sniff.hpp"
#include "plugins/pinterest/reply.hpp"
#include "plugins/pinterest/settings.hpp"

namespace pinterest {

// The outcome of a destination check: ok, or the reason it failed (for the message).
struct UrlCheck {
  bool ok = false;
  std::string reason;  // "answered 404", "did not answer within 5000 ms", ...
};

// Why a reply (or the lack of one) is not a success, in words for a message. timeout_ms names
// the wait in timeouts.
std::string failure_reason(const Reply &reply, int64_t timeout_ms);

// HEAD url (GET when HEAD answers 405 or 501, or the connection drops), following at most
// max_redirects redirects, within destination_timeout_ms. ok on a final 2xx.
UrlCheck check_destination(letmepost::Call &call, const Settings &settings, const std::string &url);

// A remote image as a ranged GET saw it.
struct RemoteImage {
  bool reachable = false;
  std::string reason;                 // why it is not reachable
  Sniffed sniffed;                    // format and dimensions from the first bytes
  std::optional<int64_t> size_bytes;  // from Content-Range, else Content-Length of a 200
  std::string content_type;           // what the server said
};

// GET url with range 0-(image_sniff_bytes-1), keeping at most that many bytes.
RemoteImage probe_remote_image(letmepost::Call &call, const Settings &settings,
                               const std::string &url);

}  // namespace pinterest
