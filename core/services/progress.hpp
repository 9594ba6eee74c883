// Transfer progress for people: bytes, rate and time left, reported at a bounded rate so a fast
// upload does not flood a terminal (the CLI) or a client (the HTTP API).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "core/services/clock.hpp"

namespace lmp {

// "12.5 MB / 100.0 MB (12%)  3.2 MB/s  ETA 0:27". Sizes in decimal units (B, kB, MB, GB); the
// rate is bytes_per_s; the ETA is omitted when the rate is 0 and the total unknown (0), in which
// case the line is "12.5 MB  3.2 MB/s".
std::string format_progress(uint64_t done, uint64_t total, double bytes_per_s);

// Turns (done, total) reports into lines for `sink`: a transfer's first report, then at most one
// every `interval_ms` of `clock` time, and always the one where done reaches total (with
// `last` true). The rate is the average since the transfer's first report. A report with less
// done than the one before starts a new transfer (the next file). Transfers of known size below
// `min_total` bytes (API calls, small images) are not shown. Thread-safe; reports of transfers
// running at once (several accounts) share the one line, so read best with one at a time.
class ProgressMeter {
 public:
  using Sink = std::function<void(const std::string &line, bool last)>;
  ProgressMeter(Clock &clock, Sink sink, int64_t interval_ms = 250, uint64_t min_total = 1'000'000);

  // Records that `done` of `total` bytes (0: unknown) have gone.
  void update(uint64_t done, uint64_t total);

 private:
  std::mutex mu_;
  Clock &clock_;
  Sink sink_;
  int64_t interval_ms_;
  uint64_t min_total_;
  int64_t start_ms_ = -1;
  uint64_t start_done_ = 0;
  uint64_t last_done_ = 0;
  int64_t last_ms_ = 0;
  bool finished_ = false;
};

}  // namespace lmp
