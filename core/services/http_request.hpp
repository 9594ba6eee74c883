// The http_send request document of abi-json.md, read and checked before anything is sent.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/net/url.hpp"
#include "core/services/http_error.hpp"

namespace lmp {

// One part of a multipart/form-data body: a value, or a file streamed from disk.
struct HttpMultipartPart {
  std::string name;
  std::optional<std::string> value;         // set for value parts
  std::optional<std::string> file;          // set for file parts: a readable regular file
  std::optional<std::string> filename;      // the part's filename; file parts default to basename
  std::optional<std::string> content_type;  // the part's Content-Type, if given
};

// The body to send.
struct HttpBody {
  enum class Kind {
    kNone,       // no body
    kBytes,      // json, text and form: `bytes` holds the encoded body
    kMultipart,  // `parts`, in order
    kFile,       // `length` bytes of `file` from `offset`, streamed
  };
  Kind kind = Kind::kNone;
  std::string content_type;  // kBytes and kFile: the Content-Type unless a header overrides it
  std::string bytes;
  std::vector<HttpMultipartPart> parts;
  std::string file;
  uint64_t offset = 0;
  uint64_t length = 0;  // always resolved: the given length, else the rest of the file
};

// A checked http_send request.
struct HttpRequest {
  std::string method;  // an HTTP token, upper-cased, e.g. "GET"
  Url url;             // http or https, with `query` already appended
  std::vector<std::pair<std::string, std::string>> headers;       // in the given order
  std::optional<std::pair<std::string, std::string>> basic_auth;  // user, password
  HttpBody body;
  std::optional<int64_t> timeout_ms;          // > 0 when set
  std::optional<int64_t> connect_timeout_ms;  // > 0 when set
  bool follow_redirects = false;
  int64_t max_redirects = 5;  // >= 0; the client caps it
  bool untrusted_url = false;
  std::string range;                           // e.g. "0-1023"; empty for the whole resource
  uint64_t max_body_bytes = 16 * 1024 * 1024;  // the most of the reply body to keep
};

// Reads and checks a request document: unknown keys, wrong types, a missing method or url, a
// non-HTTP URL or an unknown body kind give kind bad_request; a file to send or embed that
// cannot be read gives kind io. Files named by $base64File are read and embedded here.
std::variant<HttpRequest, HttpTransportError> parse_http_request(const boost::json::value &request);

}  // namespace lmp
