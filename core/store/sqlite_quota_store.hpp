// QuotaStore over a SQLite state database.
#pragma once

#include "core/store/sqlite.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Counts in the quota_usage table (schema v2 and later).
// REQUIRES: `db` is migrated and outlives this object.
class SqliteQuotaStore : public QuotaStore {
 public:
  explicit SqliteQuotaStore(Database &db) : db_(db) {}

  bool reserve(const std::string &account_id, const std::string &period, int64_t limit) override;
  void release(const std::string &account_id, const std::string &period) override;
  int64_t used(const std::string &account_id, const std::string &period) override;

 private:
  Database &db_;
};

}  // namespace lmp
