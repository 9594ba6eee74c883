#include "core/store/sqlite_post_store.hpp"

#include <algorithm>

#include "core/store/json_columns.hpp"

namespace lmp {

namespace {

constexpr const char *kPostColumns =
    "id, created_at_ms, updated_at_ms, status, scheduled_at_ms, body_json, result_json, "
    "errors_json, api_key, lease_owner, lease_until_ms";

constexpr int kMaxPage = 500;

std::optional<std::string> error_column(const std::optional<Error> &error) {
  if (!error) return std::nullopt;
  return boost::json::serialize(error->to_json());
}

std::optional<std::string> rate_limit_column(const std::optional<RateLimit> &rate_limit) {
  if (!rate_limit) return std::nullopt;
  return boost::json::serialize(rate_limit->to_json());
}

// Binds the mutable fields of a target to parameters 1..11, in the order of both the INSERT and
// the UPDATE below.
void bind_target_state(Statement &st, const TargetRecord &t, int64_t now_ms) {
  st.bind_text(1, t.status)
      .bind_text(2, t.step)
      .bind_optional_text(3, t.platform_post_id)
      .bind_optional_text(4, t.url)
      .bind_optional_text(5, error_column(t.error))
      .bind_optional_text(6, errors_column(t.errors))
      .bind_int64(7, t.late ? 1 : 0)
      .bind_optional_text(8, rate_limit_column(t.rate_limit))
      .bind_int64(9, t.attempts)
      .bind_optional_int64(10, t.next_attempt_at_ms)
      .bind_int64(11, now_ms);
}

}  // namespace

void SqlitePostStore::insert(const PostRecord &post) {
  // Grouped: under load (the API's enqueue path) concurrent inserts share one commit.
  group_.run([&] { insert_rows(post); });
}

void SqlitePostStore::insert_rows(const PostRecord &post) {
  Statement p(db_,
              "INSERT INTO posts (id, created_at_ms, updated_at_ms, status, scheduled_at_ms, "
              "body_json, result_json, errors_json, api_key, lease_owner, lease_until_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  p.bind_text(1, post.id)
      .bind_int64(2, post.created_at_ms)
      .bind_int64(3, post.updated_at_ms)
      .bind_text(4, post.status)
      .bind_optional_int64(5, post.scheduled_at_ms)
      .bind_text(6, boost::json::serialize(post.body))
      .bind_optional_text(7, json_column(post.result))
      .bind_optional_text(8, errors_column(post.errors))
      .bind_optional_text(9, post.api_key)
      .bind_optional_text(10, post.lease_owner)
      .bind_optional_int64(11, post.lease_until_ms)
      .run();
  Statement t(db_,
              "INSERT INTO targets (status, step, platform_post_id, url, error_json, errors_json, "
              "late, rate_limit_json, attempts, next_attempt_at_ms, updated_at_ms, post_id, idx, "
              "platform, account_id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  for (const TargetRecord &target : post.targets) {
    bind_target_state(t, target, post.updated_at_ms);
    t.bind_text(12, post.id)
        .bind_int64(13, target.index)
        .bind_text(14, target.platform)
        .bind_text(15, target.account_id)
        .run();
    t.reset();
  }
}

bool SqlitePostStore::update_target(const std::string &post_id, const TargetRecord &target,
                                    int64_t now_ms) {
  Transaction tx(db_);
  Statement t(db_,
              "UPDATE targets SET status = ?1, step = ?2, platform_post_id = ?3, url = ?4, "
              "error_json = ?5, errors_json = ?6, late = ?7, rate_limit_json = ?8, "
              "attempts = ?9, next_attempt_at_ms = ?10, updated_at_ms = ?11 "
              "WHERE post_id = ?12 AND idx = ?13");
  bind_target_state(t, target, now_ms);
  t.bind_text(12, post_id).bind_int64(13, target.index).run();
  if (db_.changes() == 0) return false;
  Statement p(db_, "UPDATE posts SET updated_at_ms = ?1 WHERE id = ?2");
  p.bind_int64(1, now_ms).bind_text(2, post_id).run();
  tx.commit();
  return true;
}

bool SqlitePostStore::cancel(const std::string &post_id, int64_t now_ms) {
  Transaction tx(db_);
  // The status test is in the UPDATE itself: a scheduler claiming the post at the same moment
  // either finds it cancelled or makes this a no-op.
  Statement st(db_,
               "UPDATE posts SET status = 'cancelled', updated_at_ms = ?1 "
               "WHERE id = ?2 AND status = 'scheduled'");
  st.bind_int64(1, now_ms).bind_text(2, post_id).run();
  if (db_.changes() == 0) return false;
  Statement t(db_,
              "UPDATE targets SET status = 'cancelled', step = 'cancelled', updated_at_ms = ?1 "
              "WHERE post_id = ?2");
  t.bind_int64(1, now_ms).bind_text(2, post_id).run();
  tx.commit();
  return true;
}

bool SqlitePostStore::set_result(const PostResult &result, int64_t now_ms) {
  Transaction tx(db_);
  Statement st(db_,
               "UPDATE posts SET status = ?1, result_json = ?2, errors_json = ?3, "
               "updated_at_ms = ?4, lease_owner = NULL, lease_until_ms = NULL WHERE id = ?5");
  st.bind_text(1, result.status)
      .bind_text(2, boost::json::serialize(result.to_json()))
      .bind_optional_text(3, errors_column(result.errors))
      .bind_int64(4, now_ms)
      .bind_text(5, result.id)
      .run();
  bool found = db_.changes() > 0;
  tx.commit();
  return found;
}

bool SqlitePostStore::reschedule(const std::string &post_id, const boost::json::value &body,
                                 int64_t scheduled_at_ms, int64_t now_ms) {
  Transaction tx(db_);
  Statement st(db_,
               "UPDATE posts SET body_json = ?1, scheduled_at_ms = ?2, updated_at_ms = ?3 "
               "WHERE id = ?4 AND status = 'scheduled'");
  st.bind_text(1, boost::json::serialize(body))
      .bind_int64(2, scheduled_at_ms)
      .bind_int64(3, now_ms)
      .bind_text(4, post_id)
      .run();
  bool found = db_.changes() > 0;
  tx.commit();
  return found;
}

std::vector<std::pair<std::string, int64_t>> SqlitePostStore::count_by_status() {
  auto held = db_.lock();
  Statement st(db_, "SELECT status, COUNT(*) FROM posts GROUP BY status ORDER BY status");
  std::vector<std::pair<std::string, int64_t>> counts;
  while (st.step()) counts.emplace_back(st.column_text(0), st.column_int64(1));
  return counts;
}

std::optional<PostRecord> SqlitePostStore::get(const std::string &id) {
  auto held = db_.lock();
  Statement st(db_, std::string("SELECT ") + kPostColumns + " FROM posts WHERE id = ?1");
  st.bind_text(1, id);
  if (!st.step()) return std::nullopt;
  PostRecord post = read_post(st);
  post.targets = read_targets(post.id);
  return post;
}

PostPage SqlitePostStore::list(const PostQuery &query) {
  int limit = std::clamp(query.limit, 1, kMaxPage);
  auto held = db_.lock();
  Statement st(db_, std::string("SELECT ") + kPostColumns +
                        " FROM posts WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR id < ?2)"
                        " AND (?4 IS NULL OR api_key = ?4) ORDER BY id DESC LIMIT ?3");
  // One row more than asked tells whether another page follows.
  st.bind_optional_text(1, query.status)
      .bind_optional_text(2, query.cursor)
      .bind_int64(3, limit + 1)
      .bind_optional_text(4, query.api_key);
  PostPage page;
  page.posts = read_posts(st);
  if (static_cast<int>(page.posts.size()) > limit) {
    page.posts.pop_back();
    page.next_cursor = page.posts.back().id;
  }
  return page;
}

std::optional<PostRecord> SqlitePostStore::claim_next(
    int64_t now_ms, const std::string &owner, int64_t lease_until_ms,
    const std::function<bool(const std::string &owner)> &is_gone) {
  Transaction tx(db_);
  std::optional<std::string> id;
  {
    Statement due(db_,
                  "SELECT id FROM posts WHERE status = 'scheduled' AND scheduled_at_ms <= ?1 "
                  "AND (lease_until_ms IS NULL OR lease_until_ms < ?1) "
                  "ORDER BY scheduled_at_ms, id LIMIT 1");
    due.bind_int64(1, now_ms);
    if (due.step()) id = due.column_text(0);
  }
  if (!id) {
    // Driven by the partial index targets_unfinished (its exact condition is repeated so SQLite
    // uses it): serve runs this every poll, and scanning every post ever made would grow with
    // history.
    Statement unfinished(db_,
                         "SELECT DISTINCT p.id, p.lease_owner, p.lease_until_ms FROM targets t "
                         "JOIN posts p ON p.id = t.post_id "
                         "WHERE t.step NOT IN ('published', 'failed') "
                         "AND t.step IN ('queued', 'preflighted', 'uploading', 'publishing') "
                         "AND (t.next_attempt_at_ms IS NULL OR t.next_attempt_at_ms <= ?1) "
                         "AND p.status != 'scheduled' ORDER BY p.id");
    unfinished.bind_int64(1, now_ms);
    while (!id && unfinished.step()) {
      const auto holder = unfinished.column_optional_text(1);
      const auto until = unfinished.column_optional_int64(2);
      if (!holder || !until || *until < now_ms || is_gone(*holder)) {
        id = unfinished.column_text(0);
      }
    }
  }
  if (!id) return std::nullopt;
  Statement lease(db_,
                  "UPDATE posts SET lease_owner = ?1, lease_until_ms = ?2, updated_at_ms = ?3, "
                  "status = CASE status WHEN 'scheduled' THEN 'queued' ELSE status END "
                  "WHERE id = ?4");
  lease.bind_text(1, owner).bind_int64(2, lease_until_ms).bind_int64(3, now_ms).bind_text(4, *id);
  lease.run();
  Statement targets(db_,
                    "UPDATE targets SET status = 'queued', step = 'queued', updated_at_ms = ?1 "
                    "WHERE post_id = ?2 AND step = 'scheduled'");
  targets.bind_int64(1, now_ms).bind_text(2, *id).run();
  std::optional<PostRecord> post = get(*id);
  tx.commit();
  return post;
}

bool SqlitePostStore::renew_lease(const std::string &post_id, const std::string &owner,
                                  int64_t lease_until_ms) {
  auto held = db_.lock();
  Statement st(db_, "UPDATE posts SET lease_until_ms = ?1 WHERE id = ?2 AND lease_owner = ?3");
  st.bind_int64(1, lease_until_ms).bind_text(2, post_id).bind_text(3, owner).run();
  return db_.changes() > 0;
}

std::optional<PostRecord> SqlitePostStore::requeue_failed(
    const std::string &post_id, int64_t now_ms, const std::string &owner, int64_t lease_until_ms,
    const std::function<bool(const std::string &owner)> &is_gone) {
  Transaction tx(db_);
  {
    Statement holder(db_, "SELECT lease_owner, lease_until_ms FROM posts WHERE id = ?1");
    holder.bind_text(1, post_id);
    if (!holder.step()) return std::nullopt;
    const auto who = holder.column_optional_text(0);
    const auto until = holder.column_optional_int64(1);
    if (who && until && *until >= now_ms && !is_gone(*who)) return std::nullopt;
  }
  // A failed target goes back as "publishing" with its updated_at_ms kept: its create may have
  // happened (a reply lost after the retries), so resume looks for it before creating again.
  Statement targets(db_,
                    "UPDATE targets SET status = 'queued', "
                    "step = CASE step WHEN 'failed' THEN 'publishing' ELSE step END, "
                    "error_json = NULL, errors_json = NULL, attempts = 0, "
                    "next_attempt_at_ms = NULL "
                    "WHERE post_id = ?1 AND (step = 'failed' OR status = 'retrying')");
  targets.bind_text(1, post_id).run();
  if (db_.changes() == 0) return std::nullopt;
  Statement post(db_,
                 "UPDATE posts SET status = 'queued', lease_owner = ?1, lease_until_ms = ?2, "
                 "updated_at_ms = ?3 WHERE id = ?4");
  post.bind_text(1, owner)
      .bind_int64(2, lease_until_ms)
      .bind_int64(3, now_ms)
      .bind_text(4, post_id);
  post.run();
  std::optional<PostRecord> rec = get(post_id);
  tx.commit();
  return rec;
}

std::vector<PostRecord> SqlitePostStore::read_posts(Statement &st) {
  std::vector<PostRecord> posts;
  while (st.step()) posts.push_back(read_post(st));
  for (PostRecord &post : posts) post.targets = read_targets(post.id);
  return posts;
}

PostRecord SqlitePostStore::read_post(Statement &st) {
  PostRecord post;
  post.id = st.column_text(0);
  post.created_at_ms = st.column_int64(1);
  post.updated_at_ms = st.column_int64(2);
  post.status = st.column_text(3);
  post.scheduled_at_ms = st.column_optional_int64(4);
  post.body = read_json_column(db_, st.column_text(5), "posts.body_json");
  post.result = read_json_column(db_, st.column_optional_text(6), "posts.result_json");
  post.errors = read_errors_column(db_, st.column_optional_text(7), "posts.errors_json");
  post.api_key = st.column_optional_text(8);
  post.lease_owner = st.column_optional_text(9);
  post.lease_until_ms = st.column_optional_int64(10);
  return post;
}

std::vector<TargetRecord> SqlitePostStore::read_targets(const std::string &post_id) {
  Statement st(db_,
               "SELECT idx, platform, account_id, status, step, platform_post_id, url, "
               "error_json, errors_json, late, rate_limit_json, attempts, next_attempt_at_ms, "
               "updated_at_ms FROM targets WHERE post_id = ?1 ORDER BY idx");
  st.bind_text(1, post_id);
  std::vector<TargetRecord> targets;
  while (st.step()) {
    TargetRecord t;
    t.index = static_cast<int>(st.column_int64(0));
    t.platform = st.column_text(1);
    t.account_id = st.column_text(2);
    t.status = st.column_text(3);
    t.step = st.column_text(4);
    t.platform_post_id = st.column_optional_text(5);
    t.url = st.column_optional_text(6);
    boost::json::value error =
        read_json_column(db_, st.column_optional_text(7), "targets.error_json");
    if (!error.is_null()) t.error = Error::from_json(error);
    t.errors = read_errors_column(db_, st.column_optional_text(8), "targets.errors_json");
    t.late = st.column_int64(9) != 0;
    t.rate_limit = RateLimit::from_json(
        read_json_column(db_, st.column_optional_text(10), "targets.rate_limit_json"));
    t.attempts = st.column_int64(11);
    t.next_attempt_at_ms = st.column_optional_int64(12);
    t.updated_at_ms = st.column_int64(13);
    targets.push_back(std::move(t));
  }
  return targets;
}

}  // namespace lmp
