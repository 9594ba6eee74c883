// load_config on bad files: each error's code, position, field and message.
#include <catch2/catch.hpp>

#include "core/config/config.hpp"
#include "tests/core/config/temp_files.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using lmp::test::fake_env;
using lmp::test::TempDir;

namespace {

// The error that loading `yaml` throws; fails the test when it loads.
lmp::ConfigError load_error(const TempDir &dir, const std::string &yaml,
                            const std::map<std::string, std::string> &env = {}) {
  const fs::path file = dir.write("letmepost.yaml", yaml);
  try {
    lmp::load_config(file, fake_env(env));
  } catch (const lmp::ConfigError &e) {
    CHECK(std::string(e.what()) == e.error.message);
    return e;
  }
  FAIL("the config loaded, but an error was expected:\n" << yaml);
  throw std::logic_error("unreachable");
}

std::string prefix(const TempDir &dir, int line, int column) {
  return (dir.path() / "letmepost.yaml").string() + ":" + std::to_string(line) + ":" +
         std::to_string(column) + ": ";
}

}  // namespace

TEST_CASE("a missing file is config.file_not_found", "[config]") {
  TempDir dir;
  const fs::path file = dir.path() / "nope.yaml";
  try {
    lmp::load_config(file, fake_env({}));
    FAIL("loaded a missing file");
  } catch (const lmp::ConfigError &e) {
    CHECK(e.error.code == "config.file_not_found");
    CHECK_THAT(e.error.message, StartsWith(file.string() + ": "));
    CHECK(e.where.file == file.string());
  }
  CHECK_THROWS_AS(lmp::load_config(dir.path(), fake_env({})), lmp::ConfigError);
}

TEST_CASE("a YAML syntax error names file:line:col", "[config]") {
  TempDir dir;
  const lmp::ConfigError e = load_error(dir, "state:\n  path: a.db\naccounts: [\n  {id: x\n");
  CHECK(e.error.code == "config.syntax");
  CHECK_THAT(e.error.message, StartsWith(prefix(dir, e.where.line, e.where.column)));
  CHECK(e.where.line >= 3);
  CHECK_THAT(e.error.message, Contains("YAML syntax error"));

  const lmp::ConfigError bad_indent = load_error(dir, "state:\n  path: a\n bad: [\n");
  CHECK(bad_indent.error.code == "config.syntax");
  CHECK(bad_indent.where.line == 3);
}

TEST_CASE("an unknown key names the nearest known key and its position", "[config]") {
  TempDir dir;
  const lmp::ConfigError e =
      load_error(dir, "state:\n  path: a.db\n  media_dri: m\naccounts: []\n");
  CHECK(e.error.code == "config.unknown_key");
  CHECK(e.error.field == "state.media_dri");
  CHECK(e.error.message ==
        prefix(dir, 3, 3) + "unknown key 'media_dri'; did you mean 'media_dir'?");

  const lmp::ConfigError top = load_error(dir, "acounts:\n  - id: a\n");
  CHECK(top.error.code == "config.unknown_key");
  CHECK(top.error.message == prefix(dir, 1, 1) + "unknown key 'acounts'; did you mean 'accounts'?");

  const lmp::ConfigError account =
      load_error(dir, "accounts:\n  - id: a\n    platform: p\n    acess_token: t\n");
  CHECK(account.error.field == "accounts[0].acess_token");
  CHECK_THAT(account.error.message, Contains("did you mean 'access_token'?"));
  CHECK(account.where.line == 4);
  CHECK(account.where.column == 5);

  const lmp::ConfigError far = load_error(dir, "network:\n  zzzzzzzzzz: 1\n");
  CHECK(far.error.message ==
        prefix(dir, 2, 3) + "unknown key 'zzzzzzzzzz'; known keys here: allow_private_addresses");
}

TEST_CASE("keys inside platforms.<name> are not checked", "[config]") {
  TempDir dir;
  const lmp::Config c = lmp::load_config(
      dir.write("letmepost.yaml", "platforms:\n  pinterest:\n    board_cach_ttl_s: 1\n"),
      fake_env({}));
  CHECK(c.platforms.at("pinterest").contains("board_cach_ttl_s"));
  const lmp::ConfigError e = load_error(dir, "platforms:\n  pinterest: [1, 2]\n");
  CHECK(e.error.code == "config.invalid_value");
  CHECK(e.error.field == "platforms.pinterest");
}

TEST_CASE("an unset variable names itself and its line", "[config]") {
  TempDir dir;
  const lmp::ConfigError e = load_error(
      dir, "accounts:\n  - id: a\n    platform: p\n    access_token: tok-${PIN_TOKEN}-x\n",
      {{"OTHER", "1"}});
  CHECK(e.error.code == "config.missing_variable");
  CHECK(e.error.field == "accounts[0].access_token");
  CHECK(e.where.line == 4);
  CHECK_THAT(e.error.message, StartsWith(prefix(dir, 4, 19)));
  CHECK_THAT(e.error.message, Contains("PIN_TOKEN"));

  const lmp::ConfigError in_platform =
      load_error(dir, "platforms:\n  pinterest:\n    ttl: ${TTL}\n");
  CHECK(in_platform.error.code == "config.missing_variable");
  CHECK(in_platform.error.field == "platforms.pinterest.ttl");

  const lmp::ConfigError unclosed = load_error(dir, "server:\n  listen: ${HOST:80\n");
  CHECK(unclosed.error.code == "config.invalid_value");
  CHECK_THAT(unclosed.error.message, Contains("not closed"));
}

