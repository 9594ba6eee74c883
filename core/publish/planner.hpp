// Turns a post into one plan per target: the account from the config, the adapter serving its
// platform, the options merged for it, its prepared media and its credentials. Whatever stops a
// target here becomes that target's errors, with fields where the user wrote them.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/model/post.hpp"
#include "core/plugins/registry.hpp"
#include "core/publish/media_prep.hpp"
#include "core/publish/target_call.hpp"

namespace lmp {

// Where credentials come from and go to (the state database in the CLI and the server).
struct CredentialAccess {
  // The account's current credentials (YAML-seeded, database-kept).
  std::function<boost::json::object(const AccountConfig &)> load;
  // Persists refreshed credentials; false when they could not be stored.
  std::function<bool(const AccountConfig &, const boost::json::object &)> save;
};

// A target's plan, or the problems that keep it from being one.
struct PlannedTarget {
  TargetPlan plan;
  std::vector<Error> errors;  // non-empty: the target cannot be preflighted
};

// Plans every target of post, preparing its media from `media`.
std::vector<PlannedTarget> plan_targets(const Post &post, const Config &config,
                                        const Registry &registry, const CredentialAccess &creds,
                                        const MediaSources &media);

}  // namespace lmp
