#include "core/schedule/due_pass.hpp"

#include "core/publish/lease.hpp"
#include "core/services/clock.hpp"

namespace lmp {

std::vector<PostResult> run_due_pass(PostStore &posts, Publisher &publisher, const Config &config,
                                     const std::atomic<bool> *stop) {
  const std::string owner = process_lease_owner();
  std::vector<PostResult> results;
  while (!stop || !*stop) {
    const int64_t now = host_clock().now_unix_ms();
    std::optional<PostRecord> post =
        posts.claim_next(now, owner, now + config.scheduler_lease_s * 1000, lease_owner_is_gone);
    if (!post) break;
    // A retry is late only if its first attempt was (the flag kept on its targets).
    const bool late = post->status != "retrying" && post->scheduled_at_ms &&
                      now - *post->scheduled_at_ms > config.scheduler_late_after_s * 1000;
    results.push_back(publisher.resume(*post, late, true));
  }
  return results;
}

}  // namespace lmp
