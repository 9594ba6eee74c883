// Fuzzes the rate-limit header parser: any x-ratelimit-* and Retry-After values give numbers or
// nothing, a wait that is never negative, and a RATE object, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/reply_input.hpp"
#include "plugins/pinterest/rate_limit.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string_view in(reinterpret_cast<const char *>(data), size);
  const int64_t now = 1'796'000'000'000;
  pinterest::parse_reset(in, now);
  const pinterest::Reply reply = lmp::fuzz::reply_from_input(in);
  if (auto rl = pinterest::parse_rate_limit(reply, now)) pinterest::rate_limit_json(*rl);
  if (auto wait = pinterest::retry_after_ms(reply, now); wait && *wait < 0) std::abort();
  return 0;
}
