#include "plugins/pinterest/simulator/rate_limits.hpp"

namespace lmp::sim {

RateDecision RateLimiter::take(const std::string &user_id, const std::string &category, int limit,
                               TimePoint now) {
  using namespace std::chrono;
  const long long now_ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
  const long long window_ms = duration_cast<milliseconds>(window_).count();
  const long long index = now_ms / window_ms;
  const long long left_ms = (index + 1) * window_ms - now_ms;

  std::lock_guard lock(mutex_);
  Window &w = windows_[{user_id, category}];
  if (w.index != index) w = Window{index, 0};
  RateDecision d;
  d.limit = limit;
  d.reset_s = (left_ms + 999) / 1000;
  d.allowed = w.used < limit;
  if (d.allowed) ++w.used;
  d.remaining = limit - w.used;
  return d;
}

void RateLimiter::reset() {
  std::lock_guard lock(mutex_);
  windows_.clear();
}

}  // namespace lmp::sim
