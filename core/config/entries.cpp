// The list sections: accounts, api_keys and webhooks, one table per entry kind.
#include <algorithm>
#include <cctype>

#include "core/config/key_table.hpp"
#include "core/config/sections.hpp"
#include "core/util/sha256.hpp"

namespace lmp {

namespace {

using Reader = YamlReader;
using Node = YAML::Node;
using Path = std::string;

std::string non_empty(Reader &r, const Node &v, const Path &p) {
  std::string text = r.text(v, p);
  if (text.empty()) r.fail("config.invalid_value", v, p, "'" + p + "' must not be empty");
  return text;
}

// An unset variable fails; an empty value means "not set".
std::optional<std::string> optional_text(std::string text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// Account ids appear in URLs, commands and the database: keep them to a safe alphabet.
std::string account_id(Reader &r, const Node &v, const Path &p) {
  std::string id = non_empty(r, v, p);
  const bool safe = std::all_of(id.begin(), id.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.';
  });
  if (!safe) {
    r.fail("config.invalid_value", v, p,
           "'" + p + "' may hold only letters, digits, '_', '-' and '.'");
  }
  return id;
}

const auto kAccountKeys = std::to_array<Key<AccountConfig>>({
    {"id",
     [](Reader &r, const Node &v, const Path &p, AccountConfig &a) { a.id = account_id(r, v, p); }},
    {"platform", [](Reader &r, const Node &v, const Path &p,
                    AccountConfig &a) { a.platform = non_empty(r, v, p); }},
    {"environment",
     [](Reader &r, const Node &v, const Path &p, AccountConfig &a) {
       a.environment = r.one_of(v, p, {"sandbox", "production"});
     }},
    {"api_base_url", [](Reader &r, const Node &v, const Path &p,
                        AccountConfig &a) { a.api_base_url = r.http_url(v, p); }},
    {"access_token", [](Reader &r, const Node &v, const Path &p,
                        AccountConfig &a) { a.access_token = optional_text(r.secret(v, p)); }},
    {"refresh_token", [](Reader &r, const Node &v, const Path &p,
                         AccountConfig &a) { a.refresh_token = optional_text(r.secret(v, p)); }},
    {"client_id", [](Reader &r, const Node &v, const Path &p,
                     AccountConfig &a) { a.client_id = optional_text(r.text(v, p)); }},
    {"client_secret", [](Reader &r, const Node &v, const Path &p,
                         AccountConfig &a) { a.client_secret = optional_text(r.secret(v, p)); }},
    {"monthly_quota",
     [](Reader &r, const Node &v, const Path &p,
        AccountConfig &a) { a.monthly_quota = r.integer(v, p, 0, 1'000'000'000); }},
});

void only_one_key_form(Reader &r, const Node &v, const Path &p, const ApiKeyConfig &k) {
  if (!k.key_sha256.empty()) {
    r.fail("config.invalid_value", v, p, "give an api key as 'key' or 'key_sha256', not both");
  }
}

const auto kApiKeyKeys = std::to_array<Key<ApiKeyConfig>>({
    {"name",
     [](Reader &r, const Node &v, const Path &p, ApiKeyConfig &k) { k.name = non_empty(r, v, p); }},
    {"key",
     [](Reader &r, const Node &v, const Path &p, ApiKeyConfig &k) {
       only_one_key_form(r, v, p, k);
       const std::string key = r.secret(v, p);
       if (key.empty()) r.fail("config.invalid_value", v, p, "'" + p + "' must not be empty");
       k.key_sha256 = sha256_hex(key);
     }},
    {"key_sha256",
     [](Reader &r, const Node &v, const Path &p, ApiKeyConfig &k) {
       only_one_key_form(r, v, p, k);
       std::string hex = r.text(v, p);
       std::transform(hex.begin(), hex.end(), hex.begin(),
                      [](char ch) { return static_cast<char>(std::tolower(ch)); });
       if (hex.size() != 64 || hex.find_first_not_of("0123456789abcdef") != std::string::npos) {
         r.fail("config.invalid_value", v, p, "'" + p + "' must be 64 hex digits (a SHA-256)");
       }
       k.key_sha256 = std::move(hex);
     }},
    {"accounts", [](Reader &r, const Node &v, const Path &p,
                    ApiKeyConfig &k) { k.accounts = r.text_list(v, p); }},
});

const auto kWebhookKeys = std::to_array<Key<WebhookConfig>>({
    {"url",
     [](Reader &r, const Node &v, const Path &p, WebhookConfig &w) { w.url = r.http_url(v, p); }},
    {"secret",
     [](Reader &r, const Node &v, const Path &p, WebhookConfig &w) {
       w.secret = r.secret(v, p);
       if (w.secret.empty()) r.fail("config.invalid_value", v, p, "'" + p + "' must not be empty");
     }},
    {"events", [](Reader &r, const Node &v, const Path &p,
                  WebhookConfig &w) { w.events = r.text_list(v, p); }},
});

// Fails with config.missing_key at `item` unless `present`.
void require(const Reader &r, bool present, const Node &item, const Path &item_path,
             std::string_view key, const std::string &what) {
  if (present) return;
  r.fail("config.missing_key", item, yaml_path(item_path, key),
         what + " has no '" + std::string(key) + "'");
}

// Fails with config.invalid_value at `key_path` when `earlier` (an entry's path) already uses
// the same value.
void reject_reuse(const Reader &r, const Config &cfg, const Path &key_path, const std::string &what,
                  const Path &earlier) {
  r.fail(
      "config.invalid_value", cfg.locations.at(key_path), key_path,
      what + " is already used by " + earlier + " (" + cfg.locations.at(earlier).to_string() + ")");
}

}  // namespace

void read_accounts(YamlReader &r, const YAML::Node &list, const std::string &path, Config &cfg) {
  r.for_each_item(list, path, [&](const Node &item, const Path &item_path) {
    AccountConfig a;
    a.where = r.where(item);
    read_keys(r, item, item_path, kAccountKeys, a);
    require(r, !a.id.empty(), item, item_path, "id", "the account");
    require(r, !a.platform.empty(), item, item_path, "platform", "account '" + a.id + "'");
    for (size_t i = 0; i < cfg.accounts.size(); ++i) {
      if (cfg.accounts[i].id == a.id) {
        reject_reuse(r, cfg, yaml_path(item_path, "id"), "account id '" + a.id + "'",
                     path + "[" + std::to_string(i) + "]");
      }
    }
    cfg.accounts.push_back(std::move(a));
  });
}

void read_api_keys(YamlReader &r, const YAML::Node &list, const std::string &path, Config &cfg) {
  r.for_each_item(list, path, [&](const Node &item, const Path &item_path) {
    ApiKeyConfig k;
    k.where = r.where(item);
    read_keys(r, item, item_path, kApiKeyKeys, k);
    require(r, !k.name.empty(), item, item_path, "name", "the api key");
    const std::string what = "api key '" + k.name + "'";
    if (k.key_sha256.empty()) {
      r.fail("config.invalid_value", item, yaml_path(item_path, "key"),
             what + " has neither 'key' nor 'key_sha256'");
    }
    require(r, !k.accounts.empty(), item, item_path, "accounts", what);
    for (size_t i = 0; i < cfg.api_keys.size(); ++i) {
      const Path earlier = path + "[" + std::to_string(i) + "]";
      if (cfg.api_keys[i].name == k.name) {
        reject_reuse(r, cfg, yaml_path(item_path, "name"), "api key name '" + k.name + "'",
                     earlier);
      }
      if (cfg.api_keys[i].key_sha256 == k.key_sha256) {
        r.fail("config.invalid_value", item, item_path,
               what + " has the same key as " + earlier + " (" +
                   cfg.locations.at(earlier).to_string() + ")");
      }
    }
    cfg.api_keys.push_back(std::move(k));
  });
}

void read_webhooks(YamlReader &r, const YAML::Node &list, const std::string &path, Config &cfg) {
  r.for_each_item(list, path, [&](const Node &item, const Path &item_path) {
    WebhookConfig w;
    w.where = r.where(item);
    read_keys(r, item, item_path, kWebhookKeys, w);
    require(r, !w.url.empty(), item, item_path, "url", "the webhook");
    require(r, !w.secret.empty(), item, item_path, "secret", "the webhook");
    cfg.webhooks.push_back(std::move(w));
  });
}

void check_references(const YamlReader &r, const Config &cfg) {
  for (size_t i = 0; i < cfg.api_keys.size(); ++i) {
    const ApiKeyConfig &k = cfg.api_keys[i];
    for (size_t j = 0; j < k.accounts.size(); ++j) {
      if (cfg.find_account(k.accounts[j])) continue;
      std::string known;
      for (const AccountConfig &a : cfg.accounts) known += (known.empty() ? "" : ", ") + a.id;
      const Path p = "api_keys[" + std::to_string(i) + "].accounts[" + std::to_string(j) + "]";
      r.fail("config.invalid_value", cfg.locations.at(p), p,
             "api key '" + k.name + "' names account '" + k.accounts[j] +
                 "', which is not configured" +
                 (known.empty() ? std::string(" (there are no accounts)")
                                : " (accounts: " + known + ")"));
    }
  }
}

}  // namespace lmp
