// CacheStore over a SQLite state database.
#pragma once

#include "core/store/sqlite.hpp"
#include "core/store/store.hpp"

namespace lmp {

// The adapters' cache in the cache table (schema v1 and later); every process on the same file
// sees the same entries. REQUIRES: `db` is migrated and outlives this object.
class SqliteCacheStore : public CacheStore {
 public:
  explicit SqliteCacheStore(Database &db) : db_(db) {}

  std::optional<std::string> get(const std::string &ns, const std::string &key,
                                 int64_t now_ms) override;
  void put(const std::string &ns, const std::string &key, std::string_view value, int64_t ttl_ms,
           int64_t now_ms) override;
  void remove(const std::string &ns, const std::string &key) override;
  int64_t purge_expired(int64_t now_ms) override;

 private:
  Database &db_;
};

}  // namespace lmp
