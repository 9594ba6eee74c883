#include "core/webhooks/token_expiry.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/algorithm/hex.hpp>
#include <chrono>

#include "core/model/ids.hpp"
#include "core/model/time.hpp"
#include "core/util/sha256.hpp"
#include "core/webhooks/event.hpp"
#include "core/webhooks/outbox.hpp"

namespace lmp {

namespace {

constexpr int64_t kDayMs = 86'400'000;

const boost::json::string *string_at(const boost::json::object &o, const char *key) {
  const boost::json::value *v = o.if_contains(key);
  return v ? v->if_string() : nullptr;
}

std::optional<int64_t> time_at(const boost::json::object &o, const char *key) {
  const boost::json::string *text = string_at(o, key);
  if (!text) return std::nullopt;
  const std::optional<TimePoint> t = parse_rfc3339(*text);
  if (!t) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::milliseconds>(t->time_since_epoch()).count();
}

}  // namespace

std::optional<TokenExpiry> token_expiry(const boost::json::object &credentials) {
  const bool refreshable = string_at(credentials, "refreshToken") != nullptr;
  const char *token = refreshable ? "refreshToken" : "accessToken";
  const std::optional<int64_t> at =
      time_at(credentials, refreshable ? "refreshTokenExpiresAt" : "expiresAt");
  if (!at) return std::nullopt;
  return TokenExpiry{token, *at};
}

std::string token_expiring_event_id(const std::string &account_id, const TokenExpiry &expiry) {
  // A ULID whose time is the expiry and whose random part is a digest of what the warning is
  // about: stable, and shaped like every other event id.
  const std::string digest = sha256_hex("token.expiring\n" + account_id + "\n" + expiry.token +
                                        "\n" + std::to_string(expiry.expires_at_ms));
  std::array<uint8_t, 10> random{};
  boost::algorithm::unhex(digest.begin(), digest.begin() + 2 * random.size(), random.begin());
  return "evt_" + encode_ulid(static_cast<uint64_t>(expiry.expires_at_ms), random);
}

TokenExpiryWatch::TokenExpiryWatch(CredentialStore &credentials, WebhookStore &outbox,
                                   const Config &cfg)
    : credentials_(credentials),
      outbox_(outbox),
      accounts_(cfg.accounts),
      endpoints_(cfg.webhooks),
      window_ms_(cfg.webhook_token_expiring_days * kDayMs) {}

int TokenExpiryWatch::check(int64_t now_ms) {
  if (endpoints_.empty() || window_ms_ <= 0) return 0;
  int recorded = 0;
  for (const AccountConfig &account : accounts_) {
    try {
      const std::optional<boost::json::object> stored = credentials_.get(account.id);
      const std::optional<TokenExpiry> expiry = stored ? token_expiry(*stored) : std::nullopt;
      if (!expiry || expiry->expires_at_ms > now_ms + window_ms_) continue;
      const std::string id = token_expiring_event_id(account.id, *expiry);
      if (recorded_.count(id)) continue;
      const boost::json::object data{
          {"accountId", account.id},
          {"platform", account.platform},
          {"token", expiry->token},
          {"expiresAt",
           format_rfc3339(TimePoint(std::chrono::milliseconds(expiry->expires_at_ms)))}};
      if (enqueue_webhook_event(outbox_, endpoints_,
                                make_webhook_event(id, "token.expiring", data, now_ms), now_ms)) {
        ++recorded;
      }
      recorded_.insert(id);
    } catch (const std::exception &e) {
      spdlog::error("token.expiring check of account {}: {}", account.id, e.what());
    }
  }
  return recorded;
}

}  // namespace lmp
