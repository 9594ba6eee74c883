// The fake host of the conformance checker: the real host table and call wrapper, with HTTP
// scripted from a fixture's conversation, a fake clock, an in-memory cache, and every log line
// and every service use outside an operation recorded.
#pragma once

#include <atomic>
#include <boost/json.hpp>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plugins/adapter.hpp"
#include "core/services/cache.hpp"
#include "core/services/clock.hpp"
#include "plugins/sdk/conformance/fixture.hpp"

namespace lmp::conformance {

// What one operation did inside the fake host.
struct Run {
  CallOutcome outcome;
  std::optional<std::string> raw_error;   // the error object exactly as the adapter set it
  std::optional<std::string> raw_result;  // the result document exactly as set
  std::vector<std::string> unscripted;    // "METHOD URL" of requests no exchange answered
  int sends = 0;                          // http_send calls that reached the scripted HTTP
  std::vector<std::string> logs;          // lines the adapter logged during the operation
};

// How the scripted HTTP answers.
enum class HttpMode {
  kScripted,      // each request takes the first unused exchange matching method and URL
  kCancelOnSend,  // the first request cancels the call, and http_send returns LMP_CANCELLED
};

class FakeHost {
 public:
  // Installs the fake clock and the log capture for the life of the object (one at a time).
  FakeHost();
  ~FakeHost();
  FakeHost(const FakeHost &) = delete;
  FakeHost &operator=(const FakeHost &) = delete;

  // Loads the adapter and creates its instance with config. On failure returns null and sets
  // *error to the loader's or the adapter's error.
  std::shared_ptr<LoadedAdapter> open(const std::filesystem::path &file,
                                      const boost::json::object &config,
                                      std::optional<Error> *error);
  // Destroys the instance (the adapter may log while it ends).
  void close(std::shared_ptr<LoadedAdapter> &adapter);

  // Runs op on a fresh call with the request text, HTTP answered from script per mode.
  Run run(LoadedAdapter &adapter, Operation op, std::string_view request,
          const std::vector<Exchange> &script, HttpMode mode);

  // Service uses on a call after its operation returned (every call is kept until the host
  // ends, so such a use is counted instead of touching freed memory).
  int late_service_calls() const;
  // Lines logged while no operation, create or destroy was running.
  std::vector<std::string> stray_logs() const;
  // Every line the adapter logged so far.
  std::vector<std::string> all_logs() const;

  // Called by the log sink.
  void on_log(std::string line);

 private:
  FakeClock clock_;
  std::unique_ptr<MemoryCache> cache_;
  HostServices services_;
  std::deque<std::unique_ptr<lmp_call>> calls_;
  std::atomic<bool> window_open_{false};
  mutable std::mutex log_mu_;
  std::vector<std::string> logs_;
  std::vector<std::string> stray_;
};

}  // namespace lmp::conformance
