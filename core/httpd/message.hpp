// The request and response values exchanged between lmp::httpd::Server and its handler. They
// hold plain strings only, so code that serves HTTP never sees an Asio or Beast type.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace lmp::httpd {

// Header lines in the order they were received or will be sent; names keep their case.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

// One HTTP request. For a streamed body (see BodyStream) `body` stays empty.
struct Request {
  std::string method;  // as sent, e.g. "GET"
  std::string target;  // the request-target as sent: path plus "?query"
  std::string path;    // target up to '?', not percent-decoded
  std::string query;   // raw text after '?', "" when none
  HeaderList headers;
  std::string body;
  // The Content-Length the client sent; nullopt when it sent none (e.g. a chunked body).
  std::optional<std::uint64_t> content_length;
  // True when the body used Transfer-Encoding: chunked.
  bool chunked = false;

  // The value of the first header named `name` (compared case-insensitively), "" if absent.
  std::string header(std::string_view name) const;
  // True when a header named `name` (case-insensitive) was sent, even with an empty value.
  bool has_header(std::string_view name) const;
  // The query's parameters, percent- and '+'-decoded; a repeated name keeps its last value.
  std::map<std::string, std::string> query_params() const;
};

// One HTTP response, plus the fault behaviours a test or simulator may ask for.
struct Response {
  int status = 200;
  HeaderList headers;
  std::string body;
  // Waited (without holding a server thread) before anything is sent.
  std::chrono::milliseconds delay{0};
  // Close the connection without sending anything.
  bool drop_connection = false;
  // Advertise the full Content-Length, send only this many body bytes, then close.
  std::optional<std::size_t> truncate_body_at;

  // A response with `value` serialized as its body and Content-Type application/json.
  static Response json(int status, const boost::json::value &value);
  // A response with `body` and the given Content-Type.
  static Response text(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");

  // Replaces every header named `name` (case-insensitive) with one `name: value`.
  Response &set_header(std::string name, std::string value);
  // The value of the first header named `name` (case-insensitive), "" if absent.
  std::string header(std::string_view name) const;
};

// True when `a` and `b` are equal ignoring ASCII case (header names).
bool iequals(std::string_view a, std::string_view b);

// Decodes %XX escapes and, when `plus_is_space`, '+' as a space (form and query encoding).
// Malformed escapes are kept as they are.
std::string url_decode(std::string_view text, bool plus_is_space = true);

// Percent-encodes everything but unreserved characters (A-Z a-z 0-9 - . _ ~), for query values.
std::string url_encode(std::string_view text);

// Parses "a=1&b=two" (application/x-www-form-urlencoded) into decoded pairs, in order.
std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text);

}  // namespace lmp::httpd
