#include "core/store/sqlite_idempotency_store.hpp"

namespace lmp {

std::optional<IdempotencyRecord> SqliteIdempotencyStore::claim(const std::string &scope,
                                                               const std::string &key,
                                                               const std::string &request_sha256,
                                                               int64_t now_ms,
                                                               int64_t expires_at_ms) {
  // One write transaction: two requests with one key cannot both claim it.
  Transaction tx(db_);
  Statement drop(db_,
                 "DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND "
                 "expires_at_ms <= ?3");
  drop.bind_text(1, scope).bind_text(2, key).bind_int64(3, now_ms).run();
  Statement find(db_,
                 "SELECT request_sha256, status_code, response_json, resource_id, expires_at_ms "
                 "FROM idempotency_keys WHERE scope = ?1 AND key = ?2");
  find.bind_text(1, scope).bind_text(2, key);
  if (find.step()) {
    IdempotencyRecord rec;
    rec.request_sha256 = find.column_text(0);
    if (auto code = find.column_optional_int64(1)) rec.status_code = static_cast<int>(*code);
    rec.response_json = find.column_text(2);
    rec.resource_id = find.column_optional_text(3);
    rec.expires_at_ms = find.column_int64(4);
    return rec;
  }
  Statement put(db_,
                "INSERT INTO idempotency_keys (scope, key, request_sha256, created_at_ms, "
                "expires_at_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
  put.bind_text(1, scope)
      .bind_text(2, key)
      .bind_text(3, request_sha256)
      .bind_int64(4, now_ms)
      .bind_int64(5, expires_at_ms)
      .run();
  tx.commit();
  return std::nullopt;
}

void SqliteIdempotencyStore::complete(const std::string &scope, const std::string &key,
                                      int status_code, const std::string &response_json,
                                      const std::optional<std::string> &resource_id) {
  Transaction tx(db_);
  Statement st(db_,
               "UPDATE idempotency_keys SET status_code = ?1, response_json = ?2, "
               "resource_id = ?3 WHERE scope = ?4 AND key = ?5");
  st.bind_int64(1, status_code)
      .bind_text(2, response_json)
      .bind_optional_text(3, resource_id)
      .bind_text(4, scope)
      .bind_text(5, key)
      .run();
  tx.commit();
}

void SqliteIdempotencyStore::release(const std::string &scope, const std::string &key) {
  Transaction tx(db_);
  Statement st(db_, "DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2");
  st.bind_text(1, scope).bind_text(2, key).run();
  tx.commit();
}

}  // namespace lmp
