#include "core/store/store_error.hpp"

#include <utility>

namespace lmp {

StoreError::StoreError(Error error) : std::runtime_error(error.message), error_(std::move(error)) {}

StoreError storage_error(std::string_view path, std::string_view detail, bool retryable) {
  std::string message = "State database " + std::string(path) + ": " + std::string(detail);
  return StoreError(make_error(std::string(kStorageError), std::move(message), {}, retryable));
}

}  // namespace lmp
