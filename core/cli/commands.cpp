#include "core/cli/command.hpp"

namespace lmp::cli {

int run_plugins(Context &, const std::vector<std::string> &);
int run_config_check(Context &, const std::vector<std::string> &);
int run_preflight(Context &, const std::vector<std::string> &);
int run_post(Context &, const std::vector<std::string> &);

const std::vector<Command> &commands() {
  static const std::vector<Command> table = {
      {{"plugins"},
       "List loaded adapters and refused plugin files.",
       "letmepost plugins\n\nPrints {\"adapters\": [...], \"refused\": [...]}. Exit 2 when a "
       "plugin was refused.",
       &run_plugins},
      {{"config", "check"},
       "Load the config and the plugins; check every account.",
       "letmepost [--config FILE] config check\n\nExit 0 when the config, every plugin and "
       "every account are fine, 2 otherwise.",
       &run_config_check},
      {{"preflight"},
       "Check a post without publishing anything.",
       "letmepost [--config FILE] preflight POST.json|-\n\nPrints {\"ok\", \"errors\", "
       "\"targets\"} with every problem. Exit 0 when ok, 1 when not.",
       &run_preflight},
      {{"post"},
       "Preflight, upload and publish a post (or schedule it).",
       "letmepost [--config FILE] post POST.json|-\n\nPrints the result. Exit 0 when every "
       "target is published or scheduled, 1 otherwise.",
       &run_post},
  };
  return table;
}

}  // namespace lmp::cli
