#include "core/publish/unpublish.hpp"

#include "core/publish/account_call.hpp"
#include "core/services/clock.hpp"

namespace lmp {

namespace {

// What deleting one target's post from its platform came to.
std::optional<Error> delete_target(const TargetRecord &t, const Config &config, Registry &registry,
                                   const CredentialAccess &creds, const HostServices &services) {
  const AccountConfig *account = config.find_account(t.account_id);
  if (!account) {
    return make_error("validation.unknown_account",
                      "No account '" + t.account_id + "' in the config.");
  }
  LoadedAdapter *adapter = registry.for_platform(account->platform);
  if (!adapter) {
    return make_error("plugin.no_adapter", "No loaded adapter serves platform '" +
                                               account->platform + "' (see `letmepost plugins`).");
  }
  CallOutcome out = call_account(Operation::kDeletePost, *account, *adapter, creds, services,
                                 config.allow_private_addresses,
                                 boost::json::object{{"id", *t.platform_post_id}});
  return out.error;
}

}  // namespace

bool unpublish(PostRecord &post, const Config &config, Registry &registry,
               const CredentialAccess &creds, const HostServices &services, PostStore &posts) {
  bool ok = true;
  for (TargetRecord &t : post.targets) {
    if (t.status != "published" || !t.platform_post_id) continue;
    if (auto error = delete_target(t, config, registry, creds, services)) {
      ok = false;
      t.error = std::move(error);
    } else {
      t.status = t.step = "deleted";
    }
    posts.update_target(post.id, t, host_clock().now_unix_ms());
  }
  return ok;
}

}  // namespace lmp
