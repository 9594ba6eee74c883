// IdempotencyStore over a SQLite state database.
#pragma once

#include "core/store/sqlite.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Records in the idempotency_keys table (schema v2 and later).
// REQUIRES: `db` is migrated and outlives this object.
class SqliteIdempotencyStore : public IdempotencyStore {
 public:
  explicit SqliteIdempotencyStore(Database &db) : db_(db) {}

  std::optional<IdempotencyRecord> claim(const std::string &scope, const std::string &key,
                                         const std::string &request_sha256, int64_t now_ms,
                                         int64_t expires_at_ms) override;
  void complete(const std::string &scope, const std::string &key, int status_code,
                const std::string &response_json,
                const std::optional<std::string> &resource_id) override;
  void release(const std::string &scope, const std::string &key) override;

 private:
  Database &db_;
};

}  // namespace lmp
