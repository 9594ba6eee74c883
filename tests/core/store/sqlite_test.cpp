#include "core/store/sqlite.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "store_test_util.hpp"

using lmp::Database;
using lmp::Statement;
using lmp::StoreError;
using lmp::Transaction;

namespace {

unsigned file_mode(const std::string &path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

std::string pragma(Database &db, const std::string &name) {
  Statement st(db, "PRAGMA " + name);
  REQUIRE(st.step());
  return st.column_text(0);
}

int64_t count(Database &db, const std::string &table) {
  Statement st(db, "SELECT count(*) FROM " + table);
  REQUIRE(st.step());
  return st.column_int64(0);
}

}  // namespace

TEST_CASE("a new database file and its WAL are created with mode 0600", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  auto db = Database::open(path);
  CHECK(file_mode(path) == 0600);
  db->exec("CREATE TABLE t (x INTEGER)");
  db->exec("INSERT INTO t VALUES (1)");
  CHECK(file_mode(path + "-wal") == 0600);
  CHECK(file_mode(path + "-shm") == 0600);
}

TEST_CASE("an existing database file readable by others is narrowed to 0600", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  std::ofstream(path).close();
  REQUIRE(::chmod(path.c_str(), 0644) == 0);
  auto db = Database::open(path);
  CHECK(file_mode(path) == 0600);
}

TEST_CASE("a database opens in WAL mode with foreign keys and synchronous=NORMAL", "[store]") {
  lmp::store_test::TempDir dir;
  auto db = Database::open(dir.path("state.db"), {.busy_timeout_ms = 1234});
  CHECK(pragma(*db, "journal_mode") == "wal");
  CHECK(pragma(*db, "foreign_keys") == "1");
  CHECK(pragma(*db, "synchronous") == "1");  // NORMAL
  CHECK(pragma(*db, "busy_timeout") == "1234");
}

TEST_CASE("an unopenable database fails with host.storage naming the file", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("missing-dir/state.db");
  try {
    Database::open(path);
    FAIL("open succeeded");
  } catch (const StoreError &e) {
    CHECK(e.error().code == "host.storage");
    CHECK_THAT(e.error().message, Catch::Contains(path));
    CHECK_FALSE(e.error().retryable);
  }
  try {
    Database::open(dir.path(""));  // a directory
    FAIL("open succeeded");
  } catch (const StoreError &e) {
    CHECK(e.error().code == "host.storage");
  }
}

TEST_CASE("an SQL error carries SQLite's message and the file", "[store]") {
  lmp::store_test::TempDir dir;
  auto db = Database::open(dir.path("state.db"));
  try {
    Statement st(*db, "SELECT * FROM no_such_table");
    FAIL("prepare succeeded");
  } catch (const StoreError &e) {
    CHECK(e.error().code == "host.storage");
    CHECK_THAT(e.error().message, Catch::Contains("no such table: no_such_table"));
    CHECK_THAT(e.error().message, Catch::Contains(dir.path("state.db")));
  }
}

TEST_CASE("statements bind and read every column type", "[store]") {
  auto db = Database::open(":memory:");
  db->exec("CREATE TABLE t (i INTEGER, s TEXT, b BLOB, n TEXT)");
  const std::string bytes("a\0b\xff", 4);
  Statement ins(*db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4)");
  ins.bind_int64(1, -42)
      .bind_text(2, "héllo")
      .bind_blob(3, bytes)
      .bind_optional_text(4, std::nullopt)
      .run();
  Statement sel(*db, "SELECT i, s, b, n FROM t");
  REQUIRE(sel.step());
  CHECK(sel.column_int64(0) == -42);
  CHECK(sel.column_text(1) == "héllo");
  CHECK(sel.column_blob(2) == bytes);
  CHECK(sel.is_null(3));
  CHECK_FALSE(sel.column_optional_text(3));
  CHECK(sel.column_optional_int64(0) == -42);
  CHECK_FALSE(sel.step());
  CHECK_THROWS_AS(sel.bind_int64(9, 1), StoreError);
}

TEST_CASE("a transaction rolls back unless committed, and nests as savepoints", "[store]") {
  auto db = Database::open(":memory:");
  db->exec("CREATE TABLE t (x INTEGER)");
  {
    Transaction tx(*db);
    db->exec("INSERT INTO t VALUES (1)");
  }
  CHECK(count(*db, "t") == 0);
  {
    Transaction outer(*db);
    db->exec("INSERT INTO t VALUES (1)");
    {
      Transaction inner(*db);
      db->exec("INSERT INTO t VALUES (2)");
    }
    {
      Transaction inner(*db);
      db->exec("INSERT INTO t VALUES (3)");
      inner.commit();
    }
    outer.commit();
  }
  Statement st(*db, "SELECT group_concat(x) FROM t");
  REQUIRE(st.step());
  CHECK(st.column_text(0) == "1,3");
}

TEST_CASE("a write blocked by another connection is a retryable host.storage error", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  auto first = Database::open(path);
  first->exec("CREATE TABLE t (x INTEGER)");
  auto second = Database::open(path, {.busy_timeout_ms = 0});
  Transaction holding(*first);
  try {
    Transaction blocked(*second);
    FAIL("the second writer got the lock");
  } catch (const StoreError &e) {
    CHECK(e.error().code == "host.storage");
    CHECK(e.error().retryable);
  }
  holding.commit();
  Transaction now_free(*second);
  second->exec("INSERT INTO t VALUES (1)");
  now_free.commit();
  CHECK(count(*first, "t") == 1);
}
