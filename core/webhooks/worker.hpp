// serve's background delivery: a thread that sends due webhook deliveries every poll interval.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

#include "core/services/clock.hpp"
#include "core/webhooks/dispatcher.hpp"

namespace lmp {

// Runs dispatcher.deliver_due() every poll_ms from construction until destruction.
class WebhookWorker {
 public:
  // REQUIRES: `dispatcher` and `clock` outlive the worker.
  WebhookWorker(WebhookDispatcher &dispatcher, Clock &clock, int64_t poll_ms);
  // Stops the thread, after the attempt in flight (bounded by its timeout).
  ~WebhookWorker();
  WebhookWorker(const WebhookWorker &) = delete;
  WebhookWorker &operator=(const WebhookWorker &) = delete;

 private:
  void run();

  WebhookDispatcher &dispatcher_;
  Clock &clock_;
  int64_t poll_ms_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace lmp
