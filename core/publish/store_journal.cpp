#include "core/publish/store_journal.hpp"

#include <chrono>

#include "core/publish/lease.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

TargetRecord record_of(size_t index, const std::string &step, const TargetResult &r) {
  TargetRecord t;
  t.index = static_cast<int>(index);
  t.platform = r.platform;
  t.account_id = r.account_id;
  t.status = r.status;
  t.step = step;
  t.platform_post_id = r.id;
  t.url = r.url;
  t.error = r.error;
  t.errors = r.errors;
  t.late = r.late;
  t.rate_limit = r.rate_limit;
  t.attempts = r.attempts;
  t.next_attempt_at_ms = r.next_attempt_at_ms;
  return t;
}

}  // namespace

void StoreJournal::begin(const Post *post, const std::string &body_json, const PostResult &result,
                         const std::string &api_key) {
  PostRecord rec;
  rec.id = result.id;
  rec.created_at_ms = rec.updated_at_ms = host_clock().now_unix_ms();
  rec.status = result.status;
  if (!api_key.empty()) rec.api_key = api_key;
  if (rec.status != "scheduled" && rec.status != "failed") {
    rec.lease_owner = process_lease_owner();
    rec.lease_until_ms = rec.created_at_ms + lease_ms_;
  }
  if (post && post->scheduled_at) {
    rec.scheduled_at_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              post->scheduled_at->time_since_epoch())
                              .count();
  }
  json::error_code ec;
  rec.body = json::parse(body_json, ec);
  if (ec) rec.body = json::string(body_json);  // kept as written, so nothing is lost
  rec.errors = result.errors;
  for (size_t i = 0; i < result.targets.size(); ++i) {
    rec.targets.push_back(record_of(i, result.targets[i].status, result.targets[i]));
  }
  posts_.insert(rec);
}

void StoreJournal::step(const std::string &post_id, size_t target, const std::string &step,
                        const TargetResult &result) {
  posts_.update_target(post_id, record_of(target, step, result), host_clock().now_unix_ms());
}

void StoreJournal::finish(const PostResult &result) {
  posts_.set_result(result, host_clock().now_unix_ms());
}

}  // namespace lmp
