#include "core/server/metrics.hpp"

#include <sstream>

namespace lmp::server {

namespace {

// A label value with \, " and newlines escaped as the text format requires.
std::string label(const std::string &v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return '"' + out + '"';
}

}  // namespace

void Metrics::count_request(const std::string &method, const std::string &route, int status) {
  const std::string key = "method=" + label(method) + ",route=" + label(route) +
                          ",status=" + label(std::to_string(status));
  std::lock_guard lock(mu_);
  ++requests_[key];
}

void Metrics::record_publish(const PostResult &result, double seconds) {
  std::lock_guard lock(mu_);
  ++latency_count_;
  latency_sum_ += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++latency_buckets_[i];
  }
  for (const TargetResult &t : result.targets) {
    if (t.status == "failed" && t.error) ++platform_errors_[t.error->code];
    if (t.rate_limit) {
      rate_limit_remaining_["platform=" + label(t.platform) + ",account=" + label(t.account_id)] =
          t.rate_limit->remaining;
    }
  }
}

std::string Metrics::render(PostStore &posts) const {
  std::ostringstream out;
  out << "# HELP lmp_posts Posts in the state database by status.\n# TYPE lmp_posts gauge\n";
  int64_t scheduled = 0;
  for (const auto &[status, n] : posts.count_by_status()) {
    out << "lmp_posts{status=" << label(status) << "} " << n << '\n';
    if (status == "scheduled") scheduled = n;
  }
  out << "# HELP lmp_queue_depth Scheduled posts waiting for their time.\n"
         "# TYPE lmp_queue_depth gauge\nlmp_queue_depth "
      << scheduled << '\n';
  std::lock_guard lock(mu_);
  out << "# HELP lmp_publish_duration_seconds Time to publish a post through the API.\n"
         "# TYPE lmp_publish_duration_seconds histogram\n";
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    out << "lmp_publish_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} "
        << latency_buckets_[i] << '\n';
  }
  out << "lmp_publish_duration_seconds_bucket{le=\"+Inf\"} " << latency_count_ << '\n'
      << "lmp_publish_duration_seconds_sum " << latency_sum_ << '\n'
      << "lmp_publish_duration_seconds_count " << latency_count_ << '\n';
  out << "# HELP lmp_platform_errors_total Failed targets by error code.\n"
         "# TYPE lmp_platform_errors_total counter\n";
  for (const auto &[code, n] : platform_errors_) {
    out << "lmp_platform_errors_total{code=" << label(code) << "} " << n << '\n';
  }
  out << "# HELP lmp_rate_limit_remaining Requests left in the platform's window, as last "
         "reported.\n# TYPE lmp_rate_limit_remaining gauge\n";
  for (const auto &[labels, n] : rate_limit_remaining_) {
    out << "lmp_rate_limit_remaining{" << labels << "} " << n << '\n';
  }
  out << "# HELP lmp_http_requests_total API requests answered.\n"
         "# TYPE lmp_http_requests_total counter\n";
  for (const auto &[labels, n] : requests_) {
    out << "lmp_http_requests_total{" << labels << "} " << n << '\n';
  }
  return out.str();
}

}  // namespace lmp::server
