// The conformance rules. Each function checks one rule (or one family) and prints its verdict
// lines through the context's report.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "core/plugins/loader.hpp"
#include "plugins/sdk/conformance/fake_host.hpp"
#include "plugins/sdk/conformance/findings.hpp"
#include "plugins/sdk/conformance/fixture.hpp"
#include "plugins/sdk/conformance/report.hpp"

namespace lmp::conformance {

struct Context {
  std::filesystem::path file;  // the adapter under test
  boost::json::object config;  // its config section for create
  std::vector<Case> cases;     // from --fixtures, possibly none
  FakeHost &host;
  Report &report;
  LoadResult loaded;                        // set by check_negotiation; keeps the library loaded
  std::optional<Findings> findings;         // set by check_describe (needs the catalog)
  std::shared_ptr<LoadedAdapter> instance;  // the instance the operation rules use
};

// negotiation: the host's loader accepts the library (entry point, abi_major, struct_size,
// required members, describe_json parses). False when it refused: nothing else can run.
bool check_negotiation(Context &ctx);

// describe: describe_json has every member abi-json.md lists, its operations agree with the
// table, and its error catalog gives each code a retryable flag and a description.
void check_describe(Context &ctx);

// create_destroy: many create/destroy cycles succeed and do not grow the heap. Then makes the
// instance the other rules use; false when create refused.
bool check_create_destroy(Context &ctx);

// fixture:<case> for each case, then retryable (429/5xx replies) and cancellation.
void check_fixtures(Context &ctx);
void check_retryable(Context &ctx);
void check_cancellation(Context &ctx);

// malformed_requests: hopeless and mutated requests end in an error or a result, never a crash
// or a protocol violation; hopeless ones in a validation.* or adapter.* error.
void check_malformed(Context &ctx);

// error_envelope, no_credentials and host_calls_outside_call, over every run above (after the
// instance is destroyed, so destroy's service use counts too).
void check_observed(Context &ctx);

}  // namespace lmp::conformance
