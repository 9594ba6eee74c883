#include "plugins/sdk/conformance/report.hpp"

#include <cstdio>

namespace lmp::conformance {

namespace {

// Flushed at once: the supervisor reads what was printed before a crash.
void line(const char *verdict, const std::string &rule, const std::string &why) {
  std::printf("%s %s: %s\n", verdict, rule.c_str(), why.c_str());
  std::fflush(stdout);
}

}  // namespace

void Report::pass(const std::string &rule, const std::string &why) {
  line("PASS", rule, why);
}

void Report::fail(const std::string &rule, const std::string &why) {
  ++failures_;
  line("FAIL", rule, why);
}

void Report::skip(const std::string &rule, const std::string &why) {
  line("SKIP", rule, why);
}

void Report::verdict(bool ok, const std::string &rule, const std::string &pass_why,
                     const std::string &fail_why) {
  if (ok) {
    pass(rule, pass_why);
  } else {
    fail(rule, fail_why);
  }
}

}  // namespace lmp::conformance
