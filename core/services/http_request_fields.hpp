// Small readers for the fields of the http_send request document, shared by the request and body
// parsers so every malformed field is reported the same way.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/services/http_error.hpp"

namespace lmp::http_fields {

// A bad_request error: "invalid http_send request: <what>".
HttpTransportError bad_request(std::string what);
// An io error about `path` with the system's reason for `errno_value`.
HttpTransportError io_error(const std::string &path, std::string_view doing, int errno_value);

// The text of a string, number or boolean (numbers as JSON writes them); nullopt otherwise.
std::optional<std::string> scalar_text(const boost::json::value &v);
// The value of an integer that fits int64_t; nullopt for anything else (including 1.0).
std::optional<int64_t> integer(const boost::json::value &v);
// The first key of `object` not in `allowed`, if any.
std::optional<std::string> unknown_key(const boost::json::object &object,
                                       std::initializer_list<std::string_view> allowed);
// Whether `text` is a non-empty RFC 9110 token (method and header names).
bool is_token(std::string_view text);
// Whether `a` and `b` are equal ignoring ASCII case (header names).
bool iequals(std::string_view a, std::string_view b);

}  // namespace lmp::http_fields
