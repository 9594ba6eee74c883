#include "core/store/sqlite_cache_store.hpp"

#include <algorithm>
#include <limits>

namespace lmp {

std::optional<std::string> SqliteCacheStore::get(const std::string &ns, const std::string &key,
                                                 int64_t now_ms) {
  auto held = db_.lock();
  Statement st(db_,
               "SELECT value FROM cache WHERE namespace = ?1 AND key = ?2 AND expires_at_ms > ?3");
  st.bind_text(1, ns).bind_text(2, key).bind_int64(3, now_ms);
  if (!st.step()) return std::nullopt;
  return st.column_blob(0);
}

void SqliteCacheStore::put(const std::string &ns, const std::string &key, std::string_view value,
                           int64_t ttl_ms, int64_t now_ms) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t ttl = std::max<int64_t>(ttl_ms, 0);
  int64_t expires = now_ms > kMax - ttl ? kMax : now_ms + ttl;
  auto held = db_.lock();
  Statement st(db_,
               "INSERT INTO cache (namespace, key, value, expires_at_ms) VALUES (?1, ?2, ?3, ?4) "
               "ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, "
               "expires_at_ms = excluded.expires_at_ms");
  st.bind_text(1, ns).bind_text(2, key).bind_blob(3, value).bind_int64(4, expires).run();
}

void SqliteCacheStore::remove(const std::string &ns, const std::string &key) {
  auto held = db_.lock();
  Statement st(db_, "DELETE FROM cache WHERE namespace = ?1 AND key = ?2");
  st.bind_text(1, ns).bind_text(2, key).run();
}

int64_t SqliteCacheStore::purge_expired(int64_t now_ms) {
  auto held = db_.lock();
  Statement st(db_, "DELETE FROM cache WHERE expires_at_ms <= ?1");
  st.bind_int64(1, now_ms).run();
  return db_.changes();
}

}  // namespace lmp
