#include "core/services/store_cache.hpp"

#include <spdlog/spdlog.h>

#include "core/store/store_error.hpp"

namespace lmp {

// A cache that cannot be read or written is a miss, not a failed post: the adapter asks the
// platform instead.
std::optional<std::string> StoreCache::get(const std::string &ns, const std::string &key) {
  try {
    return store_.get(ns, key, host_clock().now_unix_ms());
  } catch (const StoreError &e) {
    spdlog::warn("cache read failed: {}", e.what());
    return std::nullopt;
  }
}

bool StoreCache::put(const std::string &ns, const std::string &key, const std::string &value,
                     int64_t ttl_ms) {
  try {
    store_.put(ns, key, value, ttl_ms, host_clock().now_unix_ms());
    return true;
  } catch (const StoreError &e) {
    spdlog::warn("cache write failed: {}", e.what());
    return false;
  }
}

bool StoreCache::remove(const std::string &ns, const std::string &key) {
  try {
    store_.remove(ns, key);
    return true;
  } catch (const StoreError &e) {
    spdlog::warn("cache removal failed: {}", e.what());
    return false;
  }
}

}  // namespace lmp
