// The Pinterest adapter's error catalog (docs/errors.md lists the same codes) and the one way
// its code builds error objects.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pinterest {

// One stable code: whether it is retryable by default and what it means.
struct CatalogEntry {
  const char *code;
  bool retryable;
  const char *description;
};

// Every pinterest.* code the adapter can report. Codes are never renamed or removed.
const std::vector<CatalogEntry> &catalog();

// True when code is in the catalog.
bool in_catalog(const std::string &code);

// An error object (adapter.h convention 8) for a catalog code; retryable comes from the catalog,
// retryAfterMs and platform are null.
boost::json::object make_error(const std::string &code, const std::string &message,
                               std::optional<std::string> field = std::nullopt);

// Throws letmepost::Error carrying make_error(code, message, field).
[[noreturn]] void fail(const std::string &code, const std::string &message,
                       std::optional<std::string> field = std::nullopt);

// Throws letmepost::Error carrying the given error object.
[[noreturn]] void fail(const boost::json::object &error);

// Throws adapter.invalid_request: the request document itself is malformed (a host bug).
[[noreturn]] void invalid_request(const std::string &message,
                                  std::optional<std::string> field = std::nullopt);

// The code of an error object ("" when it has none).
std::string_view code_of(const boost::json::object &error);

// The error object inside a thrown letmepost::Error (its JSON parsed back).
boost::json::object error_object(const std::exception &e);

}  // namespace pinterest
