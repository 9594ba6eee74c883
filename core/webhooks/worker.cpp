#include "core/webhooks/worker.hpp"

#include <spdlog/spdlog.h>

namespace lmp {

WebhookWorker::WebhookWorker(WebhookDispatcher &dispatcher, Clock &clock, int64_t poll_ms,
                             TokenExpiryWatch *tokens)
    : dispatcher_(dispatcher), clock_(clock), poll_ms_(poll_ms), tokens_(tokens), thread_([this] {
        run();
      }) {}

WebhookWorker::~WebhookWorker() {
  stop_ = true;
  clock_.wake();
  thread_.join();
}

void WebhookWorker::run() {
  int64_t next_token_check_ms = clock_.monotonic_ms();
  while (!stop_) {
    // Each token is checked against the wall clock; the check's pace follows the monotonic one.
    if (tokens_ && clock_.monotonic_ms() >= next_token_check_ms) {
      tokens_->check(clock_.now_unix_ms());
      next_token_check_ms = clock_.monotonic_ms() + kTokenCheckEveryMs;
    }
    try {
      dispatcher_.deliver_due();
    } catch (const std::exception &e) {
      // A database error this round; the rows stay pending for the next.
      spdlog::error("webhook delivery: {}", e.what());
    }
    if (!clock_.sleep_ms(poll_ms_, stop_)) break;
  }
}

}  // namespace lmp
