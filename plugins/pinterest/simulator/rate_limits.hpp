// Per-user, per-category request budgets in fixed windows (org_read, org_write), reported in
// x-ratelimit-limit / x-ratelimit-remaining / x-ratelimit-reset.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "plugins/pinterest/simulator/clock.hpp"

namespace lmp::sim {

struct RateDecision {
  bool allowed = true;
  int limit = 0;
  int remaining = 0;      // after this request
  long long reset_s = 0;  // whole seconds (rounded up) until the window ends
};

// Thread-safe. Windows are aligned to multiples of `window` since the Unix epoch, so every
// user's window ends at the same instant.
class RateLimiter {
 public:
  explicit RateLimiter(std::chrono::seconds window) : window_(window) {}
  // Counts one request of `user_id` in `category` against `limit` at `now`; a refused request
  // is not counted.
  RateDecision take(const std::string &user_id, const std::string &category, int limit,
                    TimePoint now);
  // Forgets every count.
  void reset();

 private:
  struct Window {
    long long index = -1;
    int used = 0;
  };
  std::mutex mutex_;
  std::chrono::seconds window_;
  std::map<std::pair<std::string, std::string>, Window> windows_;
};

}  // namespace lmp::sim
