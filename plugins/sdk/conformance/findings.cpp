#include "plugins/sdk/conformance/findings.hpp"

#include <regex>

namespace lmp::conformance {

namespace json = boost::json;

namespace {

constexpr size_t kKeep = 5;  // problems kept per rule; more only repeat the point

void keep(std::vector<std::string> &list, std::string problem) {
  if (list.size() < kKeep) list.push_back(std::move(problem));
}

bool null_or(const json::object &o, const char *key, bool (json::value::*is)() const) {
  const json::value *v = o.if_contains(key);
  return !v || v->is_null() || (v->*is)();
}

std::string shown(std::string_view s) {
  return s.size() > 80 ? std::string(s.substr(0, 80)) + "..." : std::string(s);
}

}  // namespace

bool is_request_refusal(std::string_view code) {
  return code.rfind("validation.", 0) == 0 || code.rfind("adapter.", 0) == 0;
}

std::optional<std::string> envelope_problem(std::string_view error, const json::object &catalog) {
  json::error_code ec;
  json::value v = json::parse(error, ec);
  if (ec) return "the error is not valid JSON: " + shown(error);
  const json::object *o = v.if_object();
  if (!o) return "the error is not a JSON object: " + shown(error);
  const json::value *code = o->if_contains("code");
  static const std::regex dotted("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");
  if (!code || !code->is_string() || !std::regex_match(std::string(code->get_string()), dotted)) {
    return "its code is not a dotted lowercase string: " + shown(error);
  }
  const std::string c(code->get_string());
  const json::value *message = o->if_contains("message");
  if (!message || !message->is_string() || message->get_string().empty()) {
    return c + " has no message";
  }
  const json::value *retryable = o->if_contains("retryable");
  if (!retryable || !retryable->is_bool()) return c + " has no boolean \"retryable\"";
  if (!null_or(*o, "field", &json::value::is_string))
    return c + " has a \"field\" that is not a string";
  if (!null_or(*o, "platform", &json::value::is_object)) {
    return c + " has a \"platform\" that is not an object";
  }
  if (const json::value *after = o->if_contains("retryAfterMs"); after && !after->is_null()) {
    if (!(after->is_int64() && after->get_int64() >= 0) && !after->is_uint64()) {
      return c + " has a \"retryAfterMs\" that is not a non-negative integer";
    }
  }
  const bool abi_code =
      c == "adapter.internal" || c == "adapter.invalid_request" || c.rfind("validation.", 0) == 0;
  if (!abi_code && !catalog.contains(c)) return c + " is not in the adapter's error catalog";
  return std::nullopt;
}

void Findings::check_one(std::string_view error, const std::string &label) {
  ++errors_checked_;
  if (auto problem = envelope_problem(error, catalog_)) keep(envelope_, label + ": " + *problem);
}

void Findings::check_errors(const Run &run, const std::string &label) {
  if (run.raw_error) check_one(*run.raw_error, label);
  if (!run.outcome.ok() || !run.outcome.result.is_object()) return;
  const json::object &result = run.outcome.result.get_object();
  if (const json::value *list = result.if_contains("errors"); list && list->is_array()) {
    for (const json::value &e : list->get_array()) check_one(json::serialize(e), label);
  }
  if (const json::value *e = result.if_contains("error"); e && e->is_object()) {
    check_one(json::serialize(*e), label);
  }
}

void Findings::check_secrets(const Run &run, const std::string &label,
                             const std::vector<std::string> &secrets) {
  auto scan = [&](const std::string &text, const std::string &where) {
    ++outputs_scanned_;
    for (const std::string &s : secrets) {
      if (s.size() >= 4 && text.find(s) != std::string::npos) {
        keep(leaks_, label + ": a credential of the request appears in " + where);
        return;
      }
    }
  };
  if (run.raw_result) scan(*run.raw_result, "the result");
  if (run.raw_error) scan(*run.raw_error, "the error object");
  for (const std::string &line : run.logs) scan(line, "a log line");
}

}  // namespace lmp::conformance
