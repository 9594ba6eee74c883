// `letmepost plugins`: the adapters that loaded and the files that were refused.
#include <spdlog/spdlog.h>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"

namespace lmp::cli {

namespace json = boost::json;

json::object describe_adapter(const LoadedAdapter &a) {
  json::array platforms;
  for (const auto &p : a.platforms()) platforms.emplace_back(p);
  const auto &d = a.description();
  auto caps = d.find("capabilities");
  return json::object{{"name", a.name()},
                      {"version", a.version()},
                      {"platforms", std::move(platforms)},
                      {"abi", a.abi()},
                      {"capabilities", caps != d.end() ? caps->value() : json::object()},
                      {"file", a.file().string()}};
}

json::array refused_plugins(const Registry &r) {
  json::array refused;
  for (const auto &f : r.refused()) {
    spdlog::warn("plugin refused: {} ({})", f.error.message, f.error.code);
    refused.push_back(json::object{{"file", f.file.string()}, {"error", f.error.to_json()}});
  }
  return refused;
}

int run_plugins(Context &ctx, const std::vector<std::string> &args) {
  if (!args.empty()) throw UsageError{"plugins takes no arguments"};
  Registry &r = ctx.registry();
  json::array adapters;
  for (const auto &a : r.adapters()) adapters.push_back(describe_adapter(*a));
  print_json(json::object{{"adapters", std::move(adapters)}, {"refused", refused_plugins(r)}});
  return r.refused().empty() ? kExitOk : kExitUsage;
}

}  // namespace lmp::cli
