#include "core/store/migrations.hpp"

#include <catch2/catch.hpp>

#include "core/store/sqlite_store.hpp"
#include "store_test_util.hpp"

using lmp::Database;
using lmp::Statement;

namespace {

bool has_table(Database &db, const std::string &name) {
  Statement st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  st.bind_text(1, name);
  return st.step();
}

bool has_column(Database &db, const std::string &table, const std::string &column) {
  Statement st(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
  st.bind_text(1, table).bind_text(2, column);
  return st.step();
}

}  // namespace

TEST_CASE("the migration steps are numbered 1, 2, ... without gaps", "[store]") {
  const auto &steps = lmp::migrations();
  REQUIRE_FALSE(steps.empty());
  for (size_t i = 0; i < steps.size(); ++i) CHECK(steps[i].version == static_cast<int>(i + 1));
  CHECK(lmp::latest_schema_version() == static_cast<int>(steps.size()));
}

TEST_CASE("a fresh database is migrated to the newest schema", "[store]") {
  lmp::store_test::TempDir dir;
  auto db = Database::open(dir.path("state.db"));
  CHECK(lmp::schema_version(*db) == 0);
  lmp::migrate(*db);
  CHECK(lmp::schema_version(*db) == lmp::latest_schema_version());
  for (const char *table : {"posts", "targets", "cache", "credentials", "media", "platform_media",
                            "idempotency_keys", "webhook_outbox", "quota_usage"}) {
    INFO(table);
    CHECK(has_table(*db, table));
  }
  // Migrating again is a no-op.
  lmp::migrate(*db);
  CHECK(lmp::schema_version(*db) == lmp::latest_schema_version());
}

TEST_CASE("a v1 database is migrated to v2 and keeps its data", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  {
    auto db = Database::open(path);
    lmp::migrate(*db, 1);
    REQUIRE(lmp::schema_version(*db) == 1);
    CHECK_FALSE(has_table(*db, "webhook_outbox"));
    CHECK_FALSE(has_column(*db, "posts", "lease_owner"));
    db->exec(
        "INSERT INTO posts (id, created_at_ms, updated_at_ms, status, body_json) "
        "VALUES ('post_1', 10, 20, 'published', '{\"text\":\"hi\"}');"
        "INSERT INTO targets (post_id, idx, platform, account_id, status, step, updated_at_ms) "
        "VALUES ('post_1', 0, 'pinterest', 'acc', 'published', 'published', 20);"
        "INSERT INTO cache VALUES ('ns', 'k', x'0102', 99);");
  }
  auto db = Database::open(path);  // a later run, with a newer build
  lmp::migrate(*db, 2);
  CHECK(lmp::schema_version(*db) == 2);
  CHECK(has_table(*db, "webhook_outbox"));
  CHECK(has_table(*db, "idempotency_keys"));
  CHECK(has_column(*db, "posts", "lease_owner"));
  Statement st(*db,
               "SELECT p.body_json, p.lease_owner IS NULL, t.platform, c.value FROM posts p "
               "JOIN targets t ON t.post_id = p.id JOIN cache c ON c.key = 'k'");
  REQUIRE(st.step());
  CHECK(st.column_text(0) == "{\"text\":\"hi\"}");
  CHECK(st.column_int64(1) == 1);
  CHECK(st.column_text(2) == "pinterest");
  CHECK(st.column_blob(3) == std::string("\x01\x02"));
}

TEST_CASE("a v2 database is migrated to the latest: its posts keep their data and have no API key",
          "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  {
    auto db = Database::open(path);
    lmp::migrate(*db, 2);
    REQUIRE_FALSE(has_column(*db, "posts", "api_key"));
    db->exec(
        "INSERT INTO posts (id, created_at_ms, updated_at_ms, status, body_json) "
        "VALUES ('post_1', 10, 20, 'scheduled', '{\"text\":\"hi\"}');");
  }
  lmp::SqliteStore store(path);
  auto post = store.posts().get("post_1");
  REQUIRE(post);
  CHECK(post->status == "scheduled");
  CHECK_FALSE(post->api_key);
  CHECK(lmp::schema_version(store.database()) == lmp::latest_schema_version());
  lmp::PostRecord keyed;
  keyed.id = "post_2";
  keyed.status = "scheduled";
  keyed.body = boost::json::object{{"text", "hi"}};
  keyed.api_key = "ci";
  store.posts().insert(keyed);
  CHECK(store.posts().get("post_2")->api_key == "ci");
}

