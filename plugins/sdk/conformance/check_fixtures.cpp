// fixture:<case>, retryable and cancellation: the cases of --fixtures run through the adapter.
#include <cctype>

#include "plugins/sdk/conformance/checks.hpp"
#include "plugins/sdk/conformance/supervise.hpp"

namespace lmp::conformance {

namespace json = boost::json;

namespace {

// Whether actual has every member of expected (objects: a subset, recursively; the rest equal).
bool contains(const json::value &actual, const json::value &expected) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto &kv : expected.get_object()) {
      const json::value *a = actual.get_object().if_contains(kv.key());
      if (!a || !contains(*a, kv.value())) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.get_array().size() != expected.get_array().size())
      return false;
    for (size_t i = 0; i < expected.get_array().size(); ++i) {
      if (!contains(actual.get_array()[i], expected.get_array()[i])) return false;
    }
    return true;
  }
  return actual == expected;
}

std::string outcome_text(const Run &run) {
  if (run.outcome.status == LMP_CANCELLED) return "LMP_CANCELLED";
  if (run.outcome.error)
    return "error " + run.outcome.error->code + " (" + run.outcome.error->message + ")";
  return "result " + json::serialize(run.outcome.result);
}

// Why run does not give what the case expects, or "" when it does.
std::string mismatch(const Case &c, const Run &run) {
  if (!run.unscripted.empty()) {
    return "it sent a request no exchange of conversation.json answers: " + run.unscripted.front();
  }
  if (const json::value *code = c.expected.if_contains("error")) {
    const std::string want =
        code->is_string() ? std::string(code->get_string()) : json::serialize(*code);
    if (run.outcome.error && run.outcome.error->code == want) return "";
    return "expected error " + want + ", got " + outcome_text(run);
  }
  if (!run.outcome.ok()) return "expected a result, got " + outcome_text(run);
  if (!contains(run.outcome.result, c.expected.at("result"))) {
    return "the result " + json::serialize(run.outcome.result) + " lacks " +
           json::serialize(c.expected.at("result"));
  }
  return "";
}

bool is_throttle(int status) {
  return status == 429 || status >= 500;
}

// A 429 always tells when to come back (the reply's headers, else the adapter's own backoff); a
// 5xx only when it carried Retry-After, since the host owns the backoff otherwise.
bool wants_retry_after(const Exchange &e) {
  if (e.status == 429) return true;
  for (const auto &kv : e.headers) {
    std::string name(kv.key());
    for (char &ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name == "retry-after") return true;
  }
  return false;
}

// Why error is not a retryable verdict (with a retry time when one is wanted), or "".
std::string not_retryable(const std::optional<Error> &error, bool want_after) {
  if (!error) return "it succeeded";
  if (!error->retryable) return error->code + " is not retryable";
  if (want_after && !error->retry_after_ms) return error->code + " has no retryAfterMs";
  return "";
}

}  // namespace

void check_fixtures(Context &ctx) {
  for (const Case &c : ctx.cases) {
    const std::string rule = "fixture:" + c.name;
    set_step(rule, "running " + std::string(operation_name(c.operation)));
    Run run = ctx.host.run(*ctx.instance, c.operation, json::serialize(c.request), c.conversation,
                           HttpMode::kScripted);
    ctx.findings->check_errors(run, rule);
    ctx.findings->check_secrets(run, rule, c.secrets);
    const std::string why = mismatch(c, run);
    ctx.report.verdict(why.empty(), rule,
                       std::string(operation_name(c.operation)) + " gave " +
                           (run.outcome.error ? run.outcome.error->code : "the expected result"),
                       why);
  }
}

void check_retryable(Context &ctx) {
  // Each throttling reply of the fixtures, plus two every adapter must map without fixtures.
  std::vector<std::pair<std::string, Exchange>> replies;
  replies.emplace_back("a 429 with Retry-After: 7",
                       Exchange{"GET", "", 429, json::object{{"Retry-After", "7"}}, "{}"});
  replies.emplace_back("a bare 429", Exchange{"GET", "", 429, json::object{}, "{}"});
  replies.emplace_back("a 503 with Retry-After: 3",
                       Exchange{"GET", "", 503, json::object{{"Retry-After", "3"}}, "{}"});
  replies.emplace_back("a bare 500", Exchange{"GET", "", 500, json::object{}, "{}"});
  std::vector<std::string> problems;
  int runs = 0;
  for (const Case &c : ctx.cases) {
    bool throttled = false, want_after = false;
    for (const Exchange &e : c.conversation) {
      if (!is_throttle(e.status)) continue;
      throttled = true;
      want_after = wants_retry_after(e);
      replies.emplace_back("the " + std::to_string(e.status) + " of fixture " + c.name, e);
    }
    if (!throttled) continue;
    set_step("retryable", "running fixture " + c.name);
    Run run = ctx.host.run(*ctx.instance, c.operation, json::serialize(c.request), c.conversation,
                           HttpMode::kScripted);
    ++runs;
    if (!run.outcome.ok()) {
      if (auto why = not_retryable(run.outcome.error, want_after); !why.empty()) {
        problems.push_back("fixture " + c.name + ": " + why);
      }
    }
  }
  for (const auto &[label, e] : replies) {
    set_step("retryable", "mapping " + label);
    json::object headers;
    for (const auto &kv : e.headers) headers[kv.key()] = kv.value();
    const std::string request =
        json::serialize(json::object{{"status", e.status}, {"headers", headers}, {"body", e.body}});
    Run run = ctx.host.run(*ctx.instance, Operation::kMapError, request, {}, HttpMode::kScripted);
    ctx.findings->check_errors(run, "map_error of " + label);
    ++runs;
    if (auto why = not_retryable(run.outcome.error, wants_retry_after(e)); !why.empty()) {
      problems.push_back("map_error of " + label + ": " + why);
    }
  }
  ctx.report.verdict(
      problems.empty(), "retryable",
      std::to_string(runs) +
          " 429/5xx replies give retryable errors (with retryAfterMs for 429 and Retry-After)",
      problems.empty() ? "" : problems.front());
}

void check_cancellation(Context &ctx) {
  int checked = 0;
  std::string problem;
  for (const Case &c : ctx.cases) {
    if (c.conversation.empty()) continue;
    set_step("cancellation", "cancelling fixture " + c.name + " in its first HTTP request");
    Run run = ctx.host.run(*ctx.instance, c.operation, json::serialize(c.request), c.conversation,
                           HttpMode::kCancelOnSend);
    ctx.findings->check_errors(run, "cancelled fixture " + c.name);
    ctx.findings->check_secrets(run, "cancelled fixture " + c.name, c.secrets);
    if (run.sends == 0) continue;
    ++checked;
    if (run.outcome.status != LMP_CANCELLED && problem.empty()) {
      problem = "fixture " + c.name + " cancelled during its HTTP request gave " +
                outcome_text(run) + ", not LMP_CANCELLED";
    }
  }
  if (checked == 0) {
    ctx.report.skip("cancellation", "no fixture makes an HTTP request");
    return;
  }
  ctx.report.verdict(
      problem.empty(), "cancellation",
      std::to_string(checked) + " operations cancelled during HTTP return LMP_CANCELLED", problem);
}

}  // namespace lmp::conformance
