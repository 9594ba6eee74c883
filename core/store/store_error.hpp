// The exception every public function of core/store throws when the state database fails.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/model/error.hpp"

namespace lmp {

// Error codes of the state database (docs/errors.md).
inline constexpr std::string_view kStorageError = "host.storage";                 // I/O, SQL, locks
inline constexpr std::string_view kStorageVersionError = "host.storage_version";  // newer schema

// A state-database problem with its envelope error: code host.storage (retryable when the
// database was busy or locked by another process) or host.storage_version, and a message that
// names the database file and the reason. Never carries a stored value (tokens stay out).
class StoreError : public std::runtime_error {
 public:
  explicit StoreError(Error error);
  const Error &error() const noexcept { return error_; }

 private:
  Error error_;
};

// A host.storage error for the database at `path`: "State database PATH: DETAIL".
StoreError storage_error(std::string_view path, std::string_view detail, bool retryable = false);

}  // namespace lmp
