// Keeps the leases of the posts this process is publishing alive, so a publish that outlasts
// scheduler.lease_s (a long video upload) is not taken over by another host while it runs.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "core/store/store.hpp"

namespace lmp {

class LeaseRenewer {
 public:
  // Renews, as `owner`, every held post's lease to lease_ms from now, every lease_ms / 3 (wall
  // time). REQUIRES: `posts` outlives the renewer.
  LeaseRenewer(PostStore &posts, std::string owner, int64_t lease_ms);
  // Stops renewing (the leases then run out as usual).
  ~LeaseRenewer();
  LeaseRenewer(const LeaseRenewer &) = delete;
  LeaseRenewer &operator=(const LeaseRenewer &) = delete;

  // A post's lease kept alive for as long as the Hold lives (moved, not copied).
  class Hold {
   public:
    Hold() = default;
    Hold(Hold &&other) noexcept;
    Hold &operator=(Hold &&other) noexcept;
    ~Hold();

   private:
    friend class LeaseRenewer;
    Hold(LeaseRenewer *renewer, std::string post_id);
    LeaseRenewer *renewer_ = nullptr;
    std::string post_id_;
  };

  // Keeps `post_id`'s lease alive until the Hold ends. Holding one post twice is allowed.
  Hold hold(const std::string &post_id);

 private:
  void release(const std::string &post_id);
  void loop();

  PostStore &posts_;
  const std::string owner_;
  const int64_t lease_ms_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, int> held_;  // post id -> holds
  bool stopping_ = false;
  std::thread thread_;  // started by the first hold
};

}  // namespace lmp
