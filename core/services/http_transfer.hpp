// One HTTP exchange (one redirect hop) on a pooled libcurl handle. The connection may only go to
// the one address the caller resolved and checked: libcurl is pinned to it with CURLOPT_CONNECT_TO
// and any socket to another address is refused before it connects.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/net/resolver.hpp"
#include "core/net/url.hpp"
#include "core/services/http_curl_pool.hpp"
#include "core/services/http_error.hpp"
#include "core/services/http_request.hpp"

namespace lmp {

// What to send in one hop.
struct HttpHop {
  std::string method;
  Url url;
  const HttpBody *body = nullptr;  // nullptr (or kind kNone): no body
  std::vector<std::pair<std::string, std::string>> headers;
  const std::pair<std::string, std::string> *basic_auth = nullptr;  // user, password
  ResolvedAddress address;  // the only address (and port) the connection may use
  int64_t timeout_ms = 30000;
  int64_t connect_timeout_ms = 10000;
  std::string range;
  uint64_t max_body_bytes = 0;
  std::string user_agent;
  // When set, a 2xx reply's body is handed here as it arrives (false stops the transfer).
  const std::function<bool(std::string_view)> *body_sink = nullptr;
};

// What came back from one hop.
struct HttpHopResult {
  std::optional<HttpTransportError> error;  // set when no reply arrived
  bool connect_failed = false;              // the error is a failed connect: nothing was sent
  bool socket_refused = false;              // libcurl tried an address other than HttpHop::address
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in order
  std::string body;
  bool body_truncated = false;  // the body was longer than max_body_bytes and was cut there
  std::string redirect_url;     // the absolute Location of a 3xx reply, if any
};

// Runs one exchange. `cancelled` is polled often (every few tens of milliseconds) and ends the
// exchange with kind cancelled; `progress` hears (sent, total) bytes of the request body.
HttpHopResult run_http_hop(CurlEntry &curl, const HttpHop &hop,
                           const std::function<bool()> &cancelled,
                           const std::function<void(uint64_t, uint64_t)> &progress);

}  // namespace lmp
