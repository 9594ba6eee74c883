// `letmepost backup FILE [--force]` run as a user runs it.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <filesystem>

#include "core/store/migrations.hpp"
#include "core/store/sqlite_store.hpp"
#include "support/cli.hpp"

namespace fs = std::filesystem;
using lmp::test::CliRun;
using lmp::test::run_letmepost;
using lmp::test::Scratch;

TEST_CASE("backup: copies the state database, refuses to overwrite without --force", "[cli]") {
  Scratch s;
  const auto cfg = s.write("letmepost.yaml", "state:\n  path: state.db\n");
  auto missing = run_letmepost(s, {"--config", cfg.string(), "backup", s.path("copy.db")});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("no state database"));
  {
    lmp::SqliteStore store(s.path("state.db"));
    store.database().exec(
        "INSERT INTO posts (id, created_at_ms, updated_at_ms, status, body_json) "
        "VALUES ('post_1', 1, 2, 'published', '{}')");
  }

  CliRun ok = run_letmepost(s, {"--config", cfg.string(), "backup", s.path("copy.db")});
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  CHECK(ok.out.at("backup").as_string() == s.path("copy.db"));
  CHECK(ok.out.at("schemaVersion") == lmp::latest_schema_version());
  CHECK(lmp::SqliteStore(s.path("copy.db")).posts().get("post_1"));

  auto again = run_letmepost(s, {"--config", cfg.string(), "backup", s.path("copy.db")});
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Catch::Contains("--force"));
  auto forced =
      run_letmepost(s, {"--config", cfg.string(), "backup", "--force", s.path("copy.db")});
  CHECK(forced.exit_code == 0);
  auto itself =
      run_letmepost(s, {"--config", cfg.string(), "backup", "--force", s.path("state.db")});
  CHECK(itself.exit_code == 2);
  CHECK_THAT(itself.err, Catch::Contains("state database itself"));
  CHECK(lmp::SqliteStore(s.path("state.db")).posts().get("post_1"));
}
