// `letmepost boards ACCOUNT [--refresh]`: where the account may post (boards and sections), from
// the adapter's cache unless --refresh.
#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/publish/account_call.hpp"

namespace lmp::cli {

namespace json = boost::json;

// The account and the adapter serving it, or a usage error naming what is missing.
std::pair<const AccountConfig *, LoadedAdapter *> account_and_adapter(Context &ctx,
                                                                      const std::string &id) {
  const AccountConfig *account = ctx.config().find_account(id);
  if (!account) throw UsageError{"no account '" + id + "' in the config"};
  LoadedAdapter *adapter = ctx.registry().for_platform(account->platform);
  if (!adapter) {
    throw UsageError{"no loaded adapter serves platform '" + account->platform +
                     "' (see letmepost plugins)"};
  }
  return {account, adapter};
}

int run_boards(Context &ctx, const std::vector<std::string> &args) {
  std::string id;
  bool refresh = false;
  for (const auto &a : args) {
    if (a == "--refresh") {
      refresh = true;
    } else if (id.empty() && a.rfind("--", 0) != 0) {
      id = a;
    } else {
      throw UsageError{"unexpected argument '" + a + "'"};
    }
  }
  if (id.empty()) throw UsageError{"boards needs an ACCOUNT"};
  auto [account, adapter] = account_and_adapter(ctx, id);
  CallOutcome out =
      call_account(Operation::kListDestinations, *account, *adapter, ctx.credential_access(),
                   ctx.stateful_services(), ctx.config().allow_private_addresses,
                   json::object{{"refresh", refresh}});
  if (!out.ok()) {
    print_error(*out.error);
    return kExitFailed;
  }
  json::object doc{{"accountId", account->id}, {"platform", account->platform}};
  if (const json::object *r = out.result.if_object()) {
    for (const auto &[k, v] : *r) doc[k] = v;
  }
  print_json(doc);
  return kExitOk;
}

}  // namespace lmp::cli
