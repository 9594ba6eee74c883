// The JSON the API answers with for posts: the stored post, and the 422 preflight document.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "core/model/post.hpp"
#include "core/model/result.hpp"
#include "core/server/api_keys.hpp"
#include "core/store/records.hpp"

namespace lmp::server {

// The result document of interfaces.md (id, status, targets, errors) plus "post" (as
// submitted), "createdAt" and "scheduledAt" (RFC 3339, null when none).
boost::json::object post_document(const PostRecord &post);

// The preflight document (ok, errors, targets) a failed post's result holds: each target's
// errors, or the error that stopped it.
PreflightReport report_from(const PostResult &result);

// Whether a failed post failed before anything was published: post-level problems, or a
// target stopped by preflight problems.
bool failed_preflight(const PostResult &result);

// The 422 body: the preflight document with "error" (api.preflight_failed) and, when the post
// was recorded, its "id".
boost::json::object preflight_failure(const PreflightReport &report, const std::string &post_id);

// validation.unknown_account for each target whose account `key` may not use, worded as for an
// account that is not configured, so other keys' accounts do not show.
std::vector<Error> foreign_accounts(const Post &post, const ApiKeyConfig &key);

}  // namespace lmp::server
