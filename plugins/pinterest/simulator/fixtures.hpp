// The simulator's seed data: OAuth apps, users with their tokens, boards and sections. Read from
// YAML (docs/simulator.md describes the format; config/simulator-fixtures.yaml is the built-in
// set).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lmp::sim {

struct FixtureApp {
  std::string client_id;
  std::string client_secret;
  std::vector<std::string> redirect_uris;  // empty = any redirect_uri is accepted
};

struct FixtureSection {
  std::string id;
  std::string name;
};

struct FixtureBoard {
  std::string id;
  std::string name;
  std::string description;
  std::string privacy = "PUBLIC";  // PUBLIC | PROTECTED | SECRET
  std::vector<FixtureSection> sections;
};

struct FixtureToken {
  std::string access_token;
  std::string refresh_token;  // "" = none
  std::string scope = "boards:read,boards:write,pins:read,pins:write,user_accounts:read";
};

struct FixtureUser {
  std::string id;
  std::string username;
  std::string access = "standard";  // standard | trial
  std::string account_type = "BUSINESS";
  std::vector<FixtureToken> tokens;
  std::vector<FixtureBoard> boards;
  int generated_boards = 0;             // extra boards "Board 1".."Board N" with generated ids
  std::optional<int> rate_limit_read;   // overrides --rate-limit-read for this user
  std::optional<int> rate_limit_write;  // overrides --rate-limit-write for this user
};

struct Fixtures {
  std::vector<FixtureApp> apps;
  std::vector<FixtureUser> users;
  std::string consent_user;  // username the consent page signs in; "" = the first user
};

// A fixture file that cannot be used; what() names the file and line.
class FixtureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses fixture YAML; `origin` names it in errors. Throws FixtureError for malformed YAML,
// unknown keys, missing required keys, duplicate ids or tokens, and bad id formats.
Fixtures parse_fixtures(const std::string &yaml, const std::string &origin);
// Reads and parses a fixture file.
Fixtures load_fixtures(const std::string &path);
// The built-in fixtures (config/simulator-fixtures.yaml, embedded at build time).
Fixtures builtin_fixtures();

}  // namespace lmp::sim
