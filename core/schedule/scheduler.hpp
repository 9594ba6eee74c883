// serve's scheduler: a background thread that runs the due pass every scheduler.poll_ms, so a
// scheduled post publishes within about that long after its time, and posts a crash left
// unfinished are taken up at start-up.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "core/config/config.hpp"
#include "core/publish/publisher.hpp"
#include "core/store/store.hpp"

namespace lmp {

class Scheduler {
 public:
  // REQUIRES: every argument outlives the Scheduler.
  Scheduler(PostStore &posts, Publisher &publisher, const Config &config);
  // Stops (see stop()).
  ~Scheduler();
  Scheduler(const Scheduler &) = delete;
  Scheduler &operator=(const Scheduler &) = delete;

  // Starts the thread; its first pass runs at once. Calling it twice does nothing.
  void start();
  // Makes the next pass run now rather than at the end of the poll interval.
  void wake();
  // How many passes have finished since start(); a pass that began after a wake() has finished
  // once this grew by two (so a test can wait for a pass instead of on the wall clock).
  int64_t passes() const { return passes_.load(); }
  // Lets the post in progress finish (or stay recorded where it stands, to be taken up by the
  // next process), then ends the thread. Idempotent.
  void stop();

 private:
  void loop();

  PostStore &posts_;
  Publisher &publisher_;
  const Config &config_;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> passes_{0};
  bool woken_ = false;
  std::mutex mu_;
  std::condition_variable cv_;
  std::thread thread_;
};

}  // namespace lmp
