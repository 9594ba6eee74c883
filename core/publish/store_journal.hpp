// The publish journal kept in the state database.
#pragma once

#include "core/publish/journal.hpp"
#include "core/services/clock.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Records posts and each target step through a PostStore, stamped by the host clock.
class StoreJournal : public PublishJournal {
 public:
  explicit StoreJournal(PostStore &posts) : posts_(posts) {}
  void begin(const Post *post, const std::string &body_json, const PostResult &result) override;
  void step(const std::string &post_id, size_t target, const std::string &step,
            const TargetResult &result) override;
  void finish(const PostResult &result) override;

 private:
  PostStore &posts_;
};

}  // namespace lmp
