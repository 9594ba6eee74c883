// The Pinterest adapter's error catalog (docs/errors.md lists the same codes) and the one way
// its code builds error objects.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pinterest {

// One stable code: whether it is retryable by default and what it means.
struct CatalogEntry {
  const char *code;
  bool retryable;
  const char *description;
};

// Every pinterest.* code the adapter can report.
const std::vector<CatalogEntry> &catalog();

// An error object (adapter.h convention 8) for a catalog code; retryable comes from the catalog.
boost::json::object make_error(const std::string &code, const std::string &message,
                               std::optional<std::string> field = std::nullopt);

// Throws letmepost::Error carrying make_error(code, message, field).
[[noreturn]] void fail(const std::string &code, const std::string &message,
                       std::optional<std::string> field = std::nullopt);

}  // namespace pinterest
