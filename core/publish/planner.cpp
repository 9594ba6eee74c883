#include "core/publish/planner.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

std::string account_field(const Post &post, size_t i) {
  return post.targets[i].account_from_top_level ? "accountId"
                                                : "targets[" + std::to_string(i) + "].accountId";
}

}  // namespace

std::vector<PlannedTarget> plan_targets(const Post &post, const Config &config,
                                        const Registry &registry, const CredentialAccess &creds,
                                        const MediaSources &media) {
  std::vector<PlannedTarget> out;
  for (size_t i = 0; i < post.targets.size(); ++i) {
    const Target &t = post.targets[i];
    PlannedTarget pt;
    pt.plan.index = i;
    pt.plan.adapter = registry.for_platform(t.platform);
    pt.plan.account = config.find_account(t.account_id);
    if (!pt.plan.adapter) {
      pt.errors.push_back(make_error(
          "plugin.no_adapter",
          "No loaded adapter serves platform '" + t.platform + "' (see `letmepost plugins`).",
          "targets[" + std::to_string(i) + "].platform"));
    }
    if (!pt.plan.account) {
      pt.errors.push_back(make_error("validation.unknown_account",
                                     "No account '" + t.account_id + "' in the config.",
                                     account_field(post, i)));
    } else if (pt.plan.account->platform != t.platform) {
      pt.errors.push_back(make_error("validation.account_platform_mismatch",
                                     "Account '" + t.account_id + "' is a " +
                                         pt.plan.account->platform + " account, not " + t.platform +
                                         ".",
                                     account_field(post, i)));
    }
    if (!pt.errors.empty()) {
      out.push_back(std::move(pt));
      continue;
    }
    pt.plan.options = merge_options(post, t.platform);
    PreparedMedia prepared = prepare_media(post, pt.plan.adapter->description(), media);
    pt.plan.media = std::move(prepared.items);
    pt.errors = std::move(prepared.errors);
    const AccountConfig *account = pt.plan.account;
    pt.plan.credentials = creds.load ? creds.load(*account) : json::object();
    if (creds.save) {
      pt.plan.save_credentials = [save = creds.save, account](const json::object &c) {
        return save(*account, c);
      };
    }
    out.push_back(std::move(pt));
  }
  return out;
}

}  // namespace lmp
