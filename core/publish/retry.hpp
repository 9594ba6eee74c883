// How the host retries an operation that failed with a retryable error within one run (a 5xx, a
// 429, a reply lost in transit). Later attempts are the scheduler's.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "core/config/config.hpp"
#include "core/plugins/adapter.hpp"

namespace lmp {

// The retry knobs of the config's `publish` section.
struct RetryPolicy {
  int64_t retries = 2;          // attempts after the first
  int64_t backoff_ms = 1000;    // the first wait, doubled for each later one
  int64_t max_wait_ms = 60000;  // a longer wait is not taken: the failure stands

  static RetryPolicy from(const Config &config);
};

// Runs attempt until it succeeds, fails with a non-retryable error (or host.rate_limited, a wait
// the pacer refused), or the retries are spent.
// Before each retry it waits (on the host clock) the longer of the backoff and the error's
// retryAfterMs, unless that is longer than max_wait_ms; then it calls before_retry, when given,
// which may settle the matter instead of retrying (a publish that turns out to exist) by
// returning the outcome to end with. Returns the last outcome.
CallOutcome with_retries(const RetryPolicy &policy, const std::function<CallOutcome()> &attempt,
                         const std::function<std::optional<CallOutcome>()> &before_retry = {});

// How long the scheduler waits before its next attempt at a target whose `attempts`-th attempt
// failed with `error` (retryable): scheduler.retry_backoff_ms doubled per earlier attempt, or
// the error's retryAfterMs when longer; at most a day.
int64_t scheduler_retry_delay_ms(const Config &config, int64_t attempts, const Error &error);

}  // namespace lmp