TEST_CASE("a v3 database with rows is migrated to the latest, keeping its posts and media",
          "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  {
    auto db = Database::open(path);
    lmp::migrate(*db, 3);
    REQUIRE_FALSE(has_table(*db, "media_uploaders"));
    db->exec(
        "INSERT INTO posts (id, created_at_ms, updated_at_ms, status, body_json, api_key) "
        "VALUES ('post_1', 10, 20, 'published', '{\"text\":\"hi\"}', 'ci');"
        "INSERT INTO media (id, sha256, path, size, mtime_ns, kind, created_at_ms, in_library) "
        "VALUES ('med_1', 'abc', '/lib/abc.jpg', 3, 4, 'image', 5, 1);");
  }
  lmp::SqliteStore store(path);
  CHECK(lmp::schema_version(store.database()) == lmp::latest_schema_version());
  auto post = store.posts().get("post_1");
  REQUIRE(post);
  CHECK(post->status == "published");
  CHECK(post->api_key == "ci");
  auto media = store.media().find("med_1");
  REQUIRE(media);
  CHECK(media->path == "/lib/abc.jpg");
  CHECK(media->in_library);
  // The media the CLI added before v4 belongs to no API key until one uploads it.
  CHECK_FALSE(store.media().uploaded_by("med_1", "ci"));
  CHECK(store.media().add_uploader("med_1", "ci"));
  CHECK_FALSE(store.media().add_uploader("med_1", "ci"));
  CHECK(store.media().uploaded_by("med_1", "ci"));
  CHECK_FALSE(store.media().uploaded_by("med_1", "other"));
  // Deleting the entry forgets its uploaders.
  CHECK(store.media().remove("med_1"));
  Statement left(store.database(), "SELECT count(*) FROM media_uploaders");
  REQUIRE(left.step());
  CHECK(left.column_int64(0) == 0);
}

TEST_CASE("a database newer than this build is refused with host.storage_version", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  const int newer = lmp::latest_schema_version() + 1;
  Database::open(path)->exec("PRAGMA user_version = " + std::to_string(newer));
  auto db = Database::open(path);
  try {
    lmp::migrate(*db);
    FAIL("a newer schema was accepted");
  } catch (const lmp::StoreError &e) {
    CHECK(e.error().code == "host.storage_version");
    CHECK_THAT(e.error().message, Catch::Contains(path));
    CHECK_THAT(e.error().message, Catch::Contains(std::to_string(newer)));
  }
  CHECK(lmp::schema_version(*db) == newer);
  CHECK_THROWS_AS(lmp::migrate(*db, newer), std::invalid_argument);
}

TEST_CASE("a failing step is rolled back and leaves the earlier steps", "[store]") {
  lmp::store_test::TempDir dir;
  auto db = Database::open(dir.path("state.db"));
  lmp::migrate(*db, 1);
  // A table v2 wants to create already exists: v2 fails as a whole.
  db->exec("CREATE TABLE quota_usage (x INTEGER)");
  try {
    lmp::migrate(*db);
    FAIL("the clashing step succeeded");
  } catch (const lmp::StoreError &e) {
    CHECK(e.error().code == "host.storage");
    CHECK_THAT(e.error().message, Catch::Contains("quota_usage"));
  }
  CHECK(lmp::schema_version(*db) == 1);
  CHECK_FALSE(has_table(*db, "idempotency_keys"));
  CHECK(has_table(*db, "posts"));
}
