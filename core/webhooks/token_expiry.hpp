// token.expiring: a warning, before a stored token runs out, that an account will soon need
// reconnecting (docs/webhooks.md). Only the generic credential keys are read (refreshToken,
// expiresAt, refreshTokenExpiresAt), so it works for any platform.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/store/store.hpp"

namespace lmp {

// The token an account depends on, and when it expires.
struct TokenExpiry {
  std::string token;      // "refreshToken", or "accessToken" for an account with no refresh token
  int64_t expires_at_ms;  // Unix milliseconds
};

// When the account's stored credentials say the token it lives on expires: the refresh token's
// refreshTokenExpiresAt when it has a refresh token (nullopt when that time is unknown: the
// access token renews itself meanwhile), else the access token's expiresAt. nullopt when the
// time is absent or not RFC 3339.
std::optional<TokenExpiry> token_expiry(const boost::json::object &credentials);

// The event id of the warning about this expiry: "evt_<ULID>", the same for the same account,
// token and expiry time, so finding it again never makes a second event.
std::string token_expiring_event_id(const std::string &account_id, const TokenExpiry &expiry);

// Looks at the configured accounts' stored credentials and records token.expiring in the outbox
// for each one whose token expires within the config's webhook_delivery.token_expiring_days
// (including one already expired), once per account and expiry time: a repeated check, in this
// process or another, records nothing new. Never reads or sends a token's value.
class TokenExpiryWatch {
 public:
  // REQUIRES: both stores outlive the watch.
  TokenExpiryWatch(CredentialStore &credentials, WebhookStore &outbox, const Config &cfg);

  // Checks every account at now_ms. Returns how many warnings were recorded that this watch had
  // not recorded before. A database error for one account is logged and the others are still
  // checked.
  int check(int64_t now_ms);

 private:
  CredentialStore &credentials_;
  WebhookStore &outbox_;
  std::vector<AccountConfig> accounts_;
  std::vector<WebhookConfig> endpoints_;
  int64_t window_ms_;
  std::set<std::string> recorded_;  // event ids already in the outbox
};

}  // namespace lmp
