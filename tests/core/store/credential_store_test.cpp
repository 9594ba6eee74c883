#include <catch2/catch.hpp>

#include "core/store/sqlite_store.hpp"
#include "store_test_util.hpp"

namespace json = boost::json;
using lmp::CredentialSeed;

namespace {

json::object yaml(const std::string &access, const std::string &refresh) {
  return {{"accessToken", access},
          {"refreshToken", refresh},
          {"clientId", "1234"},
          {"clientSecret", "s3cret"}};
}

}  // namespace

TEST_CASE("YAML credentials seed the database, which wins until the YAML changes", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  {
    lmp::SqliteStore store(path);
    auto &creds = store.credentials();
    CHECK_FALSE(creds.get("acc"));
    CHECK(creds.seed_from_config("acc", "pinterest", yaml("pina_1", "pinr_1"), 1) ==
          CredentialSeed::inserted);
    CHECK(creds.get("acc") == yaml("pina_1", "pinr_1"));

    // A refresh rotates both tokens.
    creds.update("acc", "pinterest", {{"accessToken", "pina_2"}, {"refreshToken", "pinr_2"}}, 2);
  }
  {
    // A later run with the same, now stale, YAML: the rotated tokens stay.
    lmp::SqliteStore store(path);
    auto &creds = store.credentials();
    CHECK(creds.seed_from_config("acc", "pinterest", yaml("pina_1", "pinr_1"), 3) ==
          CredentialSeed::kept);
    CHECK(creds.get("acc") == yaml("pina_2", "pinr_2"));

    // The user pastes a new refresh token into the YAML: that value wins, the others stay.
    CHECK(creds.seed_from_config("acc", "pinterest", yaml("pina_1", "pinr_new"), 4) ==
          CredentialSeed::updated);
    CHECK(creds.get("acc") == yaml("pina_2", "pinr_new"));
    CHECK(creds.seed_from_config("acc", "pinterest", yaml("pina_1", "pinr_new"), 5) ==
          CredentialSeed::kept);

    // Key order in the YAML is not a change.
    json::object reordered{{"clientSecret", "s3cret"},
                           {"clientId", "1234"},
                           {"refreshToken", "pinr_new"},
                           {"accessToken", "pina_1"}};
    CHECK(creds.seed_from_config("acc", "pinterest", reordered, 6) == CredentialSeed::kept);
  }
}

TEST_CASE("the seed record keeps digests, never the YAML secrets in clear", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  store.credentials().seed_from_config("acc", "pinterest", yaml("pina_1", "pinr_1"), 1);
  lmp::Statement st(store.database(), "SELECT seed_hash FROM credentials");
  REQUIRE(st.step());
  const std::string seed = st.column_text(0);
  CHECK(seed.find("pina_1") == std::string::npos);
  CHECK(seed.find("s3cret") == std::string::npos);
  CHECK(json::parse(seed).as_object().size() == 4);
}

TEST_CASE("a token refresh merges keys into the stored credentials", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  auto &creds = store.credentials();
  creds.seed_from_config("acc", "pinterest", yaml("pina_1", "pinr_1"), 1);
  creds.update("acc", "pinterest",
               {{"accessToken", "pina_2"}, {"expiresAt", "2026-12-28T12:00:00Z"}}, 2);
  json::object expected = yaml("pina_2", "pinr_1");
  expected["expiresAt"] = "2026-12-28T12:00:00Z";
  CHECK(creds.get("acc") == expected);

  creds.update("acc", "pinterest", {{"expiresAt", nullptr}}, 3);  // null removes a key
  CHECK(creds.get("acc") == yaml("pina_2", "pinr_1"));

  // `connect` for an account never seeded creates it.
  creds.update("fresh", "pinterest", {{"accessToken", "pina_x"}, {"refreshToken", nullptr}}, 4);
  CHECK(creds.get("fresh") == json::object{{"accessToken", "pina_x"}});
}

TEST_CASE("an account moved to another platform is reseeded whole", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  auto &creds = store.credentials();
  creds.seed_from_config("acc", "pinterest", yaml("pina_1", "pinr_1"), 1);
  creds.update("acc", "pinterest", {{"extra", "x"}}, 2);
  json::object other{{"apiKey", "k"}};
  CHECK(creds.seed_from_config("acc", "other", other, 3) == CredentialSeed::updated);
  CHECK(creds.get("acc") == other);
}
