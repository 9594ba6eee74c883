// The adapters' cache kept in the state database, so separate CLI runs share one board list.
#pragma once

#include "core/services/cache.hpp"
#include "core/store/store.hpp"

namespace lmp {

// A Cache over a CacheStore, timed by the host clock.
class StoreCache : public Cache {
 public:
  explicit StoreCache(CacheStore &store) : store_(store) {}
  std::optional<std::string> get(const std::string &ns, const std::string &key) override;
  bool put(const std::string &ns, const std::string &key, const std::string &value,
           int64_t ttl_ms) override;
  bool remove(const std::string &ns, const std::string &key) override;

 private:
  CacheStore &store_;
};

}  // namespace lmp
