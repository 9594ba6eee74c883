#include "core/store/sqlite_quota_store.hpp"

namespace lmp {

bool SqliteQuotaStore::reserve(const std::string &account_id, const std::string &period,
                               int64_t limit) {
  // One statement, so the check and the count are atomic across processes.
  auto held = db_.lock();
  Statement take(db_,
                 "INSERT INTO quota_usage (account_id, period, used) SELECT ?1, ?2, 1 WHERE ?3 > 0 "
                 "ON CONFLICT (account_id, period) DO UPDATE SET used = used + 1 "
                 "WHERE used < ?3");
  take.bind_text(1, account_id).bind_text(2, period).bind_int64(3, limit).run();
  return db_.changes() > 0;
}

void SqliteQuotaStore::release(const std::string &account_id, const std::string &period) {
  Statement give(db_,
                 "UPDATE quota_usage SET used = used - 1 "
                 "WHERE account_id = ?1 AND period = ?2 AND used > 0");
  give.bind_text(1, account_id).bind_text(2, period).run();
}

int64_t SqliteQuotaStore::used(const std::string &account_id, const std::string &period) {
  Statement read(db_, "SELECT used FROM quota_usage WHERE account_id = ?1 AND period = ?2");
  read.bind_text(1, account_id).bind_text(2, period);
  return read.step() ? read.column_int64(0) : 0;
}

}  // namespace lmp
