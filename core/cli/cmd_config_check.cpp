// `letmepost config check`: loads the config and the plugins and checks every account.
#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/plugins/describe.hpp"

namespace lmp::cli {

namespace json = boost::json;

namespace {

// The host-side checks of one account: an adapter serves its platform and environment.
json::array account_problems(const AccountConfig &acc, const Registry &r) {
  json::array problems;
  const std::string where = acc.where.to_string() + ": account '" + acc.id + "': ";
  const LoadedAdapter *a = r.for_platform(acc.platform);
  if (!a) {
    problems.push_back(make_error("config.unknown_platform",
                                  where + "no loaded adapter serves platform '" + acc.platform +
                                      "' (see `letmepost plugins`)",
                                  "platform")
                           .to_json());
    return problems;
  }
  const auto &d = a->description();
  if (auto it = d.find("environments"); it != d.end() && it->value().is_array()) {
    const auto &envs = it->value().get_array();
    if (std::find(envs.begin(), envs.end(), json::value(acc.environment)) == envs.end()) {
      problems.push_back(make_error("config.invalid_value",
                                    where + "environment '" + acc.environment +
                                        "' is not one adapter " + a->name() + " supports",
                                    "environment")
                             .to_json());
    }
  }
  return problems;
}

}  // namespace

int run_config_check(Context &ctx, const std::vector<std::string> &args) {
  if (!args.empty()) throw UsageError{"config check takes no arguments"};
  const Config &cfg = ctx.config();
  Registry &r = ctx.registry();
  bool ok = r.refused().empty();
  json::array accounts;
  for (const auto &acc : cfg.accounts) {
    json::array problems = account_problems(acc, r);
    ok = ok && problems.empty();
    const LoadedAdapter *a = r.for_platform(acc.platform);
    accounts.push_back(json::object{{"id", acc.id},
                                    {"platform", acc.platform},
                                    {"environment", acc.environment},
                                    {"adapter", a ? json::value(a->name()) : json::value()},
                                    {"ok", problems.empty()},
                                    {"errors", std::move(problems)}});
  }
  json::array adapters;
  for (const auto &a : r.adapters()) adapters.push_back(describe_adapter(*a));
  print_json(
      json::object{{"ok", ok},
                   {"file", cfg.file.empty() ? json::value() : json::value(cfg.file.string())},
                   {"statePath", cfg.state_path.string()},
                   {"accounts", std::move(accounts)},
                   {"adapters", std::move(adapters)},
                   {"refused", refused_plugins(r)}});
  return ok ? kExitOk : kExitUsage;
}

}  // namespace lmp::cli