TEST_CASE("an environment other than sandbox or production is invalid", "[config]") {
  TempDir dir;
  const lmp::ConfigError e =
      load_error(dir, "accounts:\n  - id: a\n    platform: p\n    environment: staging\n");
  CHECK(e.error.code == "config.invalid_value");
  CHECK(e.error.field == "accounts[0].environment");
  CHECK(e.error.message == prefix(dir, 4, 18) +
                               "'accounts[0].environment' must be sandbox | production, not "
                               "'staging'");
}

TEST_CASE("wrong types are config.invalid_value with the path", "[config]") {
  TempDir dir;
  struct Case {
    const char *yaml, *field, *says;
  };
  for (const Case &c : {
           Case{"network:\n  allow_private_addresses: yes\n", "network.allow_private_addresses",
                "true or false"},
           Case{"http:\n  timeout_ms: soon\n", "http.timeout_ms", "whole number"},
           Case{"http:\n  max_redirects: 99\n", "http.max_redirects", "from 0 to 20"},
           Case{"state:\n  path: [a, b]\n", "state.path", "single value"},
           Case{"state: 3\n", "state", "mapping"},
           Case{"accounts:\n  id: a\n", "accounts", "list"},
           Case{"log:\n  level: loud\n", "log.level", "trace, debug"},
           Case{"log:\n  format: xml\n", "log.format", "text | json"},
           Case{"server:\n  listen: localhost\n", "server.listen", "host:port"},
           Case{"connect:\n  redirect_uri: not a url\n", "connect.redirect_uri", "http"},
           Case{"accounts:\n  - id: a b\n    platform: p\n", "accounts[0].id", "letters"},
           Case{"api_keys:\n  - name: k\n    accounts: [a]\n", "api_keys[0].key", "neither"},
           Case{"api_keys:\n  - name: k\n    key_sha256: abc\n    accounts: [a]\n",
                "api_keys[0].key_sha256", "64 hex"},
           Case{"api_keys:\n  - name: k\n    key: secret-1\n    key_sha256: "
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n",
                "api_keys[0].key_sha256", "not both"},
           Case{"accounts:\n  - {id: a, platform: p}\napi_keys:\n  - {name: k, key: kkkkkkkk, "
                "accounts: [a, b]}\n",
                "api_keys[0].accounts[1]", "'b', which is not configured"},
       }) {
    INFO(c.yaml);
    const lmp::ConfigError e = load_error(dir, c.yaml);
    CHECK(e.error.code == "config.invalid_value");
    CHECK(e.error.field == c.field);
    CHECK_THAT(e.error.message, Contains(c.says));
    CHECK(e.where.line > 0);
    CHECK_THAT(e.error.message, StartsWith(prefix(dir, e.where.line, e.where.column)));
  }
}

TEST_CASE("an account without id or platform is config.missing_key", "[config]") {
  TempDir dir;
  const lmp::ConfigError no_id =
      load_error(dir, "accounts:\n  - platform: pinterest\n    environment: sandbox\n");
  CHECK(no_id.error.code == "config.missing_key");
  CHECK(no_id.error.field == "accounts[0].id");
  CHECK(no_id.error.message == prefix(dir, 2, 5) + "the account has no 'id'");

  const lmp::ConfigError no_platform =
      load_error(dir, "accounts:\n  - id: a\n  - id: b\n    platform: ~\n");
  CHECK(no_platform.error.code == "config.missing_key");
  CHECK(no_platform.error.field == "accounts[0].platform");

  const lmp::ConfigError hook = load_error(dir, "webhooks:\n  - url: https://h.example/x\n");
  CHECK(hook.error.code == "config.missing_key");
  CHECK(hook.error.field == "webhooks[0].secret");
}

TEST_CASE("a duplicate account id points at the second one", "[config]") {
  TempDir dir;
  const lmp::ConfigError e = load_error(dir,
                                        "accounts:\n  - id: a\n    platform: p\n  - id: b\n    "
                                        "platform: p\n  - platform: p\n    id: a\n");
  CHECK(e.error.code == "config.invalid_value");
  CHECK(e.error.field == "accounts[2].id");
  CHECK(e.error.message == prefix(dir, 7, 5) + "account id 'a' is already used by accounts[0] (" +
                               (dir.path() / "letmepost.yaml").string() + ":2:5)");
}

TEST_CASE("a key written twice is config.duplicate_key", "[config]") {
  TempDir dir;
  const lmp::ConfigError e = load_error(dir, "state:\n  path: a\n  path: b\n");
  CHECK(e.error.code == "config.duplicate_key");
  CHECK(e.error.field == "state.path");
  CHECK(e.where.line == 3);
  CHECK_THAT(e.error.message, Contains(":2:3"));
}

TEST_CASE("the first error in the file is the one reported", "[config]") {
  TempDir dir;
  const lmp::ConfigError e = load_error(dir, "log:\n  level: loud\nstate:\n  pth: x\n");
  CHECK(e.error.field == "log.level");
}

TEST_CASE("error messages never hold a secret", "[config][redact]") {
  TempDir dir;
  const lmp::ConfigError e =
      load_error(dir,
                 "accounts:\n  - id: a\n    platform: p\n    access_token: ${T}\n"
                 "http:\n  timeout_ms: ${T}\n",
                 {{"T", "very-secret-token-9"}});
  CHECK(e.error.field == "http.timeout_ms");
  CHECK_THAT(e.error.message, !Contains("very-secret-token-9"));
  CHECK_THAT(e.error.message, Contains("[REDACTED]"));
}
