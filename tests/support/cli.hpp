// The letmepost executable run as a user runs it (JSON on stdout, logs on stderr), for the tests
// that drive the CLI end to end.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/scratch.hpp"

namespace lmp::test {

// What one run printed and how it ended.
struct CliRun {
  int exit_code = -1;
  boost::json::value out;  // stdout parsed as JSON, or the raw text as a string when it is not
  std::string err;         // everything it wrote to stderr
};

// Runs LMP_BIN_DIR/letmepost with args (and env entries "NAME=value" added), stderr kept in
// s.dir/stderr.log. Waits for it to exit.
CliRun run_letmepost(const Scratch &s, std::vector<std::string> args,
                     std::vector<std::string> env = {});

// Writes s.dir/letmepost.yaml: the state database in s.dir, private addresses allowed (the
// simulator is on loopback), one Pinterest account "acc_pin" on sim whose access token is
// `token` (a literal or "${VAR}"), then `extra` (more top-level YAML) as written.
std::filesystem::path write_sim_config(const Scratch &s, const SimulatorProcess &sim,
                                       const std::string &token, const std::string &extra = "");

// The first line of s.dir/name that starts with prefix, waiting up to 10 s for a child process to
// write it. Fails the test (and returns "") when it does not come.
std::string wait_for_line(const Scratch &s, const std::string &name, const std::string &prefix);

}  // namespace lmp::test
