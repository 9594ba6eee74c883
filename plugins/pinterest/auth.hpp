// Access tokens: refreshed ahead of expiry and once after a 401, the rotated refresh token
// reported to the host (call_update_credentials) before it is used, and shared between the
// concurrent calls of one account in this process so a rotation is never raced.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "plugins/pinterest/client.hpp"
#include "plugins/pinterest/request.hpp"

namespace pinterest {

// The scopes letmepost asks for and needs (comma-separated, as Pinterest writes them).
inline constexpr const char *kScopes =
    "boards:read,boards:write,pins:read,pins:write,user_accounts:read";

// Credentials from a token endpoint reply (access_token, expires_in, refresh_token,
// refresh_token_expires_in or _at, scope). Members the reply lacks keep previous's values;
// client id and secret are kept. Throws pinterest.unexpected_reply when access_token is missing.
Credentials credentials_from_token_reply(const boost::json::value &reply, int64_t now_ms,
                                         const Credentials &previous);

// The credentials object the host stores (abi-json.md "Credentials"), without client id and
// secret.
boost::json::object credentials_json(const Credentials &c);

// The instance-wide keeper of tokens, per account. Thread-safe.
class TokenKeeper {
 public:
  // The credentials to use for account: given, unless this instance has rotated given's refresh
  // token since (then the newer ones, with given's client id and secret).
  Credentials current(const Account &account, const Credentials &given);

  // Makes the access token usable: present, and refreshed when it expires within margin_ms
  // (when it can be). Throws pinterest.auth.missing_credentials, .reconnect_required,
  // .invalid_client, or the mapped error of a failed refresh.
  Credentials ensure_fresh(Client &client, const Account &account, const Credentials &given,
                           int64_t margin_ms);

  // After Pinterest rejected `rejected`'s access token (401): the credentials another call has
  // refreshed meanwhile, else those of one refresh. Throws like ensure_fresh.
  Credentials after_rejection(Client &client, const Account &account, const Credentials &rejected);

  // Refreshes now, whatever the expiry. Throws like ensure_fresh.
  Credentials refresh_now(Client &client, const Account &account, const Credentials &given);

 private:
  struct Entry {
    std::mutex mu;
    bool has_latest = false;
    Credentials latest;                  // the newest credentials this instance obtained
    std::set<std::string> rotated_away;  // refresh tokens replaced by a refresh
  };
  std::shared_ptr<Entry> entry(const Account &account);
  Credentials current_locked(Entry &e, const Credentials &given) const;
  Credentials refresh_locked(Client &client, Entry &e, const Credentials &creds);

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace pinterest
