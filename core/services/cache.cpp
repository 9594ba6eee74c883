#include "core/services/cache.hpp"

namespace lmp {

std::optional<std::string> MemoryCache::get(const std::string &ns, const std::string &key) {
  std::lock_guard lock(mu_);
  auto it = entries_.find({ns, key});
  if (it == entries_.end() || it->second.second <= clock_.now_unix_ms()) return std::nullopt;
  return it->second.first;
}

bool MemoryCache::put(const std::string &ns, const std::string &key, const std::string &value,
                      int64_t ttl_ms) {
  std::lock_guard lock(mu_);
  entries_[{ns, key}] = {value, clock_.now_unix_ms() + ttl_ms};
  return true;
}

bool MemoryCache::remove(const std::string &ns, const std::string &key) {
  std::lock_guard lock(mu_);
  entries_.erase({ns, key});
  return true;
}

}  // namespace lmp
