// The host's side of one adapter operation (the opaque lmp_call of adapter.h), and the services
// every call reaches through the host table.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/services/cache.hpp"
#include "core/services/clock.hpp"
#include "core/services/pacer.hpp"
#include "letmepost/adapter.h"

// A reply (or transport failure) handed to an adapter through http_send.
struct lmp_http_response {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string error_json;  // {"kind","message"} when no reply arrived, else empty
};

struct lmp_call;

namespace lmp {

// What http_send does: sends the request document (abi-json.md) on behalf of the call and fills
// the reply. Returns LMP_OK, LMP_ERROR (no reply; error_json set) or LMP_CANCELLED.
using HttpSendFn =
    std::function<int(std::string_view request_json, lmp_call &call, lmp_http_response &out)>;

// The process-wide services behind the host table. All members must outlive every call.
struct HostServices {
  HttpSendFn http;         // required for operations that talk to a platform
  Cache *cache = nullptr;  // required for cache_* (absent: lookups miss, stores fail)
  Pacer *pacer = nullptr;  // paces each account's operations (absent: no pacing)
};

}  // namespace lmp

// One operation in progress. Made by the host for each call into an adapter; adapters only see
// the pointer. Services refuse to act once `active` is false (after the operation returned).
struct lmp_call {
  explicit lmp_call(const lmp::HostServices &s) : services(&s) {}
  lmp_call(const lmp_call &) = delete;
  lmp_call &operator=(const lmp_call &) = delete;

  const lmp::HostServices *services;
  std::string adapter_name;  // for log context and cache namespaces
  std::string account_id;    // empty outside account-bound operations
  std::string request_id;    // for log context
  bool allow_private_addresses = false;
  int64_t deadline_unix_ms = 0;
  std::atomic<bool> cancelled{false};
  std::atomic<bool> active{true};

  std::optional<std::string> result;  // set by call_set_result
  std::optional<std::string> error;   // set by call_set_error
  // Persists refreshed credentials; returns false when they could not be stored.
  std::function<bool(std::string_view json)> on_credentials;
  // Receives upload progress.
  std::function<void(uint64_t done, uint64_t total)> on_progress;
  // Counts service calls made after the operation returned (a contract violation).
  std::atomic<int> late_service_calls{0};

  std::list<lmp_http_response> responses;  // stable addresses until the call ends
  std::deque<std::string> cache_values;    // likewise, for cache_get

  // Asks the operation to stop and wakes any sleep.
  void cancel();
  // The cache namespace of this call: adapter and account.
  std::string cache_namespace() const { return adapter_name + "/" + account_id; }
};

namespace lmp {

// The host table handed to every adapter. Static; valid for the process's lifetime.
const lmp_host_api *host_api();

}  // namespace lmp
