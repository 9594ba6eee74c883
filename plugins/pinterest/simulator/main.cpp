// letmepost-pinterest-sim: Pinterest API v5 and its S3 upload endpoint on 127.0.0.1.
// Prints "listening on http://127.0.0.1:PORT" first, serves until SIGINT or SIGTERM.
#include <signal.h>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "plugins/pinterest/simulator/simulator.hpp"

int main(int argc, char **argv) {
  using namespace lmp::sim;
  std::optional<SimOptions> options;
  try {
    options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError &e) {
    std::cerr << "letmepost-pinterest-sim: " << e.what() << "\n";
    return 2;
  }
  if (!options) return 0;

  auto logger = spdlog::stderr_color_mt("sim");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(options->log_level));

  Fixtures fixtures;
  try {
    fixtures =
        options->fixtures_path.empty() ? builtin_fixtures() : load_fixtures(options->fixtures_path);
  } catch (const FixtureError &e) {
    std::cerr << "letmepost-pinterest-sim: " << e.what() << "\n";
    return 2;
  }

  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  try {
    Simulator simulator(*options, fixtures);
    simulator.start();
    std::cout << "listening on " << simulator.base_url() << std::endl;
    spdlog::info("{} users, {} apps, environment {}", fixtures.users.size(), fixtures.apps.size(),
                 options->environment);
    int signal = 0;
    sigwait(&stop_signals, &signal);
    spdlog::info("signal {}: stopping", signal);
    simulator.stop();
  } catch (const FaultError &e) {
    std::cerr << "letmepost-pinterest-sim: " << e.what() << "\n";
    return 2;
  } catch (const std::exception &e) {
    std::cerr << "letmepost-pinterest-sim: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
