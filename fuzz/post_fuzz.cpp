// Fuzzes the post parser and validator: any text gives a post or validation.* errors, each with
// a message, never an exception or a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/model/post.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const lmp::ParseResult r =
      lmp::parse_post(std::string_view(reinterpret_cast<const char *>(data), size));
  if (r.ok() != r.post.has_value()) std::abort();
  for (const lmp::Error &e : r.errors) {
    if (e.code.rfind("validation.", 0) != 0 || e.message.empty()) std::abort();
  }
  return 0;
}
