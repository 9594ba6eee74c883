#include "plugins/pinterest/auth.hpp"

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/time_text.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

std::optional<int64_t> number(const json::object &o, std::string_view key) {
  const json::value *v = o.if_contains(key);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64()) return static_cast<int64_t>(v->get_uint64());
  if (v->is_double()) return static_cast<int64_t>(v->get_double());
  return std::nullopt;
}

std::string text(const json::object &o, std::string_view key) {
  const json::value *v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

Credentials credentials_from_token_reply(const json::value &reply, int64_t now_ms,
                                         const Credentials &previous) {
  const json::object *o = reply.if_object();
  if (!o || text(*o, "access_token").empty()) {
    fail("pinterest.unexpected_reply", "Pinterest's token reply has no access_token.");
  }
  Credentials c = previous;
  c.access_token = text(*o, "access_token");
  c.expires_at_ms.reset();
  if (auto in = number(*o, "expires_in")) c.expires_at_ms = now_ms + *in * 1000;
  if (std::string r = text(*o, "refresh_token"); !r.empty()) {
    c.refresh_token = r;
    c.refresh_expires_at_ms.reset();
  }
  if (auto at = number(*o, "refresh_token_expires_at")) {
    c.refresh_expires_at_ms = *at * 1000;
  } else if (auto in = number(*o, "refresh_token_expires_in")) {
    c.refresh_expires_at_ms = now_ms + *in * 1000;
  }
  if (std::string s = text(*o, "scope"); !s.empty()) c.scope = s;
  return c;
}

json::object credentials_json(const Credentials &c) {
  auto time_or_null = [](const std::optional<int64_t> &ms) {
    return ms ? json::value(format_rfc3339(*ms)) : json::value(nullptr);
  };
  json::object o{{"accessToken", c.access_token},
                 {"refreshToken",
                  c.refresh_token.empty() ? json::value(nullptr) : json::value(c.refresh_token)},
                 {"expiresAt", time_or_null(c.expires_at_ms)},
                 {"refreshTokenExpiresAt", time_or_null(c.refresh_expires_at_ms)},
                 {"scope", c.scope.empty() ? json::value(nullptr) : json::value(c.scope)}};
  return o;
}

std::shared_ptr<TokenKeeper::Entry> TokenKeeper::entry(const Account &account) {
  std::lock_guard lock(mu_);
  auto &e = entries_[account.id + "|" + api_base_url(account)];
  if (!e) e = std::make_shared<Entry>();
  return e;
}

Credentials TokenKeeper::current_locked(Entry &e, const Credentials &given) const {
  if (!e.has_latest || given.refresh_token.empty() || !e.rotated_away.count(given.refresh_token)) {
    return given;
  }
  Credentials c = e.latest;
  c.client_id = given.client_id;
  c.client_secret = given.client_secret;
  return c;
}

Credentials TokenKeeper::current(const Account &account, const Credentials &given) {
  auto e = entry(account);
  std::lock_guard lock(e->mu);
  return current_locked(*e, given);
}

Credentials TokenKeeper::refresh_locked(Client &client, Entry &e, const Credentials &creds) {
  letmepost::Call &call = client.call();
  const int64_t now = call.now_unix_ms();
  if (creds.refresh_token.empty()) {
    fail("pinterest.auth.reconnect_required",
         "The access token " + std::string(creds.access_token.empty() ? "is missing" : "expired") +
             " and the account has no refresh token. Run `letmepost connect pinterest`.");
  }
  if (creds.refresh_expires_at_ms && *creds.refresh_expires_at_ms <= now) {
    fail("pinterest.auth.reconnect_required",
         "The refresh token expired at " + format_rfc3339(*creds.refresh_expires_at_ms) +
             ". Run `letmepost connect pinterest` to reconnect the account.");
  }
  if (creds.client_id.empty() || creds.client_secret.empty()) {
    fail("pinterest.auth.missing_credentials",
         "Refreshing the access token needs the account's client_id and client_secret.",
         creds.client_id.empty() ? "credentials.clientId" : "credentials.clientSecret");
  }
  Reply reply =
      client.token({{"grant_type", "refresh_token"}, {"refresh_token", creds.refresh_token}},
                   creds.client_id, creds.client_secret);
  if (!reply.ok()) {
    json::object err = client.error_for(reply, Subject::kToken);
    if (code_of(err) == "pinterest.auth.reconnect_required") {
      err["message"] = "Pinterest refused the refresh token (" +
                       std::string(err["message"].as_string()) +
                       ") Run `letmepost connect pinterest` to reconnect the account.";
    }
    fail(err);
  }
  json::error_code ec;
  json::value body = json::parse(reply.body, ec);
  if (ec) fail("pinterest.unexpected_reply", "Pinterest's token reply is not JSON.");
  Credentials fresh = credentials_from_token_reply(body, now, creds);
  // The old refresh token may be dead from now on: the host must hold the new one before any
  // other request is made.
  if (!call.update_credentials(json::serialize(credentials_json(fresh)))) {
    call.log(LMP_LOG_ERROR,
             "the host could not store the refreshed Pinterest credentials; the rotated refresh "
             "token lives only in this process");
  }
  e.rotated_away.insert(creds.refresh_token);
  e.latest = fresh;
  e.has_latest = true;
  call.log(LMP_LOG_INFO, "refreshed the Pinterest access token");
  return fresh;
}

Credentials TokenKeeper::ensure_fresh(Client &client, const Account &account,
                                      const Credentials &given, int64_t margin_ms) {
  auto e = entry(account);
  std::lock_guard lock(e->mu);
  Credentials c = current_locked(*e, given);
  const int64_t now = client.call().now_unix_ms();
  const bool missing = c.access_token.empty();
  const bool expired = c.expires_at_ms && *c.expires_at_ms <= now;
  const bool expiring = c.expires_at_ms && *c.expires_at_ms - now <= margin_ms;
  if (!missing && !expiring) return c;
  const bool can_refresh =
      !c.refresh_token.empty() && !c.client_id.empty() && !c.client_secret.empty();
  if (missing && c.refresh_token.empty()) {
    fail("pinterest.auth.missing_credentials",
         "The account has no access token. Run `letmepost connect pinterest --account " +
             account.id + "`.",
         "credentials.accessToken");
  }
  if (!missing && !expired && !can_refresh) return c;  // still usable for now
  return refresh_locked(client, *e, c);
}

Credentials TokenKeeper::after_rejection(Client &client, const Account &account,
                                         const Credentials &rejected) {
  auto e = entry(account);
  std::lock_guard lock(e->mu);
  Credentials c = current_locked(*e, rejected);
  if (c.access_token != rejected.access_token) return c;  // another call refreshed meanwhile
  return refresh_locked(client, *e, c);
}

Credentials TokenKeeper::refresh_now(Client &client, const Account &account,
                                     const Credentials &given) {
  auto e = entry(account);
  std::lock_guard lock(e->mu);
  return refresh_locked(client, *e, current_locked(*e, given));
}

}  // namespace pinterest
