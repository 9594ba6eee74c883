// letmepost: parses the global options, finds the command, runs it, and turns every failure
// into the JSON error and exit code of interfaces.md.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"

namespace {

using lmp::cli::Command;

void print_help() {
  std::printf(
      "letmepost %s: publish one normalized post to social platforms through adapters.\n\n"
      "Usage: letmepost [--config FILE] [--log-level LEVEL] COMMAND [ARGS...]\n"
      "       letmepost --version | --help | COMMAND --help\n\nCommands:\n",
      LMP_VERSION);
  for (const Command &c : lmp::cli::commands()) {
    std::string words;
    for (const auto &w : c.words) words += (words.empty() ? "" : " ") + w;
    std::printf("  %-22s %s\n", words.c_str(), c.summary.c_str());
  }
  std::printf(
      "\nOptions:\n  --config FILE      the YAML config (default ./letmepost.yaml if present)\n"
      "  --log-level LEVEL  trace, debug, info, warn, error or off (logs go to stderr)\n");
}

// The command whose words start args at position i (the longest match), or nullptr.
const Command *find_command(const std::vector<std::string> &args, size_t i, size_t &used) {
  const Command *best = nullptr;
  for (const Command &c : lmp::cli::commands()) {
    if (i + c.words.size() > args.size()) continue;
    if (std::equal(c.words.begin(), c.words.end(), args.begin() + i) &&
        (!best || c.words.size() > best->words.size())) {
      best = &c;
    }
  }
  used = best ? best->words.size() : 0;
  return best;
}

int usage_error(const std::string &message, const Command *cmd) {
  std::fprintf(stderr, "letmepost: %s\n", message.c_str());
  if (cmd) std::fprintf(stderr, "\nUsage: %s\n", cmd->usage.c_str());
  lmp::cli::print_error(lmp::make_error("validation.usage", message));
  return lmp::cli::kExitUsage;
}

}  // namespace

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::optional<std::string> config_file, log_level;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a == "--version") {
      std::printf("letmepost %s (adapter ABI %d.%d)\n", LMP_VERSION, LMP_ABI_MAJOR, LMP_ABI_MINOR);
      return 0;
    }
    if (a == "--help" || a == "-h") {
      print_help();
      return 0;
    }
    if (a == "--config" || a == "--log-level") {
      if (i + 1 >= args.size()) return usage_error(a + " needs a value", nullptr);
      (a == "--config" ? config_file : log_level) = args[++i];
    } else if (a.rfind("--config=", 0) == 0) {
      config_file = a.substr(9);
    } else if (a.rfind("--log-level=", 0) == 0) {
      log_level = a.substr(12);
    } else {
      break;
    }
  }
  if (i >= args.size()) {
    print_help();
    return lmp::cli::kExitUsage;
  }
  size_t used = 0;
  const Command *cmd = find_command(args, i, used);
  if (!cmd) return usage_error("unknown command '" + args[i] + "' (see letmepost --help)", nullptr);
  std::vector<std::string> rest(args.begin() + i + used, args.end());
  if (!rest.empty() && (rest.front() == "--help" || rest.front() == "-h")) {
    std::printf("Usage: %s\n", cmd->usage.c_str());
    return 0;
  }
  try {
    lmp::cli::Context ctx(config_file, log_level);
    return cmd->run(ctx, rest);
  } catch (const lmp::cli::UsageError &e) {
    return usage_error(e.message, cmd);
  } catch (const lmp::ConfigError &e) {
    spdlog::error("{}", e.error.message);
    lmp::cli::print_error(e.error);
    return lmp::cli::kExitUsage;
  } catch (const std::exception &e) {
    auto err = lmp::make_error("host.internal", e.what());
    spdlog::error("{}", err.message);
    lmp::cli::print_error(err);
    return lmp::cli::kExitFailed;
  }
}
