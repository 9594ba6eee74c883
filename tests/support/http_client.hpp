// A plain libcurl client for tests: one call, one request, the whole reply in memory. It only
// talks to loopback addresses and never follows redirects, so tests see every hop.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace lmp::test {

using Headers = std::vector<std::pair<std::string, std::string>>;

// What came back. When the transfer failed (refused, reset, truncated...) `curl_code` is
// non-zero, `error` says why, and status/headers/body hold whatever arrived before.
struct HttpReply {
  long status = 0;
  Headers headers;  // the final response's headers, in order
  std::string body;
  int curl_code = 0;
  std::string error;

  // True when the transfer completed (whatever the status).
  bool ok() const { return curl_code == 0; }
  // The first header named `name` (case-insensitive), "" if absent.
  std::string header(std::string_view name) const;
  // The body parsed as JSON; throws std::runtime_error naming the body if it is not JSON.
  boost::json::value json() const;
};

// One part of a multipart/form-data body: a value, or the contents of a file.
struct FormPart {
  std::string name{};
  std::string value{};         // used when file_path is empty
  std::string file_path{};     // streamed from disk when set
  std::string filename{};      // the part's filename="..."; none when empty
  std::string content_type{};  // the part's Content-Type; none when empty
};

// Blocking HTTP calls over loopback. Thread-safe (each call uses its own curl handle).
class TestHttp {
 public:
  // Every call gives up after this long (a hung server fails the test instead of hanging it).
  static constexpr std::chrono::seconds kTimeout{60};

  // GET `url`.
  static HttpReply get(const std::string &url, const Headers &headers = {});
  // POST `body`; Content-Type is application/x-www-form-urlencoded unless `headers` set one.
  static HttpReply post(const std::string &url, const std::string &body,
                        const Headers &headers = {});
  // POST `value` serialized as JSON with Content-Type application/json.
  static HttpReply post_json(const std::string &url, const boost::json::value &value,
                             const Headers &headers = {});
  // Any method; HEAD reads no body. An empty `body` sends none.
  static HttpReply request(const std::string &method, const std::string &url,
                           const std::string &body = {}, const Headers &headers = {});
  // POST `body` with Transfer-Encoding: chunked (no Content-Length).
  static HttpReply post_chunked(const std::string &url, const std::string &body,
                                const Headers &headers = {});
  // POST multipart/form-data with the parts in the given order (libcurl's mime encoder).
  // Large files may need a longer `timeout`.
  static HttpReply post_form(const std::string &url, const std::vector<FormPart> &parts,
                             const Headers &headers = {}, std::chrono::seconds timeout = kTimeout);
};

// "Authorization: Bearer TOKEN" as a header list.
Headers bearer(const std::string &token);

}  // namespace lmp::test
