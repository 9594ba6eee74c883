// Runs the checks in a child process, so an adapter that crashes or hangs is reported as a
// failed rule instead of taking the checker down.
#pragma once

#include <functional>
#include <string>

namespace lmp::conformance {

// Records, in memory shared with the supervisor, the rule running and what it is doing, so a
// crash can be blamed on it. Truncated to fit.
void set_step(const std::string &rule, const std::string &step);

// Runs body in a child and returns its exit code. If the child dies (a signal, or an exit
// without finishing, as sanitizers do) or runs past timeout_s, prints
// "FAIL <rule>: ..." for the step it was in and returns 1.
int supervise(const std::function<int()> &body, unsigned timeout_s);

}  // namespace lmp::conformance
