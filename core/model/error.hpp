// The error object of letmepost's envelope: the same shape for the CLI, the HTTP API, the state
// database and the adapter ABI (docs/errors.md).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace lmp {

// One problem, with a stable dotted code and where it was found.
struct Error {
  std::string code;                       // e.g. "validation.required", "pinterest.rate_limited"
  std::string message;                    // for a person; never a secret
  std::optional<std::string> field;       // where in the input, e.g. "media[1].url"
  bool retryable = false;                 // whether the same request may succeed later
  std::optional<int64_t> retry_after_ms;  // when to try again, if known
  boost::json::value platform;            // null, or {httpStatus, code, message, requestId, raw}

  // The inner object, with every key present (null where unset).
  boost::json::object to_json() const;
  // Reads an inner object; a missing or mistyped code/message yields adapter.protocol_violation.
  static Error from_json(const boost::json::value &v);
  // {"error": inner}
  boost::json::object envelope() const;
};

// Convenience constructor for errors found by the host.
Error make_error(std::string code, std::string message, std::optional<std::string> field = {},
                 bool retryable = false);

}  // namespace lmp
