// letmepost-adapter-check PATH.so [--fixtures DIR]: checks that an adapter keeps the ABI v1
// contract inside a fake host (README.md lists the rules). Exit status 0 when every rule passes,
// 1 when one fails, 2 on a usage or fixture error.
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string>

#include "plugins/sdk/conformance/checks.hpp"
#include "plugins/sdk/conformance/supervise.hpp"

namespace {

constexpr unsigned kTimeoutS = 120;

int usage() {
  std::fprintf(stderr, "usage: letmepost-adapter-check PATH.so [--fixtures DIR]\n");
  return 2;
}

int check(const std::filesystem::path &file, std::vector<lmp::conformance::Case> cases,
          boost::json::object config) {
  using namespace lmp::conformance;
  FakeHost host;
  Report report;
  Context ctx{file, std::move(config), std::move(cases), host, report, {}, std::nullopt, nullptr};
  if (check_negotiation(ctx)) {
    check_describe(ctx);
  }
  if (ctx.findings && check_create_destroy(ctx)) {
    check_fixtures(ctx);
    check_retryable(ctx);
    check_cancellation(ctx);
    check_malformed(ctx);
    check_observed(ctx);
  }
  std::printf("%s: %d rule(s) failed\n", file.string().c_str(), report.failures());
  return report.failures() == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char **argv) {
  std::filesystem::path file, fixtures;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--fixtures") == 0 && i + 1 < argc) {
      fixtures = argv[++i];
    } else if (argv[i][0] == '-' || !file.empty()) {
      return usage();
    } else {
      file = std::filesystem::absolute(argv[i]);
    }
  }
  if (file.empty()) return usage();
  std::vector<lmp::conformance::Case> cases;
  boost::json::object config;
  try {
    if (!fixtures.empty()) {
      cases = lmp::conformance::load_cases(fixtures);
      config = lmp::conformance::load_config(fixtures);
    }
  } catch (const std::exception &e) {
    std::fprintf(stderr, "letmepost-adapter-check: %s\n", e.what());
    return 2;
  }
  return lmp::conformance::supervise(
      [&] { return check(file, std::move(cases), std::move(config)); }, kTimeoutS);
}
