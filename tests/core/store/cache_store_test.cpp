#include <catch2/catch.hpp>

#include "core/store/sqlite_store.hpp"
#include "store_test_util.hpp"

TEST_CASE("cache entries expire at their time-to-live on the injected clock", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  lmp::CacheStore &cache = store.cache();
  const int64_t t0 = 1'796'000'000'000;

  cache.put("pinterest/acc", "boards", "[1,2]", 300'000, t0);
  CHECK(cache.get("pinterest/acc", "boards", t0) == "[1,2]");
  CHECK(cache.get("pinterest/acc", "boards", t0 + 299'999) == "[1,2]");
  CHECK_FALSE(cache.get("pinterest/acc", "boards", t0 + 300'000));
  CHECK_FALSE(cache.get("pinterest/other", "boards", t0));  // namespaces are apart

  cache.put("pinterest/acc", "boards", "[3]", 1000, t0 + 400'000);  // replaces
  CHECK(cache.get("pinterest/acc", "boards", t0 + 400'500) == "[3]");
  cache.remove("pinterest/acc", "boards");
  CHECK_FALSE(cache.get("pinterest/acc", "boards", t0 + 400'500));
  cache.remove("pinterest/acc", "boards");  // absent: not an error

  cache.put("ns", "zero", "x", 0, t0);
  CHECK_FALSE(cache.get("ns", "zero", t0));
  cache.put("ns", "forever", "x", INT64_MAX, t0);
  CHECK(cache.get("ns", "forever", INT64_MAX - 1) == "x");
}

TEST_CASE("cache values are bytes, and purge removes only expired entries", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  const std::string bytes("\0\x01\xfe\xff", 4);
  store.cache().put("ns", "bin", bytes, 10, 100);
  store.cache().put("ns", "empty", "", 50, 100);
  store.cache().put("ns", "old", "x", 5, 100);
  CHECK(store.cache().get("ns", "bin", 100) == bytes);
  CHECK(store.cache().get("ns", "empty", 100) == "");
  CHECK(store.cache().purge_expired(110) == 2);
  CHECK(store.cache().get("ns", "empty", 100) == "");
  CHECK(store.cache().purge_expired(110) == 0);
}

TEST_CASE("two processes' connections on one file share the cache", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  lmp::SqliteStore first_run(path);
  lmp::SqliteStore second_run(path);  // opened while the first is still open
  first_run.cache().put("pinterest/acc", "boards", "[\"b1\"]", 60'000, 1000);
  CHECK(second_run.cache().get("pinterest/acc", "boards", 2000) == "[\"b1\"]");
  second_run.cache().remove("pinterest/acc", "boards");
  CHECK_FALSE(first_run.cache().get("pinterest/acc", "boards", 2000));
}
