#include "core/store/sqlite_store.hpp"

#include "core/store/migrations.hpp"

namespace lmp {

namespace {

std::unique_ptr<Database> open_migrated(const std::string &path, const DatabaseOptions &options) {
  std::unique_ptr<Database> db = Database::open(path, options);
  migrate(*db);
  return db;
}

}  // namespace

SqliteStore::SqliteStore(const std::string &path, const DatabaseOptions &options)
    : db_(open_migrated(path, options)),
      posts_(*db_),
      cache_(*db_),
      credentials_(*db_),
      media_(*db_),
      idempotency_(*db_),
      webhooks_(*db_),
      quota_(*db_) {}

}  // namespace lmp
