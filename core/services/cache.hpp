// The cache the host offers adapters (boards, per account), behind one small interface so the
// CLI and the server share it through the state database while tests may keep it in memory.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "core/services/clock.hpp"

namespace lmp {

// A key-value cache with per-entry expiry. Namespaces keep adapters and accounts apart.
// Thread-safe.
class Cache {
 public:
  virtual ~Cache() = default;
  // The value, if present and not expired.
  virtual std::optional<std::string> get(const std::string &ns, const std::string &key) = 0;
  // Stores a value for ttl_ms; false when it could not be stored.
  virtual bool put(const std::string &ns, const std::string &key, const std::string &value,
                   int64_t ttl_ms) = 0;
  // Removes a value; false when the removal failed (absent keys are not a failure).
  virtual bool remove(const std::string &ns, const std::string &key) = 0;
};

// An in-process cache, for tests and the conformance checker.
class MemoryCache : public Cache {
 public:
  explicit MemoryCache(Clock &clock) : clock_(clock) {}
  std::optional<std::string> get(const std::string &ns, const std::string &key) override;
  bool put(const std::string &ns, const std::string &key, const std::string &value,
           int64_t ttl_ms) override;
  bool remove(const std::string &ns, const std::string &key) override;

 private:
  Clock &clock_;
  std::mutex mu_;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, int64_t>> entries_;
};

}  // namespace lmp
