// An account's monthly_quota (config): one count per post published to it, per calendar month
// in UTC, kept in the state database so every process shares it. Counted when a post is
// published, never when it is scheduled.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/config/config.hpp"
#include "core/model/error.hpp"
#include "core/store/store.hpp"

namespace lmp {

// One count taken for a publish about to happen; give it back when nothing was published.
class QuotaTicket {
 public:
  // Takes a count for `account_id` in the month of now_ms when the account has a monthly_quota
  // and `store` is set (otherwise holds nothing). error() is host.quota_exceeded, and nothing
  // is counted, when the month's quota is spent. With `already_counted` (a crashed run took the
  // count and never learned whether its create happened) it holds that count instead of taking
  // another.
  QuotaTicket(QuotaStore *store, const Config &config, const std::string &account_id,
              int64_t now_ms, bool already_counted);

  // Why the publish may not happen; nullopt when it may.
  const std::optional<Error> &error() const { return error_; }
  // Takes the count back (the publish did not happen). Idempotent.
  void give_back();

 private:
  QuotaStore *store_ = nullptr;  // null when nothing is held
  std::string account_id_;
  std::string period_;
  std::optional<Error> error_;
};

// The quota period ("YYYY-MM", UTC) of a Unix time in milliseconds.
std::string quota_period(int64_t unix_ms);

// The account's quota as `accounts` and GET /v1/accounts show it: {"limit" (null when the
// account has no monthly_quota), "used", "period", "resetsAt"} for the month of now_ms.
boost::json::object quota_json(QuotaStore &store, const AccountConfig &account, int64_t now_ms);

}  // namespace lmp
