// load_config on valid files: every key, defaults, paths, platform sections, secrets.
#include <catch2/catch.hpp>

#include "core/config/config.hpp"
#include "core/util/redact.hpp"
#include "tests/core/config/temp_files.hpp"

namespace fs = std::filesystem;
using lmp::test::fake_env;
using lmp::test::TempDir;

namespace {

const char *kFullConfig = R"(plugins:
  paths: [extra-plugins, /opt/lmp/adapter.so]
state:
  path: data/state.db
  media_dir: media
network:
  allow_private_addresses: true
connect:
  redirect_uri: http://127.0.0.1:9999/cb
platforms:
  pinterest:
    board_cache_ttl_s: 120
accounts:
  - id: acc_pin_xyz
    platform: pinterest
    environment: production
    api_base_url: ${SIM_URL}/v5
    access_token: ${ACCESS}
    refresh_token: prefix-${REFRESH}-suffix
    client_id: client-1234
    client_secret: ${CLIENT_SECRET}
    monthly_quota: 500
  - id: acc_second
    platform: pinterest
server:
  listen: 0.0.0.0:9090
api_keys:
  - name: ci
    key: abc
    accounts: [acc_pin_xyz]
  - name: ops
    key_sha256: BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AE
    accounts: [acc_pin_xyz, acc_second]
webhooks:
  - url: https://example.com/hooks
    secret: ${HOOK_SECRET}
    events: [post.published, post.failed]
log:
  level: debug
  format: json
http:
  timeout_ms: 5000
  connect_timeout_ms: 2000
  max_redirects: 3
)";

lmp::EnvLookup full_env() {
  return fake_env({{"SIM_URL", "http://127.0.0.1:4010"},
                   {"ACCESS", "access-token-value-1"},
                   {"REFRESH", "refresh-token-value-2"},
                   {"CLIENT_SECRET", "client-secret-value-3"},
                   {"HOOK_SECRET", "hook-secret-value-4"}});
}

}  // namespace

