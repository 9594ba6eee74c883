// A receiver of the host's webhook events on loopback, for tests: it records every delivery and
// answers a status the test sets; and a check of a delivery's signature as docs/webhooks.md tells
// receivers to make it. (tests/sdk/webhook_receiver.hpp is the example adapter's endpoint.)
#pragma once

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <atomic>
#include <boost/algorithm/hex.hpp>
#include <chrono>
#include <condition_variable>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

#include "core/httpd/server.hpp"

namespace lmp::test {

// One delivery as the endpoint saw it.
struct ReceivedEvent {
  std::string signature, event_id, event_type, body;
};

// Listens on 127.0.0.1 (a free port) from construction until destruction.
class EventReceiver {
 public:
  EventReceiver() { server_.start(); }

  // base URL + path.
  std::string url(const std::string &path) const { return server_.base_url() + path; }
  // The status every later request is answered with (200 at first).
  void answer(int status) { status_ = status; }
  // Every delivery so far, oldest first.
  std::vector<ReceivedEvent> seen() {
    std::lock_guard lock(mu_);
    return seen_;
  }
  // Waits until at least n deliveries came (up to 10 s, for a sender on another thread or in
  // another process); true when they did.
  bool wait_for(size_t n) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] { return seen_.size() >= n; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<ReceivedEvent> seen_;
  std::atomic<int> status_{200};
  httpd::Server server_{[this](const httpd::Request &r) {
    {
      std::lock_guard lock(mu_);
      seen_.push_back({r.header("Letmepost-Signature"), r.header("Letmepost-Event-Id"),
                       r.header("Letmepost-Event-Type"), r.body});
    }
    cv_.notify_all();
    return httpd::Response::text(status_.load(), "");
  }};
};

// HMAC-SHA256 in hex, computed here with OpenSSL as a receiver would (not with the host's code).
inline std::string hmac_sha256_hex(const std::string &key, const std::string &text) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char *>(text.data()), text.size(), mac, &len);
  std::string hex;
  boost::algorithm::hex_lower(mac, mac + len, std::back_inserter(hex));
  return hex;
}

// True when the delivery's Letmepost-Signature ("t=<s>,v1=<hex>") is the HMAC of "<t>.<body>"
// keyed by `secret`.
inline bool signature_valid(const std::string &secret, const ReceivedEvent &w) {
  const auto comma = w.signature.find(",v1=");
  if (w.signature.rfind("t=", 0) != 0 || comma == std::string::npos) return false;
  const std::string t = w.signature.substr(2, comma - 2);
  return w.signature.substr(comma + 4) == hmac_sha256_hex(secret, t + "." + w.body);
}

}  // namespace lmp::test
