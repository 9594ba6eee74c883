#include "support/cli.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <thread>

namespace lmp::test {

CliRun run_letmepost(const Scratch &s, std::vector<std::string> args,
                     std::vector<std::string> env) {
  args.insert(args.begin(), LMP_BIN_DIR "/letmepost");
  ChildOptions opts;
  opts.env = std::move(env);
  opts.stderr_path = s.path("stderr.log");
  ChildProcess p(args, opts);
  const std::string out = p.read_all();
  CliRun run;
  run.exit_code = p.wait();
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(out, ec);
  run.out = ec ? boost::json::value(out) : v;
  run.err = s.read("stderr.log");
  return run;
}

std::filesystem::path write_sim_config(const Scratch &s, const SimulatorProcess &sim,
                                       const std::string &token, const std::string &extra) {
  return s.write("letmepost.yaml", "state:\n  path: " + s.path("state.db") +
                                       "\nnetwork:\n  allow_private_addresses: true\n"
                                       "accounts:\n  - id: acc_pin\n    platform: pinterest\n"
                                       "    api_base_url: " +
                                       sim.api_url() + "\n    access_token: " + token + "\n" +
                                       extra);
}

std::string wait_for_line(const Scratch &s, const std::string &name, const std::string &prefix) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    std::istringstream in(s.read(name));
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind(prefix, 0) == 0) return line;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  FAIL("no line starting with " << prefix << " in " << name << ":\n" << s.read(name));
  return {};
}

}  // namespace lmp::test
