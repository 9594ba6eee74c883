// Pinterest's rate-limit headers, read into the `rateLimit` of results, and the wait a 429 asks
// for.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string_view>

#include "plugins/pinterest/reply.hpp"

namespace pinterest {

// What x-ratelimit-limit / -remaining / -reset said.
struct RateLimit {
  std::optional<int64_t> limit;
  std::optional<int64_t> remaining;
  std::optional<int64_t> reset_at_ms;  // Unix ms
};

// Reads a reset value: a Unix time in seconds (>= 1e9), a Unix time in ms (>= 1e12), or seconds
// until the reset (anything smaller), possibly with a fraction. nullopt when it is no number.
std::optional<int64_t> parse_reset(std::string_view value, int64_t now_ms);

// Reads the x-ratelimit-* headers of reply. nullopt when it has none that parse. A value like
// "100, 100;w=60" (the IETF draft's list) counts by its first number.
std::optional<RateLimit> parse_rate_limit(const Reply &reply, int64_t now_ms);

// {"limit", "remaining", "resetAt"}: abi-json.md's RATE; absent members are null.
boost::json::object rate_limit_json(const RateLimit &rl);

// How long a 429 (or 503) asks the client to wait, in ms: Retry-After (seconds or an HTTP date),
// else the x-ratelimit-reset time when it is in the future, else nullopt.
std::optional<int64_t> retry_after_ms(const Reply &reply, int64_t now_ms);

}  // namespace pinterest
