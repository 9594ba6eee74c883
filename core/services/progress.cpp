#include "core/services/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lmp {

namespace {

std::string human_bytes(double n) {
  static const char *kUnits[] = {"B", "kB", "MB", "GB", "TB"};
  int unit = 0;
  while (n >= 1000.0 && unit < 4) {
    n /= 1000.0;
    ++unit;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f %s" : "%.1f %s", n, kUnits[unit]);
  return buf;
}

std::string duration(double seconds) {
  const auto s = static_cast<long long>(std::llround(seconds));
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

std::string format_progress(uint64_t done, uint64_t total, double bytes_per_s) {
  std::string line = human_bytes(static_cast<double>(done));
  if (total > 0) {
    line += " / " + human_bytes(static_cast<double>(total)) + " (" +
            std::to_string(done >= total ? 100 : done * 100 / total) + "%)";
  }
  line += "  " + human_bytes(bytes_per_s) + "/s";
  if (total > 0 && bytes_per_s > 0) {
    const double left = done >= total ? 0.0 : static_cast<double>(total - done);
    line += "  ETA " + duration(left / bytes_per_s);
  }
  return line;
}

ProgressMeter::ProgressMeter(Clock &clock, Sink sink, int64_t interval_ms, uint64_t min_total)
    : clock_(clock), sink_(std::move(sink)), interval_ms_(interval_ms), min_total_(min_total) {}

void ProgressMeter::update(uint64_t done, uint64_t total) {
  if (total > 0 && total < min_total_) return;
  std::lock_guard lock(mu_);
  const int64_t now = clock_.monotonic_ms();
  if (done < last_done_) {  // the next transfer
    start_ms_ = -1;
    finished_ = false;
  }
  last_done_ = done;
  const bool first = start_ms_ < 0;
  if (first) {
    start_ms_ = now;
    start_done_ = done;
  }
  const bool complete = total > 0 && done >= total;
  if (finished_ || (!first && !complete && now - last_ms_ < interval_ms_)) return;
  finished_ = complete;
  last_ms_ = now;
  const double elapsed_s = static_cast<double>(now - start_ms_) / 1000.0;
  const double sent = static_cast<double>(done - std::min(done, start_done_));
  sink_(format_progress(done, total, elapsed_s > 0 ? sent / elapsed_s : 0.0), complete);
}

}  // namespace lmp
