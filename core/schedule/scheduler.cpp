#include "core/schedule/scheduler.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>

#include "core/schedule/due_pass.hpp"

namespace lmp {

Scheduler::Scheduler(PostStore &posts, Publisher &publisher, const Config &config)
    : posts_(posts), publisher_(publisher), config_(config) {}

Scheduler::~Scheduler() {
  stop();
}

void Scheduler::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { loop(); });
}

void Scheduler::wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Scheduler::stop() {
  stopping_ = true;
  wake();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::loop() {
  while (!stopping_) {
    try {
      for (const PostResult &r : run_due_pass(posts_, publisher_, config_, &stopping_)) {
        spdlog::info("scheduler: {} is {}", r.id, r.status);
      }
    } catch (const std::exception &e) {
      // The post stays leased and recorded; a later pass (or process) takes it up.
      spdlog::error("scheduler: {}", e.what());
    }
    ++passes_;
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(config_.scheduler_poll_ms),
                 [this] { return woken_ || stopping_.load(); });
    woken_ = false;
  }
}

}  // namespace lmp
