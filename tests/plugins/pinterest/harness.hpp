// The Pinterest module as the host runs it: loaded from the build tree with the loader, created
// with a config, given the host's real HTTP service (libcurl, SSRF guard, a static resolver so no
// name ever reaches DNS) and an in-memory cache, and driven against a simulator on loopback.
#pragma once

#include <boost/json.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/net/resolver.hpp"
#include "core/plugins/adapter.hpp"
#include "core/plugins/http_bridge.hpp"
#include "core/plugins/loader.hpp"
#include "core/services/cache.hpp"
#include "core/services/clock.hpp"
#include "core/services/http_client.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"

namespace pintest {

namespace json = boost::json;

// Tokens of the simulator's built-in fixtures (config/simulator-fixtures.yaml).
inline constexpr const char *kAccessToken = "sim-access-token";
inline constexpr const char *kRefreshToken = "sim-refresh-token";
inline constexpr const char *kClientId = "sim-client-id";
inline constexpr const char *kClientSecret = "sim-client-secret";
inline constexpr const char *kDemoBoard = "1234567890";  // "letmepost demo", sections below
inline constexpr const char *kIdeasSection = "2234567890";
inline constexpr const char *kJapanSection = "2234567892";  // in "Travel", not the demo board

// The adapter config tests use: short waits, small pages.
json::object fast_config(json::object overrides = {});

class Harness {
 public:
  explicit Harness(json::object config = fast_config(), std::vector<std::string> sim_args = {});

  // A target request for account "acc_pin" on the simulator (sandbox, apiBaseUrl set) with the
  // demo user's credentials; members of extra replace or add to it.
  json::object request(const json::object &extra = {}) const;

  // Runs op on a fresh call. allow_private lets URLs of the post reach the loopback simulator.
  lmp::CallOutcome run(lmp::Operation op, const json::object &request, bool allow_private = true);

  // The simulator's request log entries for method and path (exact), in order.
  json::array log(const std::string &method, const std::string &path) const;
  // Every entry of the log.
  json::array log() const;
  // Arms a fault (docs/simulator.md): {"method","path","status","body","headers","count",...}.
  void fault(const json::object &fault) const;
  // A URL on the simulator ("/dest/ok" -> "http://127.0.0.1:PORT/dest/ok").
  std::string url(const std::string &path) const { return sim.base_url() + path; }

  // Credentials documents the adapter reported through call_update_credentials, in order.
  std::vector<json::object> credential_updates() const;

  lmp::test::SimulatorProcess sim;
  lmp::FakeClock cache_clock;  // the cache's clock, moved by tests to expire entries
  lmp::MemoryCache cache{cache_clock};
  std::shared_ptr<lmp::StaticResolver> resolver = std::make_shared<lmp::StaticResolver>();
  std::unique_ptr<lmp::HttpClient> http;
  lmp::HostServices services;
  std::shared_ptr<lmp::LoadedAdapter> adapter;
  // Runs inside call_update_credentials, before it returns (tests look at the simulator then).
  std::function<void(const json::object &)> on_credentials;
  // Runs on each call just before the operation starts (tests keep it to cancel it, or watch
  // its progress).
  std::function<void(lmp_call &)> before_call;

 private:
  mutable std::mutex mu_;
  std::vector<json::object> updates_;
};

// The code of a failed outcome, or "" when it succeeded.
std::string error_code(const lmp::CallOutcome &out);

// code@field of every problem in a preflight result.
std::vector<std::string> problems(const lmp::CallOutcome &out);

}  // namespace pintest
