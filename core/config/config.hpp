// letmepost's YAML config (interfaces.md, "Config (YAML)"), read into typed settings. Every error
// names the file, line and column, and the YAML path of the value, and never holds a secret.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/error.hpp"

namespace lmp {

// Where a value was written in a config file (line and column count from 1; 0 when unknown).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:col", or just "file" when the line is unknown.
  std::string to_string() const;
};

// One entry of `accounts`.
struct AccountConfig {
  std::string id, platform, environment = "sandbox";  // environment: sandbox | production
  std::optional<std::string> api_base_url, access_token, refresh_token, client_id, client_secret;
  std::optional<int64_t> monthly_quota;  // pins per calendar month; unset: no limit
  Location where;                        // the start of the entry
};

// One entry of `api_keys`. Only the key's hash is kept.
struct ApiKeyConfig {
  std::string name;
  std::string key_sha256;             // lower-case hex SHA-256 of the key
  std::vector<std::string> accounts;  // ids of configured accounts this key may use; never empty
  Location where;
};

// One entry of `webhooks`.
struct WebhookConfig {
  std::string url;                  // an http(s) URL
  std::string secret;               // signs each delivery; registered for redaction
  std::vector<std::string> events;  // empty: every event
  Location where;
};

// The whole config, with defaults for every key not written. Paths are absolute when read from a
// file (relative ones resolve against the file's folder).
struct Config {
  std::filesystem::path file;  // empty when there is no config file
  std::vector<std::filesystem::path> plugin_paths;
  std::filesystem::path state_path = "./letmepost.db";
  std::filesystem::path media_dir = "./letmepost-media";  // default: <state dir>/letmepost-media
  bool allow_private_addresses = false;
  std::string redirect_uri = "http://127.0.0.1:8765/callback";
  // Adapter sections (platforms.<name>), as written: ints are int64, floats double, true/false
  // bool, null/~/empty null, sequences arrays, mappings objects, any other scalar (and every
  // quoted one) a string. Keys are not checked here: each adapter checks its own.
  std::map<std::string, boost::json::object> platforms;
  std::vector<AccountConfig> accounts;
  std::string server_listen = "127.0.0.1:8080";  // host:port
  // The largest body `POST /v1/media` takes (a 2 GiB video plus its multipart framing).
  int64_t server_max_upload_bytes = (int64_t{2} << 30) + (int64_t{1} << 20);
  std::vector<ApiKeyConfig> api_keys;
  std::vector<WebhookConfig> webhooks;
  std::string log_level = "info";   // a name log_level_from_name() accepts
  std::string log_format = "text";  // text | json
  int64_t http_timeout_ms = 30000, http_connect_timeout_ms = 10000;
  int max_redirects = 5;
  // Per-account pacing (docs/pinterest.md, "Rate limits"): the longest the host holds an
  // operation back for a spent rate limit, and the budget it keeps in hand.
  int64_t pacing_max_wait_s = 120, pacing_reserve = 0;
  // Publishing (config/letmepost.example.yaml, "publish"): how many accounts publish at once, and
  // how a retryable failure is retried within one run (later ones are the scheduler's).
  int64_t publish_parallel_accounts = 4;
  int64_t publish_retries = 2, publish_retry_backoff_ms = 1000, publish_retry_max_wait_s = 60;
  // The scheduler (`serve`, `publish-due`; config/letmepost.example.yaml, "scheduler"): how often
  // serve looks for due posts, how long a process may hold a post before another may take it
  // over, and how late a scheduled post may publish before it is flagged late. A target the
  // scheduler publishes that fails with a retryable error is tried again in a later pass, up to
  // max_attempts in all, after retry_backoff_ms doubled per attempt (or the platform's
  // retryAfterMs when longer).
  int64_t scheduler_poll_ms = 1000, scheduler_lease_s = 3600, scheduler_late_after_s = 60;
  int64_t scheduler_max_attempts = 5, scheduler_retry_backoff_ms = 60'000;
  // Webhook delivery (config/letmepost.example.yaml, "webhook_delivery"): attempts before a
  // delivery is dead, the first retry's wait (doubling up to max_backoff_s), one attempt's
  // timeout, how often serve looks for due deliveries, and the timeout of the one pass a CLI run
  // makes before it exits.
  int64_t webhook_max_attempts = 8, webhook_backoff_ms = 10'000, webhook_max_backoff_s = 3600;
  int64_t webhook_timeout_ms = 10'000, webhook_poll_ms = 1000, webhook_cli_timeout_ms = 2000;
  // How many days before a stored token expires token.expiring is sent (0: never).
  int64_t webhook_token_expiring_days = 7;
  // Where each key was written, by YAML path ("state.path", "accounts[0].environment",
  // "platforms.pinterest.board_cache_ttl_s"); sequence items too ("api_keys[0].accounts[1]").
  std::map<std::string, Location> locations;

  // The account with this id, or nullptr.
  const AccountConfig *find_account(std::string_view id) const;
};

// A config that cannot be used. what() is error.message, which starts with where.to_string()
// and ": "; error.field is the YAML path of the offending value (null when it is the file).
class ConfigError : public std::runtime_error {
 public:
  ConfigError(Error error, Location where);

  Error error;
  Location where;
};

// Reads an environment variable: its value, or nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const std::string &)>;

// The process environment, as EnvLookup.
std::optional<std::string> process_env(const std::string &name);

// Reads and checks `file`. `${VAR}` in any scalar is replaced by getenv(VAR) (`$${` stands for a
// literal `${`). Every secret read (tokens, client secrets, API keys, webhook secrets) is
// registered with register_secret(). Throws ConfigError on the first problem, in file order.
Config load_config(const std::filesystem::path &file, const EnvLookup &getenv = process_env);

// The config used when there is no file: every default, relative paths left relative.
Config default_config();

}  // namespace lmp
