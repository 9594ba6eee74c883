// What the rules that hold for every operation found across all runs: error envelopes and
// catalog codes, credentials in outputs and logs.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugins/sdk/conformance/fake_host.hpp"

namespace lmp::conformance {

// Why error (an adapter's error object, as text) breaks the envelope of docs/errors.md or uses a
// code outside catalog (describe_json's "errors"), or nullopt when it is sound. adapter.internal,
// adapter.invalid_request and validation.* are catalogued by the ABI itself.
std::optional<std::string> envelope_problem(std::string_view error,
                                            const boost::json::object &catalog);

// Whether code is one an adapter may answer a request it cannot read with.
bool is_request_refusal(std::string_view code);

class Findings {
 public:
  explicit Findings(boost::json::object catalog) : catalog_(std::move(catalog)) {}

  // Checks every error object run produced (the operation's error, and the ones inside a
  // preflight or check_account result). label names the run in messages.
  void check_errors(const Run &run, const std::string &label);
  // Looks for each secret in run's result, error and log lines.
  void check_secrets(const Run &run, const std::string &label,
                     const std::vector<std::string> &secrets);

  int errors_checked() const { return errors_checked_; }
  int outputs_scanned() const { return outputs_scanned_; }
  // The first few problems found, each naming its run.
  const std::vector<std::string> &envelope_problems() const { return envelope_; }
  const std::vector<std::string> &leaks() const { return leaks_; }

 private:
  void check_one(std::string_view error, const std::string &label);

  boost::json::object catalog_;
  int errors_checked_ = 0;
  int outputs_scanned_ = 0;
  std::vector<std::string> envelope_, leaks_;
};

}  // namespace lmp::conformance
