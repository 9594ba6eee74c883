// The command table of the letmepost executable: each command lives in its own file and is
// registered here by name.
#pragma once

#include <string>
#include <vector>

namespace lmp::cli {

class Context;

// Exit codes of interfaces.md.
inline constexpr int kExitOk = 0;      // everything asked for succeeded
inline constexpr int kExitFailed = 1;  // understood, but a post, target or check failed
inline constexpr int kExitUsage = 2;   // usage, config, or (plugins/config check) plugin refusal

// One command: its words ("config check"), a one-line summary, its usage text, and its body.
struct Command {
  std::vector<std::string> words;
  std::string summary;
  std::string usage;
  int (*run)(Context &ctx, const std::vector<std::string> &args);
};

// Every command, in the order --help lists them.
const std::vector<Command> &commands();

// Thrown for a usage error; main prints it with the command's usage and exits 2.
struct UsageError {
  std::string message;
};

}  // namespace lmp::cli
