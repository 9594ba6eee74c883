#include "core/services/clock.hpp"

#include <chrono>

namespace lmp {

int64_t SystemClock::now_unix_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int64_t SystemClock::monotonic_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool SystemClock::sleep_ms(int64_t ms, const std::atomic<bool> &cancelled) {
  using namespace std::chrono;
  const auto until = steady_clock::now() + milliseconds(ms);
  std::unique_lock lock(mu_);
  while (!cancelled.load()) {
    // A bounded slice, so a cancel flag set without wake() is still seen quickly.
    auto slice = std::min(until, steady_clock::now() + milliseconds(50));
    cv_.wait_until(lock, slice);
    if (steady_clock::now() >= until) return !cancelled.load();
  }
  return false;
}

void SystemClock::wake() {
  cv_.notify_all();
}

bool FakeClock::sleep_ms(int64_t ms, const std::atomic<bool> &cancelled) {
  if (cancelled.load()) return false;
  now_ += ms;
  slept_ += ms;
  return true;
}

Clock &system_clock() {
  static SystemClock clock;
  return clock;
}

namespace {
std::atomic<Clock *> g_host_clock{nullptr};
}

Clock &host_clock() {
  Clock *c = g_host_clock.load();
  return c ? *c : system_clock();
}

void set_host_clock(Clock *clock) {
  g_host_clock = clock;
}

}  // namespace lmp
