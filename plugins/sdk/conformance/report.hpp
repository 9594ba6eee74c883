// The checker's verdicts: one line per rule on stdout, "PASS rule: why" or "FAIL rule: why".
#pragma once

#include <string>

namespace lmp::conformance {

class Report {
 public:
  // Prints a passed rule.
  void pass(const std::string &rule, const std::string &why);
  // Prints a failed rule; the checker then exits non-zero.
  void fail(const std::string &rule, const std::string &why);
  // Prints a rule that could not be checked (not a failure).
  void skip(const std::string &rule, const std::string &why);
  // Prints pass or fail depending on ok.
  void verdict(bool ok, const std::string &rule, const std::string &pass_why,
               const std::string &fail_why);
  int failures() const { return failures_; }

 private:
  int failures_ = 0;
};

}  // namespace lmp::conformance
