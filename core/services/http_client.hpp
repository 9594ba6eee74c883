// The host's HTTP service: abi-json.md's http_send on libcurl, with the SSRF guard of
// interfaces.md. Every host name is resolved by the injected Resolver and the connection pinned
// to a checked address; redirects are followed here, hop by hop, never by libcurl.
#pragma once

#include <sys/socket.h>

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/net/address_policy.hpp"
#include "core/net/resolver.hpp"
#include "core/services/http_curl_pool.hpp"
#include "core/services/http_error.hpp"

namespace lmp {

// The outcome of http_send: a reply, or a transport error when no reply arrived.
struct HttpReply {
  int status = 0;  // the final reply's status; 0 with a transport error
  std::vector<std::pair<std::string, std::string>> headers;  // lower-cased names, in order
  std::string body;                                          // at most the request's maxBodyBytes
  bool body_truncated = false;  // the body was longer than maxBodyBytes and was cut there
  std::optional<std::pair<std::string, std::string>> transport_error;  // kind, message
  std::string effective_url;                                           // the URL of the final hop

  // The value of the first header named `name` (any case), or nullptr.
  const std::string *header(std::string_view name) const;
};

// How an HttpClient behaves; the defaults suit production.
struct HttpClientOptions {
  // Answers every host name; nullptr means a SystemResolver.
  std::shared_ptr<Resolver> resolver;
  int64_t default_timeout_ms = 30000;                 // when the request has no timeoutMs
  int64_t connect_timeout_ms = 10000;                 // when the request has no connectTimeoutMs
  int max_redirects_cap = 10;                         // the most hops any request may follow
  std::string user_agent = "letmepost/" LMP_VERSION;  // unless the request sets User-Agent
  // Classifies addresses for the SSRF guard; empty means classify_address. Tests replace it to
  // let a loopback server stand in for a public host.
  std::function<AddressVerdict(const sockaddr *)> classify;
};

// Sends http_send requests. Safe to use from many threads at once; connections are kept alive
// in a pool of libcurl handles and reused across calls.
class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});

  // Sends `request` (abi-json.md, http_send) and returns the reply or a transport error of a
  // kind in http_error_kind. `cancelled` (may be empty) is polled while waiting and ends the
  // exchange with kind "cancelled"; `progress` (may be empty) hears (sent, total) bytes of the
  // request body. When the request says untrustedUrl and `allow_private_addresses` is false,
  // every address of every hop must be public or nothing is sent to it (kind blocked_address).
  HttpReply send(const boost::json::value &request, const std::function<bool()> &cancelled,
                 const std::function<void(uint64_t done, uint64_t total)> &progress,
                 bool allow_private_addresses);

  // Like send, but the body of a 2xx final reply goes to `sink` as it arrives, never into
  // memory (the reply's body stays empty; other replies' bodies are kept as send keeps them).
  // `sink` returning false ends the exchange with a transport error. `progress` hears (received,
  // total) bytes of the reply body, total 0 when unknown.
  HttpReply fetch(const boost::json::value &request,
                  const std::function<bool(std::string_view)> &sink,
                  const std::function<bool()> &cancelled,
                  const std::function<void(uint64_t done, uint64_t total)> &progress,
                  bool allow_private_addresses);

 private:
  HttpReply exchange(const boost::json::value &request,
                     const std::function<bool(std::string_view)> *sink,
                     const std::function<bool()> &cancelled,
                     const std::function<void(uint64_t, uint64_t)> &progress,
                     bool allow_private_addresses);

  HttpClientOptions options_;
  CurlPool pool_;
};

}  // namespace lmp
