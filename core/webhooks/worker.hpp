// serve's background delivery: a thread that sends due webhook deliveries every poll interval,
// and looks for expiring tokens every minute.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

#include "core/services/clock.hpp"
#include "core/webhooks/dispatcher.hpp"
#include "core/webhooks/token_expiry.hpp"

namespace lmp {

// Runs dispatcher.deliver_due() every poll_ms from construction until destruction; before it, on
// the first pass and then once a minute (by `clock`), tokens->check() when `tokens` is set.
class WebhookWorker {
 public:
  // How often the worker looks for expiring tokens.
  static constexpr int64_t kTokenCheckEveryMs = 60'000;

  // REQUIRES: `dispatcher`, `clock` and `tokens` (when set) outlive the worker.
  WebhookWorker(WebhookDispatcher &dispatcher, Clock &clock, int64_t poll_ms,
                TokenExpiryWatch *tokens = nullptr);
  // Stops the thread, after the attempt in flight (bounded by its timeout).
  ~WebhookWorker();
  WebhookWorker(const WebhookWorker &) = delete;
  WebhookWorker &operator=(const WebhookWorker &) = delete;

 private:
  void run();

  WebhookDispatcher &dispatcher_;
  Clock &clock_;
  int64_t poll_ms_;
  TokenExpiryWatch *tokens_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace lmp
