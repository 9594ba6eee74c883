// The exception every public function of core/media throws for a file it cannot handle.
#pragma once

#include <stdexcept>
#include <string>

#include "core/model/error.hpp"

namespace lmp {

// A media problem with its envelope error: code media.unreadable, media.cover_failed or
// media.convert_failed, and a message naming the file and the reason. `field` is left null for
// the caller, who knows where in the post the file came from.
class MediaError : public std::runtime_error {
 public:
  explicit MediaError(Error error);
  const Error &error() const noexcept { return error_; }

 private:
  Error error_;
};

}  // namespace lmp
