// MediaStore over a SQLite state database.
#pragma once

#include "core/store/sqlite.hpp"
#include "core/store/store.hpp"

namespace lmp {

// The media index in the media, platform_media and media_uploaders tables (schema v4 and later).
// REQUIRES: `db` is migrated and outlives this object.
class SqliteMediaStore : public MediaStore {
 public:
  explicit SqliteMediaStore(Database &db) : db_(db) {}

  void upsert(const MediaEntry &entry) override;
  std::optional<MediaEntry> find(const std::string &id) override;
  std::optional<MediaEntry> find_by_sha256(const std::string &sha256) override;
  std::optional<MediaEntry> find_by_path(const std::string &path, int64_t size,
                                         int64_t mtime_ns) override;
  std::vector<MediaEntry> list(bool library_only) override;
  bool remove(const std::string &id) override;
  std::optional<PlatformMedia> platform_media(const std::string &media_id,
                                              const std::string &account_id) override;
  void put_platform_media(const PlatformMedia &upload) override;
  bool add_uploader(const std::string &id, const std::string &api_key) override;
  bool uploaded_by(const std::string &id, const std::string &api_key) override;

 private:
  std::optional<MediaEntry> find_one(Statement &st);
  MediaEntry read_entry(Statement &st);

  Database &db_;
};

}  // namespace lmp
