// The documents letmepost answers with (interfaces.md, "The result (output)"): a post's result,
// per target, and the preflight report.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/error.hpp"

namespace lmp {

// A platform's rate-limit state as last seen for an account.
struct RateLimit {
  int64_t limit = 0;
  int64_t remaining = 0;
  std::string reset_at;  // RFC 3339, UTC

  // {"limit", "remaining", "resetAt"}
  boost::json::object to_json() const;
  // Reads what to_json writes; nullopt when `v` is not such an object.
  static std::optional<RateLimit> from_json(const boost::json::value &v);
};

// The outcome for one target of a post.
struct TargetResult {
  std::string platform;
  std::string account_id;
  std::string status;              // published | scheduled | failed | queued | publishing | ...
  std::optional<std::string> id;   // the platform's id of what was published
  std::optional<std::string> url;  // where it can be seen
  std::optional<Error> error;      // what stopped this target, when it failed
  std::vector<Error> errors;       // every preflight problem, when preflight stopped it
  bool late = false;               // a scheduled post published after its time
  std::optional<RateLimit> rate_limit;
  int64_t attempts = 0;  // attempts the scheduler made that ended in a retryable failure
  std::optional<int64_t> next_attempt_at_ms;  // when status is "retrying": the next attempt

  // {"platform", "accountId", "status", "id", "url", "error", "errors", "late", "rateLimit"}:
  // every key present; id, url, error and rateLimit are null when unset. A target awaiting a
  // retry also has "attempts" and "nextAttemptAt" (RFC 3339).
  boost::json::object to_json() const;
  // Reads what to_json writes (missing optional keys allowed); nullopt when `v` is not an object,
  // lacks platform, accountId or status, or has a key of the wrong type.
  static std::optional<TargetResult> from_json(const boost::json::value &v);
};

// The result of a post.
struct PostResult {
  std::string id;      // "post_..."
  std::string status;  // overall_status(targets), or failed before any target ran
  std::vector<TargetResult> targets;
  std::vector<Error> errors;  // post-level problems

  // {"id", "status", "targets", "errors"}: exactly interfaces.md's result shape.
  boost::json::object to_json() const;
  // Reads what to_json writes; nullopt when `v` is not an object, lacks id or status, or has a key
  // (or a target) of the wrong type.
  static std::optional<PostResult> from_json(const boost::json::value &v);
};

// The post's status from its targets':
// - no targets, or every target failed: "failed";
// - some target awaits a retry: "retrying" (the post is not settled yet);
// - every target has the same status: that status ("published", "scheduled", "queued", ...);
// - some failed and some did not: "partial";
// - otherwise (mixed, none failed) the least advanced one, in the order scheduled, queued,
//   publishing, published; a status outside that list counts as least advanced. So a post with
//   published and scheduled targets is "scheduled": part of it is still waiting for its time.
std::string overall_status(const std::vector<TargetResult> &targets);

// Preflight's findings for one target: the adapter's platform checks.
struct PreflightTarget {
  std::string platform;
  std::string account_id;
  std::vector<Error> errors;

  // Whether this target would be accepted.
  bool ok() const { return errors.empty(); }
};

// The preflight document (also the HTTP API's 422 body).
struct PreflightReport {
  std::vector<Error> errors;  // post-level problems (validation.*)
  std::vector<PreflightTarget> targets;

  // Whether the post has no problem at all, at the top or on any target.
  bool ok() const;
  // {"ok", "errors", "targets": [{"platform", "accountId", "ok", "errors"}]}
  boost::json::object to_json() const;
};

// A JSON array of the errors' inner objects.
boost::json::array errors_to_json(const std::vector<Error> &errors);

}  // namespace lmp
