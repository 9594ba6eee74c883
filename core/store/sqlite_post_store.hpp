// PostStore over a SQLite state database.
#pragma once

#include "core/store/group_commit.hpp"
#include "core/store/sqlite.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Posts and targets in the posts and targets tables (schema v1 and later).
// REQUIRES: `db` is migrated and outlives this object.
class SqlitePostStore : public PostStore {
 public:
  explicit SqlitePostStore(Database &db) : db_(db), group_(db) {}

  void insert(const PostRecord &post) override;
  bool update_target(const std::string &post_id, const TargetRecord &target,
                     int64_t now_ms) override;
  bool cancel(const std::string &post_id, int64_t now_ms) override;
  bool set_result(const PostResult &result, int64_t now_ms) override;
  bool reschedule(const std::string &post_id, const boost::json::value &body,
                  int64_t scheduled_at_ms, int64_t now_ms) override;
  std::vector<std::pair<std::string, int64_t>> count_by_status() override;
  std::optional<PostRecord> get(const std::string &id) override;
  PostPage list(const PostQuery &query) override;
  std::optional<PostRecord> claim_next(
      int64_t now_ms, const std::string &owner, int64_t lease_until_ms,
      const std::function<bool(const std::string &owner)> &is_gone) override;
  bool renew_lease(const std::string &post_id, const std::string &owner,
                   int64_t lease_until_ms) override;
  std::optional<PostRecord> requeue_failed(
      const std::string &post_id, int64_t now_ms, const std::string &owner, int64_t lease_until_ms,
      const std::function<bool(const std::string &owner)> &is_gone) override;

 private:
  // The rows of insert(), inside its transaction.
  void insert_rows(const PostRecord &post);
  PostRecord read_post(Statement &st);
  std::vector<TargetRecord> read_targets(const std::string &post_id);
  std::vector<PostRecord> read_posts(Statement &st);

  Database &db_;
  GroupCommit group_;
};

}  // namespace lmp
