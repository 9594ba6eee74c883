// `letmepost accounts [--check]`: the configured accounts, where their credentials come from and
// when they expire; with --check, each account's token health as its adapter sees it. Never a
// secret: only whether each credential is present.
#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/publish/account_call.hpp"
#include "core/publish/quota.hpp"
#include "core/services/clock.hpp"

namespace lmp::cli {

namespace json = boost::json;

namespace {

std::optional<std::string> string_at(const json::object &o, const char *key) {
  const json::value *v = o.if_contains(key);
  return v && v->is_string() ? std::optional<std::string>(std::string(v->get_string()))
                             : std::nullopt;
}

json::value or_null(const std::optional<std::string> &v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// Where the account's tokens come from: the database once they were rotated or connected (it
// wins, interfaces.md), the YAML while they are the YAML's (seeded on first use), else none.
std::string token_source(const AccountConfig &a, const std::optional<json::object> &stored) {
  const auto db_access = stored ? string_at(*stored, "accessToken") : std::nullopt;
  const auto db_refresh = stored ? string_at(*stored, "refreshToken") : std::nullopt;
  const bool in_db = db_access || db_refresh;
  const bool in_yaml = a.access_token || a.refresh_token;
  if (in_db && (db_access != a.access_token || (a.refresh_token && db_refresh != a.refresh_token)))
    return "database";
  if (in_yaml) return "yaml";
  return in_db ? "database" : "none";
}

// The credentials' source and expiry, and the names of those present (never their values: the
// names are listed, not keyed, so no value can sit beside them).
json::object credentials_of(const AccountConfig &a, const std::optional<json::object> &stored) {
  json::array present;
  auto note = [&](const char *key, const std::optional<std::string> &yaml) {
    if ((stored && string_at(*stored, key)) || yaml) present.emplace_back(key);
  };
  note("accessToken", a.access_token);
  note("refreshToken", a.refresh_token);
  note("clientId", a.client_id);
  note("clientSecret", a.client_secret);
  const json::object none;
  const json::object &s = stored ? *stored : none;
  return json::object{{"source", token_source(a, stored)},
                      {"present", std::move(present)},
                      {"expiresAt", or_null(string_at(s, "expiresAt"))},
                      {"refreshTokenExpiresAt", or_null(string_at(s, "refreshTokenExpiresAt"))}};
}

}  // namespace

int run_accounts(Context &ctx, const std::vector<std::string> &args) {
  bool check = false;
  for (const auto &a : args) {
    if (a != "--check") throw UsageError{"unexpected argument '" + a + "'"};
    check = true;
  }
  const Config &cfg = ctx.config();
  json::array list;
  bool all_ok = true;
  for (const AccountConfig &a : cfg.accounts) {
    json::object item{{"id", a.id},
                      {"platform", a.platform},
                      {"environment", a.environment},
                      {"apiBaseUrl", or_null(a.api_base_url)},
                      {"quota", quota_json(ctx.store().quota(), a, host_clock().now_unix_ms())}};
    // The check may refresh the tokens, so the credentials are described after it.
    if (check) {
      json::object health =
          account_health(a, ctx.registry().for_platform(a.platform), ctx.credential_access(),
                         ctx.stateful_services(), cfg.allow_private_addresses);
      all_ok = all_ok && health.at("ok") == true;
      item["health"] = std::move(health);
    }
    item["credentials"] = credentials_of(a, ctx.store().credentials().get(a.id));
    list.push_back(std::move(item));
  }
  print_json(json::object{{"accounts", std::move(list)}});
  return all_ok ? kExitOk : kExitFailed;
}

}  // namespace lmp::cli