TEST_CASE("a config with every key loads into typed settings", "[config]") {
  TempDir dir;
  const fs::path file = dir.write("letmepost.yaml", kFullConfig);
  const lmp::Config c = lmp::load_config(file, full_env());

  CHECK(c.file == file);
  REQUIRE(c.plugin_paths.size() == 2);
  CHECK(c.plugin_paths[0] == dir.path() / "extra-plugins");
  CHECK(c.plugin_paths[1] == fs::path("/opt/lmp/adapter.so"));
  CHECK(c.state_path == dir.path() / "data/state.db");
  CHECK(c.media_dir == dir.path() / "media");
  CHECK(c.allow_private_addresses);
  CHECK(c.redirect_uri == "http://127.0.0.1:9999/cb");
  CHECK(c.platforms.at("pinterest").at("board_cache_ttl_s") == 120);
  CHECK(c.server_listen == "0.0.0.0:9090");
  CHECK(c.log_level == "debug");
  CHECK(c.log_format == "json");
  CHECK(c.http_timeout_ms == 5000);
  CHECK(c.http_connect_timeout_ms == 2000);
  CHECK(c.max_redirects == 3);

  REQUIRE(c.accounts.size() == 2);
  const lmp::AccountConfig &a = c.accounts[0];
  CHECK(a.id == "acc_pin_xyz");
  CHECK(a.platform == "pinterest");
  CHECK(a.environment == "production");
  CHECK(a.api_base_url == "http://127.0.0.1:4010/v5");
  CHECK(a.access_token == "access-token-value-1");
  CHECK(a.refresh_token == "prefix-refresh-token-value-2-suffix");
  CHECK(a.client_id == "client-1234");
  CHECK(a.client_secret == "client-secret-value-3");
  CHECK(a.monthly_quota == 500);
  CHECK(a.where.to_string() == file.string() + ":14:5");
  const lmp::AccountConfig &b = c.accounts[1];
  CHECK(b.environment == "sandbox");
  CHECK_FALSE(b.access_token);
  CHECK_FALSE(b.monthly_quota);
  CHECK(c.find_account("acc_second") == &b);
  CHECK(c.find_account("nope") == nullptr);

  REQUIRE(c.api_keys.size() == 2);
  CHECK(c.api_keys[0].name == "ci");
  // SHA-256("abc"), the FIPS 180-2 test vector.
  CHECK(c.api_keys[0].key_sha256 ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(c.api_keys[0].accounts == std::vector<std::string>{"acc_pin_xyz"});
  CHECK(c.api_keys[1].key_sha256 ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ae");
  CHECK(c.api_keys[1].accounts.size() == 2);

  REQUIRE(c.webhooks.size() == 1);
  CHECK(c.webhooks[0].url == "https://example.com/hooks");
  CHECK(c.webhooks[0].secret == "hook-secret-value-4");
  CHECK(c.webhooks[0].events == std::vector<std::string>{"post.published", "post.failed"});

  CHECK(c.locations.at("accounts[0].environment").to_string() == file.string() + ":16:5");
  CHECK(c.locations.at("platforms.pinterest.board_cache_ttl_s").line == 12);
  CHECK(c.locations.at("api_keys[1].accounts[1]").line == 33);
  CHECK(c.locations.at("http.max_redirects").line == 44);
}

TEST_CASE("secrets read from the config are registered for redaction", "[config][redact]") {
  TempDir dir;
  lmp::load_config(dir.write("letmepost.yaml", kFullConfig), full_env());
  const std::string line = lmp::redact(
      "tokens access-token-value-1 prefix-refresh-token-value-2-suffix "
      "client-secret-value-3 hook-secret-value-4");
  CHECK(line == "tokens [REDACTED] [REDACTED] [REDACTED] [REDACTED]");
  // client_id is not a secret.
  CHECK(lmp::redact("client-1234") == "client-1234");
}

TEST_CASE("defaults apply to every key not written", "[config]") {
  TempDir dir;
  const lmp::Config c = lmp::load_config(dir.write("letmepost.yaml", ""), fake_env({}));
  CHECK(c.state_path == dir.path() / "letmepost.db");
  CHECK(c.media_dir == dir.path() / "letmepost-media");
  CHECK(c.plugin_paths.empty());
  CHECK_FALSE(c.allow_private_addresses);
  CHECK(c.redirect_uri == "http://127.0.0.1:8765/callback");
  CHECK(c.server_listen == "127.0.0.1:8080");
  CHECK(c.log_level == "info");
  CHECK(c.log_format == "text");
  CHECK(c.http_timeout_ms == 30000);
  CHECK(c.http_connect_timeout_ms == 10000);
  CHECK(c.max_redirects == 5);
  CHECK(c.accounts.empty());
  CHECK(c.platforms.empty());

  const lmp::Config d = lmp::default_config();
  CHECK(d.file.empty());
  CHECK(d.state_path == fs::path("./letmepost.db"));
  CHECK(d.media_dir == fs::path("./letmepost-media"));
}

TEST_CASE("relative paths resolve against the config file's folder", "[config]") {
  TempDir dir;
  const fs::path file = dir.write("conf/sub/letmepost.yaml",
                                  "state:\n  path: ../db/x.db\nplugins:\n  paths: [./p, ../q]\n");
  const lmp::Config c = lmp::load_config(file, fake_env({}));
  CHECK(c.state_path == dir.path() / "conf/db/x.db");
  // media_dir unset: beside the database.
  CHECK(c.media_dir == dir.path() / "conf/db/letmepost-media");
  REQUIRE(c.plugin_paths.size() == 2);
  CHECK(c.plugin_paths[0] == dir.path() / "conf/sub/p");
  CHECK(c.plugin_paths[1] == dir.path() / "conf/q");

  const fs::path abs = dir.write("abs.yaml", "state:\n  media_dir: /var/lib/lmp/media\n");
  CHECK(lmp::load_config(abs, fake_env({})).media_dir == fs::path("/var/lib/lmp/media"));
}

TEST_CASE("a relative config path still yields absolute paths", "[config]") {
  TempDir dir;
  dir.write("letmepost.yaml", "state:\n  path: s.db\n");
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  lmp::Config c;
  try {
    c = lmp::load_config("letmepost.yaml", fake_env({}));
  } catch (...) {
    fs::current_path(cwd);
    throw;
  }
  fs::current_path(cwd);
  CHECK(c.file == dir.path() / "letmepost.yaml");
  CHECK(c.state_path == dir.path() / "s.db");
}

TEST_CASE("platform sections are passed on as typed JSON", "[config]") {
  TempDir dir;
  const fs::path file = dir.write("letmepost.yaml", R"(platforms:
  pinterest:
    int: 42
    negative: -7
    float: 2.5
    exp: 1e3
    yes_bool: true
    no_bool: False
    tilde: ~
    empty:
    word: hello
    quoted_int: "42"
    quoted_bool: 'true'
    from_env: ${TTL}
    list: [1, two, 3.0]
    nested: {a: {b: [x]}}
    version: 1.2.3
  other:
)");
  const lmp::Config c = lmp::load_config(file, fake_env({{"TTL", "300"}}));
  const boost::json::object &p = c.platforms.at("pinterest");
  CHECK(p.at("int").is_int64());
  CHECK(p.at("int").as_int64() == 42);
  CHECK(p.at("negative").as_int64() == -7);
  CHECK(p.at("float").as_double() == 2.5);
  CHECK(p.at("exp").as_double() == 1000.0);
  CHECK(p.at("yes_bool").as_bool() == true);
  CHECK(p.at("no_bool").as_bool() == false);
  CHECK(p.at("tilde").is_null());
  CHECK(p.at("empty").is_null());
  CHECK(p.at("word").as_string() == "hello");
  CHECK(p.at("quoted_int").as_string() == "42");
  CHECK(p.at("quoted_bool").as_string() == "true");
  CHECK(p.at("from_env").as_int64() == 300);
  CHECK(boost::json::serialize(p.at("list")) == R"([1,"two",3E0])");
  CHECK(p.at("nested").at("a").at("b").at(0).as_string() == "x");
  CHECK(p.at("version").as_string() == "1.2.3");
  // Keys in file order.
  CHECK(p.begin()->key() == "int");
  CHECK(c.platforms.at("other").empty());
  CHECK(c.locations.at("platforms.pinterest.nested.a.b[0]").line == 16);
  // Unknown keys inside a platform section are the adapter's to check.
  CHECK(p.contains("word"));
}

TEST_CASE("$${ stands for a literal ${", "[config]") {
  TempDir dir;
  const fs::path file =
      dir.write("letmepost.yaml", "connect:\n  redirect_uri: http://h/$${X}/${Y}$\n");
  CHECK(lmp::load_config(file, fake_env({{"Y", "y"}})).redirect_uri == "http://h/${X}/y$");
}

TEST_CASE("the example config loads and documents every key", "[config]") {
  const fs::path file = fs::path(LMP_SOURCE_DIR) / "config/letmepost.example.yaml";
  const lmp::Config c = lmp::load_config(file, fake_env({{"PINTEREST_ACCESS_TOKEN", "a1234567"},
                                                         {"PINTEREST_REFRESH_TOKEN", "r1234567"},
                                                         {"PINTEREST_CLIENT_ID", "1234"},
                                                         {"PINTEREST_CLIENT_SECRET", "s1234567"},
                                                         {"LMP_API_KEY", "k1234567"},
                                                         {"LMP_WEBHOOK_SECRET", "w1234567"}}));
  for (const char *key : {"plugins.paths",
                          "state.path",
                          "state.media_dir",
                          "network.allow_private_addresses",
                          "connect.redirect_uri",
                          "platforms",
                          "accounts[0].id",
                          "accounts[0].platform",
                          "accounts[0].environment",
                          "accounts[0].api_base_url",
                          "accounts[0].access_token",
                          "accounts[0].refresh_token",
                          "accounts[0].client_id",
                          "accounts[0].client_secret",
                          "accounts[0].monthly_quota",
                          "server.listen",
                          "api_keys[0].name",
                          "api_keys[0].key",
                          "api_keys[0].accounts",
                          "webhooks[0].url",
                          "webhooks[0].secret",
                          "webhooks[0].events",
                          "log.level",
                          "log.format",
                          "http.timeout_ms",
                          "http.connect_timeout_ms",
                          "http.max_redirects",
                          "pacing.max_wait_s",
                          "pacing.reserve"}) {
    INFO(key);
    CHECK(c.locations.count(key) == 1);
  }
  CHECK(c.pacing_max_wait_s == 120);
  CHECK(c.pacing_reserve == 0);
}
