#include "core/store/sqlite_media_store.hpp"

#include "core/store/json_columns.hpp"

namespace lmp {

namespace {

constexpr const char *kMediaSelect =
    "SELECT id, sha256, path, size, mtime_ns, kind, probe_json, created_at_ms, in_library "
    "FROM media ";

// Inserts an entry, or updates the one with its id. A library entry keeps its library file
// (path, size, mtime) when the same bytes are referenced in place, and a missing probe keeps
// the one already stored.
constexpr const char *kUpsert =
    "INSERT INTO media (id, sha256, path, size, mtime_ns, kind, probe_json, created_at_ms, "
    "in_library) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
    "ON CONFLICT (id) DO UPDATE SET sha256 = excluded.sha256, "
    "path = iif(media.in_library > excluded.in_library, media.path, excluded.path), "
    "size = iif(media.in_library > excluded.in_library, media.size, excluded.size), "
    "mtime_ns = iif(media.in_library > excluded.in_library, media.mtime_ns, excluded.mtime_ns), "
    "kind = excluded.kind, probe_json = coalesce(excluded.probe_json, media.probe_json), "
    "in_library = max(media.in_library, excluded.in_library)";

}  // namespace

void SqliteMediaStore::upsert(const MediaEntry &entry) {
  auto held = db_.lock();
  Statement st(db_, kUpsert);
  st.bind_text(1, entry.id)
      .bind_text(2, entry.sha256)
      .bind_text(3, entry.path)
      .bind_int64(4, entry.size)
      .bind_int64(5, entry.mtime_ns)
      .bind_text(6, entry.kind)
      .bind_optional_text(7, json_column(entry.probe))
      .bind_int64(8, entry.created_at_ms)
      .bind_int64(9, entry.in_library ? 1 : 0)
      .run();
}

std::optional<MediaEntry> SqliteMediaStore::find(const std::string &id) {
  auto held = db_.lock();
  Statement st(db_, std::string(kMediaSelect) + "WHERE id = ?1");
  st.bind_text(1, id);
  return find_one(st);
}

std::optional<MediaEntry> SqliteMediaStore::find_by_sha256(const std::string &sha256) {
  auto held = db_.lock();
  Statement st(db_, std::string(kMediaSelect) + "WHERE sha256 = ?1");
  st.bind_text(1, sha256);
  return find_one(st);
}

std::optional<MediaEntry> SqliteMediaStore::find_by_path(const std::string &path, int64_t size,
                                                         int64_t mtime_ns) {
  auto held = db_.lock();
  Statement st(
      db_, std::string(kMediaSelect) + "WHERE path = ?1 AND size = ?2 AND mtime_ns = ?3 LIMIT 1");
  st.bind_text(1, path).bind_int64(2, size).bind_int64(3, mtime_ns);
  return find_one(st);
}

std::vector<MediaEntry> SqliteMediaStore::list(bool library_only) {
  auto held = db_.lock();
  Statement st(db_, std::string(kMediaSelect) +
                        "WHERE (?1 = 0 OR in_library = 1) ORDER BY created_at_ms, id");
  st.bind_int64(1, library_only ? 1 : 0);
  std::vector<MediaEntry> entries;
  while (st.step()) entries.push_back(read_entry(st));
  return entries;
}

bool SqliteMediaStore::remove(const std::string &id) {
  auto held = db_.lock();
  Statement st(db_, "DELETE FROM media WHERE id = ?1");
  st.bind_text(1, id).run();
  return db_.changes() > 0;
}

std::optional<PlatformMedia> SqliteMediaStore::platform_media(const std::string &media_id,
                                                              const std::string &account_id) {
  auto held = db_.lock();
  Statement st(db_,
               "SELECT platform_media_id, state, updated_at_ms FROM platform_media "
               "WHERE media_id = ?1 AND account_id = ?2");
  st.bind_text(1, media_id).bind_text(2, account_id);
  if (!st.step()) return std::nullopt;
  return PlatformMedia{media_id, account_id, st.column_text(0), st.column_text(1),
                       st.column_int64(2)};
}

void SqliteMediaStore::put_platform_media(const PlatformMedia &upload) {
  auto held = db_.lock();
  Statement st(db_,
               "INSERT INTO platform_media (media_id, account_id, platform_media_id, state, "
               "updated_at_ms) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (media_id, account_id) "
               "DO UPDATE SET platform_media_id = excluded.platform_media_id, "
               "state = excluded.state, updated_at_ms = excluded.updated_at_ms");
  st.bind_text(1, upload.media_id)
      .bind_text(2, upload.account_id)
      .bind_text(3, upload.platform_media_id)
      .bind_text(4, upload.state)
      .bind_int64(5, upload.updated_at_ms)
      .run();
}

std::optional<MediaEntry> SqliteMediaStore::find_one(Statement &st) {
  if (!st.step()) return std::nullopt;
  return read_entry(st);
}

MediaEntry SqliteMediaStore::read_entry(Statement &st) {
  MediaEntry e;
  e.id = st.column_text(0);
  e.sha256 = st.column_text(1);
  e.path = st.column_text(2);
  e.size = st.column_int64(3);
  e.mtime_ns = st.column_int64(4);
  e.kind = st.column_text(5);
  e.probe = read_json_column(db_, st.column_optional_text(6), "media.probe_json");
  e.created_at_ms = st.column_int64(7);
  e.in_library = st.column_int64(8) != 0;
  return e;
}

bool SqliteMediaStore::add_uploader(const std::string &id, const std::string &api_key) {
  auto held = db_.lock();
  Statement st(db_, "INSERT OR IGNORE INTO media_uploaders (media_id, api_key) VALUES (?1, ?2)");
  st.bind_text(1, id).bind_text(2, api_key).run();
  return db_.changes() > 0;
}

bool SqliteMediaStore::uploaded_by(const std::string &id, const std::string &api_key) {
  auto held = db_.lock();
  Statement st(db_, "SELECT 1 FROM media_uploaders WHERE media_id = ?1 AND api_key = ?2");
  st.bind_text(1, id).bind_text(2, api_key);
  return st.step();
}

}  // namespace lmp
