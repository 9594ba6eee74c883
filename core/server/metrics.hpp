// What GET /metrics reports (Prometheus text format 0.0.4): counters the API keeps as it
// serves, plus the state database's counts read at each scrape.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "core/model/result.hpp"
#include "core/store/store.hpp"

namespace lmp::server {

// Thread-safe.
class Metrics {
 public:
  // Counts one answered request by method, route pattern and status.
  void count_request(const std::string &method, const std::string &route, int status);
  // Records a post that went through publishing: how long it took, each failed target's error
  // code, and the rate-limit budget each target's account reported.
  void record_publish(const PostResult &result, double seconds);

  // The exposition text: lmp_posts{status}, lmp_queue_depth (scheduled posts),
  // lmp_publish_duration_seconds (histogram), lmp_platform_errors_total{code},
  // lmp_rate_limit_remaining{platform,account} and lmp_http_requests_total.
  std::string render(PostStore &posts) const;

 private:
  static constexpr std::array<double, 8> kBuckets = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

  mutable std::mutex mu_;
  std::map<std::string, int64_t> requests_;  // rendered label set -> count
  std::array<int64_t, kBuckets.size()> latency_buckets_{};
  int64_t latency_count_ = 0;
  double latency_sum_ = 0;
  std::map<std::string, int64_t> platform_errors_;       // code -> count
  std::map<std::string, int64_t> rate_limit_remaining_;  // rendered label set -> remaining
};

}  // namespace lmp::server
