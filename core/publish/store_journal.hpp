// The publish journal kept in the state database.
#pragma once

#include <cstdint>

#include "core/publish/journal.hpp"
#include "core/services/clock.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Records posts and each target step through a PostStore, stamped by the host clock. A post
// published now is recorded held by this process for lease_ms (see PostStore::claim_next), so
// no scheduler takes it up while this process works on it.
class StoreJournal : public PublishJournal {
 public:
  explicit StoreJournal(PostStore &posts, int64_t lease_ms = 3'600'000)
      : posts_(posts), lease_ms_(lease_ms) {}
  void begin(const Post *post, const std::string &body_json, const PostResult &result,
             const std::string &api_key) override;
  void step(const std::string &post_id, size_t target, const std::string &step,
            const TargetResult &result) override;
  void finish(const PostResult &result) override;

 private:
  PostStore &posts_;
  int64_t lease_ms_;
};

}  // namespace lmp
