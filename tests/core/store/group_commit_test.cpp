#include "core/store/group_commit.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store_test_util.hpp"

using lmp::Database;
using lmp::GroupCommit;
using lmp::Statement;

namespace {

int64_t rows(Database &db, const std::string &where = "1") {
  auto held = db.lock();
  Statement st(db, "SELECT count(*) FROM t WHERE " + where);
  REQUIRE(st.step());
  return st.column_int64(0);
}

void insert(Database &db, int64_t writer, int64_t n) {
  Statement st(db, "INSERT INTO t (writer, n) VALUES (?1, ?2)");
  st.bind_int64(1, writer).bind_int64(2, n).run();
}

}  // namespace

TEST_CASE("group commit: every write of every thread lands, each exactly once", "[store]") {
  lmp::store_test::TempDir dir;
  auto db = Database::open(dir.path("state.db"));
  db->exec("CREATE TABLE t (writer INTEGER, n INTEGER, UNIQUE (writer, n))");
  GroupCommit group(*db, 4);
  constexpr int kThreads = 6, kWrites = 150;
  std::vector<std::thread> threads;
  for (int w = 0; w < kThreads; ++w) {
    threads.emplace_back([&, w] {
      for (int n = 0; n < kWrites; ++n) group.run([&] { insert(*db, w, n); });
    });
  }
  for (auto &t : threads) t.join();
  CHECK(rows(*db) == kThreads * kWrites);
  // Committed, not just visible to this connection: a second connection sees them.
  auto other = Database::open(dir.path("state.db"));
  CHECK(rows(*other) == kThreads * kWrites);
}

TEST_CASE("group commit: a failing write is rolled back alone and its caller gets the error",
          "[store]") {
  lmp::store_test::TempDir dir;
  auto db = Database::open(dir.path("state.db"));
  db->exec("CREATE TABLE t (writer INTEGER, n INTEGER, UNIQUE (writer, n))");
  GroupCommit group(*db);
  constexpr int kThreads = 4, kWrites = 100;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int w = 0; w < kThreads; ++w) {
    threads.emplace_back([&, w] {
      for (int n = 0; n < kWrites; ++n) {
        try {
          group.run([&] {
            insert(*db, w, n);
            // Every tenth write fails after writing: its row must not survive.
            if (n % 10 == 0) throw std::runtime_error("write " + std::to_string(n) + " refused");
          });
        } catch (const std::runtime_error &e) {
          if (std::string(e.what()) == "write " + std::to_string(n) + " refused") ++failures[w];
        }
      }
    });
  }
  for (auto &t : threads) t.join();
  for (int w = 0; w < kThreads; ++w) CHECK(failures[w] == kWrites / 10);
  CHECK(rows(*db) == kThreads * (kWrites - kWrites / 10));
  CHECK(rows(*db, "n % 10 = 0") == 0);
}

TEST_CASE("group commit: a write that breaks a constraint fails with the store's error",
          "[store]") {
  lmp::store_test::TempDir dir;
  auto db = Database::open(dir.path("state.db"));
  db->exec("CREATE TABLE t (writer INTEGER, n INTEGER, UNIQUE (writer, n))");
  GroupCommit group(*db);
  group.run([&] { insert(*db, 1, 1); });
  CHECK_THROWS_AS(group.run([&] { insert(*db, 1, 1); }), lmp::StoreError);
  group.run([&] { insert(*db, 1, 2); });
  CHECK(rows(*db) == 2);
}
