// Database::backup_to: SQLite's online backup of the state database, while another connection
// writes.
#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "core/store/migrations.hpp"
#include "core/store/sqlite_store.hpp"
#include "store_test_util.hpp"

using lmp::Database;
using lmp::Statement;

namespace {

int64_t count_posts(Database &db) {
  auto held = db.lock();
  Statement st(db, "SELECT count(*) FROM posts");
  REQUIRE(st.step());
  return st.column_int64(0);
}

void insert_post(Database &db, int64_t n) {
  db.exec(
      "INSERT INTO posts (id, created_at_ms, updated_at_ms, status, body_json) VALUES "
      "('post_" +
      std::to_string(n) + "', 1, 2, 'published', '{\"text\":\"post " + std::to_string(n) + "\"}')");
}

}  // namespace

TEST_CASE("a backup taken while another connection writes is a whole, consistent database",
          "[store][backup]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  lmp::SqliteStore store(path);  // migrated to the latest schema
  constexpr int64_t kBefore = 500;
  for (int64_t i = 0; i < kBefore; ++i) insert_post(store.database(), i);

  std::atomic<bool> stop{false};
  std::atomic<int64_t> written{kBefore};
  std::thread writer([&] {
    auto other = Database::open(path);
    while (!stop) insert_post(*other, written++);
  });
  // Wait until the writer is really writing, so the backup overlaps it.
  while (written < kBefore + 50) std::this_thread::yield();
  const std::string copy = dir.path("backup.db");
  auto reader = Database::open(path);
  reader->backup_to(copy);
  const int64_t at_end = written;
  stop = true;
  writer.join();

  struct stat st {};
  REQUIRE(::stat(copy.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto backup = Database::open(copy);
  CHECK(lmp::schema_version(*backup) == lmp::latest_schema_version());
  {
    Statement check(*backup, "PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.column_text(0) == "ok");
  }
  // Every row written before the backup began is there, and nothing the writer had not yet
  // written; the rows form an unbroken run post_0..post_N (one moment's snapshot).
  const int64_t rows = count_posts(*backup);
  CHECK(rows >= kBefore + 50);
  CHECK(rows <= at_end);
  Statement last(*backup, "SELECT count(*) FROM posts WHERE id = ?1");
  last.bind_text(1, "post_" + std::to_string(rows - 1));
  REQUIRE(last.step());
  CHECK(last.column_int64(0) == 1);
}

TEST_CASE("a backup that cannot be written fails naming the file and leaves nothing",
          "[store][backup]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  const std::string dest = dir.path("no-such-folder/backup.db");
  try {
    store.database().backup_to(dest);
    FAIL("backup_to did not throw");
  } catch (const lmp::StoreError &e) {
    CHECK(e.error().code == "host.storage");
    CHECK_THAT(e.error().message, Catch::Contains(dest));
  }
  CHECK_FALSE(std::filesystem::exists(dest));
}
