#include "core/media/media_error.hpp"

#include <utility>

namespace lmp {

MediaError::MediaError(Error error) : std::runtime_error(error.message), error_(std::move(error)) {}

}  // namespace lmp
