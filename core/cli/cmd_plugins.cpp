// `letmepost plugins`: the adapters that loaded and the files that were refused.
#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/plugins/describe.hpp"

namespace lmp::cli {

namespace json = boost::json;

int run_plugins(Context &ctx, const std::vector<std::string> &args) {
  if (!args.empty()) throw UsageError{"plugins takes no arguments"};
  Registry &r = ctx.registry();
  json::array adapters;
  for (const auto &a : r.adapters()) adapters.push_back(describe_adapter(*a));
  print_json(json::object{{"adapters", std::move(adapters)}, {"refused", refused_plugins(r)}});
  return r.refused().empty() ? kExitOk : kExitUsage;
}

}  // namespace lmp::cli
