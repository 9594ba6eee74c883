// Time for the host and its adapters, injectable so tests never wait on the wall clock.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace lmp {

// A source of wall-clock and monotonic time, and of cancellable waits. Thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  // Wall-clock time in Unix milliseconds.
  virtual int64_t now_unix_ms() = 0;
  // A monotonic time in milliseconds (only differences mean anything).
  virtual int64_t monotonic_ms() = 0;
  // Waits ms milliseconds, or until cancelled becomes true (checked at least every few ms, and at
  // once when wake() is called). Returns false when the wait ended by cancellation.
  virtual bool sleep_ms(int64_t ms, const std::atomic<bool> &cancelled) = 0;
  // Wakes every pending sleep so it re-checks its cancellation flag.
  virtual void wake() = 0;
};

// The real clock.
class SystemClock : public Clock {
 public:
  int64_t now_unix_ms() override;
  int64_t monotonic_ms() override;
  bool sleep_ms(int64_t ms, const std::atomic<bool> &cancelled) override;
  void wake() override;

 private:
  std::mutex mu_;
  std::condition_variable cv_;
};

// A clock that only moves when told to; sleeping advances it at once. For tests and the
// conformance checker.
class FakeClock : public Clock {
 public:
  explicit FakeClock(int64_t start_unix_ms = 1'796'000'000'000) : now_(start_unix_ms) {}
  int64_t now_unix_ms() override { return now_.load(); }
  int64_t monotonic_ms() override { return now_.load(); }
  bool sleep_ms(int64_t ms, const std::atomic<bool> &cancelled) override;
  void wake() override {}
  // Moves time forward.
  void advance(int64_t ms) { now_ += ms; }
  // Total time slept through sleep_ms, so tests can check backoff schedules.
  int64_t slept_ms() const { return slept_.load(); }

 private:
  std::atomic<int64_t> now_;
  std::atomic<int64_t> slept_{0};
};

// The process's shared system clock.
Clock &system_clock();

// The clock the host uses everywhere (the system clock unless a test or the conformance checker
// installed another). set_host_clock(nullptr) restores the system clock.
Clock &host_clock();
void set_host_clock(Clock *clock);

}  // namespace lmp
