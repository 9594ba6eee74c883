// malformed_requests: the adapter survives any request document.
#include "plugins/sdk/conformance/checks.hpp"
#include "plugins/sdk/conformance/mutate.hpp"
#include "plugins/sdk/conformance/supervise.hpp"

namespace lmp::conformance {

namespace json = boost::json;

namespace {

constexpr int kByteMutations = 40;

bool violates(const Run &run) {
  return run.outcome.error && run.outcome.error->code == "adapter.protocol_violation";
}

}  // namespace

void check_malformed(Context &ctx) {
  constexpr const char *kRule = "malformed_requests";
  int runs = 0;
  std::string problem;
  auto note = [&](const std::string &p) {
    if (problem.empty()) problem = p;
  };
  // Hopeless inputs go to every operation the adapter has.
  for (int i = 0; i <= static_cast<int>(Operation::kRefreshCredentials); ++i) {
    const auto op = static_cast<Operation>(i);
    if (!ctx.instance->supports(op)) continue;
    for (const Mutation &m : hopeless_inputs()) {
      const std::string label = std::string(operation_name(op)) + " given " + m.label;
      set_step(kRule, label);
      Run run = ctx.host.run(*ctx.instance, op, m.text, {}, HttpMode::kScripted);
      ++runs;
      ctx.findings->check_errors(run, label);
      if (violates(run))
        note(label + ": " + run.outcome.error->message);
      else if (run.outcome.ok())
        note(label + ": it succeeded instead of refusing the request");
      else if (run.outcome.status == LMP_ERROR && !is_request_refusal(run.outcome.error->code)) {
        note(label + ": " + run.outcome.error->code + " is neither validation.* nor adapter.*");
      }
    }
  }
  // Mutations of each fixture's request go to its operation, with its conversation.
  uint32_t seed = 1;
  for (const Case &c : ctx.cases) {
    for (const Mutation &m : mutations_of(c.request, kByteMutations, seed++)) {
      const std::string label =
          "fixture " + c.name + " (" + operation_name(c.operation) + ") with " + m.label;
      set_step(kRule, label);
      Run run =
          ctx.host.run(*ctx.instance, c.operation, m.text, c.conversation, HttpMode::kScripted);
      ++runs;
      ctx.findings->check_errors(run, label);
      if (violates(run)) note(label + ": " + run.outcome.error->message);
    }
  }
  ctx.report.verdict(
      problem.empty(), kRule,
      std::to_string(runs) + " malformed or mutated requests answered without a crash", problem);
}

void check_observed(Context &ctx) {
  set_step("host_calls_outside_call", "destroying the instance");
  ctx.host.close(ctx.instance);
  const Findings &f = *ctx.findings;
  ctx.report.verdict(
      f.envelope_problems().empty(), "error_envelope",
      std::to_string(f.errors_checked()) + " errors have a valid envelope and a catalog code",
      f.envelope_problems().empty() ? "" : f.envelope_problems().front());
  ctx.report.verdict(
      f.leaks().empty(), "no_credentials",
      std::to_string(f.outputs_scanned()) + " results, errors and log lines hold no credential",
      f.leaks().empty() ? "" : f.leaks().front());
  const int late = ctx.host.late_service_calls();
  const auto stray = ctx.host.stray_logs();
  std::string why;
  if (late > 0) {
    why = std::to_string(late) + " host service call(s) on a call after its operation had returned";
  } else if (!stray.empty()) {
    why = std::to_string(stray.size()) + " log line(s) while no operation ran, e.g. \"" +
          stray.front().substr(0, 120) + "\"";
  }
  ctx.report.verdict(why.empty(), "host_calls_outside_call",
                     "no host service was used outside an operation", why);
}

}  // namespace lmp::conformance
