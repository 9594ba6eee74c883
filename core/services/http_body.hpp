// The `body` of an http_send request: its five kinds read, checked and, for json, encoded with
// every {"$base64File": PATH} replaced by the file's base64.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <variant>

#include "core/services/http_error.hpp"
#include "core/services/http_request.hpp"

namespace lmp {

// Reads a body object (json, text, form, multipart or file). Malformed bodies give kind
// bad_request naming the field; unreadable files give kind io naming the path.
std::variant<HttpBody, HttpTransportError> parse_http_body(const boost::json::value &body);

// Appends the standard base64 (RFC 4648, padded, no line breaks) of the file at `path` to `out`;
// on failure returns an io error naming the path.
std::optional<HttpTransportError> append_base64_of_file(const std::string &path, std::string &out);

}  // namespace lmp
