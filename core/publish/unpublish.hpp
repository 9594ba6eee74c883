// Removing a post's published targets from their platforms (`posts delete`, and
// DELETE /v1/posts/{id}?unpublish=true).
#pragma once

#include "core/config/config.hpp"
#include "core/plugins/registry.hpp"
#include "core/publish/planner.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Asks each published target's adapter to delete what it published (delete_post) and records
// the outcome in `posts`: a removed target becomes status and step "deleted"; one that could not
// be removed keeps its status and gets the error (plugin.no_adapter or
// validation.unknown_account when its adapter or account is gone). Returns whether every
// published target was removed. `post` is updated to match what was recorded.
bool unpublish(PostRecord &post, const Config &config, Registry &registry,
               const CredentialAccess &creds, const HostServices &services, PostStore &posts);

}  // namespace lmp
