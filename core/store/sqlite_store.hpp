// The SQLite state database (state.path in the config), opened and migrated in one call.
#pragma once

#include <memory>
#include <string>

#include "core/store/sqlite.hpp"
#include "core/store/sqlite_cache_store.hpp"
#include "core/store/sqlite_credential_store.hpp"
#include "core/store/sqlite_idempotency_store.hpp"
#include "core/store/sqlite_media_store.hpp"
#include "core/store/sqlite_post_store.hpp"
#include "core/store/sqlite_quota_store.hpp"
#include "core/store/sqlite_webhook_store.hpp"
#include "core/store/store.hpp"

namespace lmp {

// A Store over one SQLite file.
class SqliteStore : public Store {
 public:
  // Opens the file as Database::open does and migrates it to the newest schema. Throws
  // StoreError: host.storage when it cannot be opened or migrated, host.storage_version when a
  // newer letmepost wrote it.
  explicit SqliteStore(const std::string &path, const DatabaseOptions &options = {});

  PostStore &posts() override { return posts_; }
  CacheStore &cache() override { return cache_; }
  CredentialStore &credentials() override { return credentials_; }
  MediaStore &media() override { return media_; }
  IdempotencyStore &idempotency() override { return idempotency_; }
  WebhookStore &webhooks() override { return webhooks_; }
  QuotaStore &quota() override { return quota_; }

  // The connection, for what the repositories do not cover (backups, tests).
  Database &database() { return *db_; }

 private:
  std::unique_ptr<Database> db_;
  SqlitePostStore posts_;
  SqliteCacheStore cache_;
  SqliteCredentialStore credentials_;
  SqliteMediaStore media_;
  SqliteIdempotencyStore idempotency_;
  SqliteWebhookStore webhooks_;
  SqliteQuotaStore quota_;
};

}  // namespace lmp
