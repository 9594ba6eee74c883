#include "core/publish/retry.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>

#include "core/services/clock.hpp"

namespace lmp {

RetryPolicy RetryPolicy::from(const Config &config) {
  return RetryPolicy{config.publish_retries, config.publish_retry_backoff_ms,
                     config.publish_retry_max_wait_s * 1000};
}

CallOutcome with_retries(const RetryPolicy &policy, const std::function<CallOutcome()> &attempt,
                         const std::function<std::optional<CallOutcome>()> &before_retry) {
  static const std::atomic<bool> never_cancelled{false};
  CallOutcome out = attempt();
  int64_t backoff = policy.backoff_ms;
  for (int64_t retry = 1; retry <= policy.retries; ++retry) {
    if (out.ok() || !out.error || !out.error->retryable) break;
    // The pacer already judged this wait too long (pacing.max_wait_s); the next run retries.
    if (out.error->code == "host.rate_limited") break;
    const int64_t wait = std::max(backoff, out.error->retry_after_ms.value_or(0));
    if (wait > policy.max_wait_ms) break;
    spdlog::info("{} (retryable); retry {} of {} in {} ms", out.error->code, retry, policy.retries,
                 wait);
    host_clock().sleep_ms(wait, never_cancelled);
    backoff *= 2;
    if (before_retry) {
      if (std::optional<CallOutcome> settled = before_retry()) return *settled;
    }
    out = attempt();
  }
  return out;
}

int64_t scheduler_retry_delay_ms(const Config &config, int64_t attempts, const Error &error) {
  constexpr int64_t kDay = 86'400'000;
  int64_t backoff = config.scheduler_retry_backoff_ms;
  for (int64_t i = 1; i < attempts && backoff < kDay; ++i) backoff *= 2;
  return std::min(kDay, std::max(backoff, error.retry_after_ms.value_or(0)));
}

}  // namespace lmp
