// Per-account pacing: the host remembers the rate-limit budget an adapter last reported for an
// account and holds the next operation back until the budget resets, so a batch of posts does not
// run into a 429 it could have seen coming.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/model/error.hpp"
#include "core/model/result.hpp"
#include "core/services/cache.hpp"

namespace lmp {

// How long the host may hold an operation back, and how much budget it keeps in hand.
struct PacingOptions {
  int64_t max_wait_ms = 120'000;  // a longer wait fails at once with host.rate_limited
  int64_t reserve = 0;            // wait when the remaining budget is at or below this
};

// What an operation reported about the account's budget.
struct PacingObservation {
  std::optional<RateLimit> rate_limit;    // the result's rateLimit
  std::optional<int64_t> retry_after_ms;  // a rate-limited error's retryAfterMs
};

// Budgets per key (one per platform, account and operation: Pinterest counts reads and writes
// apart, and an operation's reply reports the budget of the calls it made). Observations are kept
// in `cache` (the state database in the CLI and the server), so separate runs share them; without
// a cache they live in this object only. Times come from host_clock(). Thread-safe.
class Pacer {
 public:
  Pacer(Cache *cache, PacingOptions options) : cache_(cache), options_(options) {}

  // Waits (on host_clock(), ending early when `cancelled` becomes true) until an operation for
  // `key` may run. Returns nullopt when it may run, host.rate_limited (retryable, with
  // retryAfterMs) when the wait would pass max_wait_ms, or host.cancelled. `who` names the
  // account for the message. Each nullopt must be followed by one finish(key, ...).
  std::optional<Error> begin(const std::string &key, const std::string &who,
                             const std::atomic<bool> &cancelled);
  // Records what the operation begun for `key` reported, and ends it.
  void finish(const std::string &key, const PacingObservation &seen);

  // The key of an operation: "platform/account/operation".
  static std::string key(const std::string &platform, const std::string &account,
                         const std::string &operation);

 private:
  struct Budget {
    int64_t remaining = 0;
    int64_t reset_unix_ms = 0;          // 0: no budget known
    int64_t blocked_until_unix_ms = 0;  // after a rate-limited error
  };
  std::optional<Budget> load(const std::string &key);
  void save(const std::string &key, const Budget &b, int64_t now);
  // How long an operation for key must wait now (0: it may run).
  int64_t wait_needed(const std::string &key, int64_t now);

  Cache *cache_;
  PacingOptions options_;
  std::mutex mu_;
  std::map<std::string, Budget> budgets_;     // used when there is no cache
  std::map<std::string, int64_t> in_flight_;  // operations begun and not finished, per key
};

// Parses the rateLimit and retryAfterMs an adapter's outcome carries.
PacingObservation observation_of(const boost::json::value &result, const std::optional<Error> &e);

}  // namespace lmp
