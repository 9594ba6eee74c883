#include "core/server/post_documents.hpp"

#include <chrono>

#include "core/model/time.hpp"

namespace lmp::server {

namespace json = boost::json;

json::object post_document(const PostRecord &post) {
  json::object doc = post.to_result().to_json();
  doc["post"] = post.body;
  doc["createdAt"] = format_rfc3339_ms(TimePoint(std::chrono::milliseconds(post.created_at_ms)));
  if (post.scheduled_at_ms) {
    doc["scheduledAt"] =
        format_rfc3339_ms(TimePoint(std::chrono::milliseconds(*post.scheduled_at_ms)));
  } else {
    doc["scheduledAt"] = nullptr;
  }
  return doc;
}

PreflightReport report_from(const PostResult &result) {
  PreflightReport report;
  report.errors = result.errors;
  for (const TargetResult &t : result.targets) {
    PreflightTarget pt{t.platform, t.account_id, t.errors};
    if (pt.errors.empty() && t.error) pt.errors.push_back(*t.error);
    report.targets.push_back(std::move(pt));
  }
  return report;
}

bool failed_preflight(const PostResult &result) {
  if (result.status != "failed") return false;
  if (!result.errors.empty()) return true;
  for (const TargetResult &t : result.targets) {
    if (!t.errors.empty()) return true;
  }
  return false;
}

json::object preflight_failure(const PreflightReport &report, const std::string &post_id) {
  json::object doc = report.to_json();
  doc["error"] = make_error("api.preflight_failed",
                            "The post failed preflight; nothing was published. See errors and "
                            "targets[].errors.")
                     .to_json();
  if (!post_id.empty()) doc["id"] = post_id;
  return doc;
}

std::vector<Error> foreign_accounts(const Post &post, const ApiKeyConfig &key) {
  std::vector<Error> errors;
  for (size_t i = 0; i < post.targets.size(); ++i) {
    const Target &t = post.targets[i];
    if (key_allows(key, t.account_id)) continue;
    errors.push_back(make_error(
        "validation.unknown_account", "No account '" + t.account_id + "' in the config.",
        t.account_from_top_level ? "accountId" : "targets[" + std::to_string(i) + "].accountId"));
  }
  return errors;
}

}  // namespace lmp::server
