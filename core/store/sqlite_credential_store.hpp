// CredentialStore over a SQLite state database.
#pragma once

#include "core/store/sqlite.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Credentials in the credentials table (schema v1 and later). seed_hash holds a JSON object of
// SHA-256 digests (hex), one per YAML key last seeded. REQUIRES: `db` is migrated and outlives
// this object.
class SqliteCredentialStore : public CredentialStore {
 public:
  explicit SqliteCredentialStore(Database &db) : db_(db) {}

  std::optional<boost::json::object> get(const std::string &account_id) override;
  CredentialSeed seed_from_config(const std::string &account_id, const std::string &platform,
                                  const boost::json::object &yaml_credentials,
                                  int64_t now_ms) override;
  void update(const std::string &account_id, const std::string &platform,
              const boost::json::object &changes, int64_t now_ms) override;

 private:
  boost::json::object read_object(const std::optional<std::string> &text, std::string_view column);

  Database &db_;
};

}  // namespace lmp
