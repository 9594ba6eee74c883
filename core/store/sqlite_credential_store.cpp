#include "core/store/sqlite_credential_store.hpp"

#include "core/store/json_columns.hpp"
#include "core/util/sha256.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

// {key: SHA-256 of the key's serialized value}: enough to tell that a YAML value changed,
// without keeping a second copy of the secret.
json::object seed_digests(const json::object &yaml) {
  json::object digests;
  for (const auto &kv : yaml) digests[kv.key()] = sha256_hex(json::serialize(kv.value()));
  return digests;
}

}  // namespace

json::object SqliteCredentialStore::read_object(const std::optional<std::string> &text,
                                                std::string_view column) {
  json::value v = read_json_column(db_, text, column);
  if (json::object *o = v.if_object()) return std::move(*o);
  if (v.is_null()) return {};
  throw storage_error(db_.path(), "column " + std::string(column) + " is not a JSON object");
}

std::optional<json::object> SqliteCredentialStore::get(const std::string &account_id) {
  auto held = db_.lock();
  Statement st(db_, "SELECT credentials_json FROM credentials WHERE account_id = ?1");
  st.bind_text(1, account_id);
  if (!st.step()) return std::nullopt;
  return read_object(st.column_text(0), "credentials.credentials_json");
}

CredentialSeed SqliteCredentialStore::seed_from_config(const std::string &account_id,
                                                       const std::string &platform,
                                                       const json::object &yaml_credentials,
                                                       int64_t now_ms) {
  json::object digests = seed_digests(yaml_credentials);
  Transaction tx(db_);
  Statement read(db_,
                 "SELECT platform, credentials_json, seed_hash FROM credentials "
                 "WHERE account_id = ?1");
  read.bind_text(1, account_id);
  bool exists = read.step();
  std::string stored_platform = exists ? read.column_text(0) : std::string();
  std::optional<std::string> stored_json = exists ? read.column_optional_text(1) : std::nullopt;
  std::optional<std::string> seed_hash = exists ? read.column_optional_text(2) : std::nullopt;
  read.reset();
  CredentialSeed outcome = CredentialSeed::inserted;
  json::object stored = yaml_credentials;
  if (exists && stored_platform == platform) {
    stored = read_object(stored_json, "credentials.credentials_json");
    json::object seeded = read_object(seed_hash, "credentials.seed_hash");
    outcome = CredentialSeed::kept;
    for (const auto &kv : yaml_credentials) {
      const json::value *before = seeded.if_contains(kv.key());
      if (before && *before == digests.at(kv.key())) continue;
      stored[kv.key()] = kv.value();
      outcome = CredentialSeed::updated;
    }
    if (outcome == CredentialSeed::kept && seeded == digests) return outcome;
  } else if (exists) {
    outcome = CredentialSeed::updated;  // another platform's credentials mean nothing here
  }
  Statement write(db_,
                  "INSERT INTO credentials (account_id, platform, credentials_json, seed_hash, "
                  "updated_at_ms) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (account_id) DO UPDATE "
                  "SET platform = excluded.platform, credentials_json = excluded.credentials_json, "
                  "seed_hash = excluded.seed_hash, updated_at_ms = CASE WHEN ?6 THEN "
                  "excluded.updated_at_ms ELSE updated_at_ms END");
  write.bind_text(1, account_id)
      .bind_text(2, platform)
      .bind_text(3, json::serialize(stored))
      .bind_text(4, json::serialize(digests))
      .bind_int64(5, now_ms)
      .bind_int64(6, outcome == CredentialSeed::kept ? 0 : 1)
      .run();
  tx.commit();
  return outcome;
}

void SqliteCredentialStore::update(const std::string &account_id, const std::string &platform,
                                   const json::object &changes, int64_t now_ms) {
  Transaction tx(db_);
  Statement read(db_, "SELECT credentials_json FROM credentials WHERE account_id = ?1");
  read.bind_text(1, account_id);
  json::object stored;
  if (read.step()) stored = read_object(read.column_text(0), "credentials.credentials_json");
  read.reset();
  for (const auto &kv : changes) {
    if (kv.value().is_null()) {
      stored.erase(kv.key());
    } else {
      stored[kv.key()] = kv.value();
    }
  }
  Statement write(db_,
                  "INSERT INTO credentials (account_id, platform, credentials_json, seed_hash, "
                  "updated_at_ms) VALUES (?1, ?2, ?3, NULL, ?4) ON CONFLICT (account_id) DO "
                  "UPDATE SET credentials_json = excluded.credentials_json, "
                  "updated_at_ms = excluded.updated_at_ms");
  write.bind_text(1, account_id)
      .bind_text(2, platform)
      .bind_text(3, json::serialize(stored))
      .bind_int64(4, now_ms)
      .run();
  tx.commit();
}

}  // namespace lmp
