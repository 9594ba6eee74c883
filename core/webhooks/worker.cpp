#include "core/webhooks/worker.hpp"

#include <spdlog/spdlog.h>

namespace lmp {

WebhookWorker::WebhookWorker(WebhookDispatcher &dispatcher, Clock &clock, int64_t poll_ms)
    : dispatcher_(dispatcher), clock_(clock), poll_ms_(poll_ms), thread_([this] { run(); }) {}

WebhookWorker::~WebhookWorker() {
  stop_ = true;
  clock_.wake();
  thread_.join();
}

void WebhookWorker::run() {
  while (!stop_) {
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
