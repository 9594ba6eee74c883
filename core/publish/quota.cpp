#include "core/publish/quota.hpp"

#include <chrono>
#include <cstdio>

#include "core/model/time.hpp"

namespace lmp {

namespace {

std::chrono::year_month_day month_of(int64_t unix_ms) {
  const TimePoint t{std::chrono::milliseconds(unix_ms)};
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t)};
}

// When the count of the month of unix_ms starts again: the first of the next month, UTC.
std::string next_period_start(int64_t unix_ms) {
  const auto ymd = month_of(unix_ms);
  return format_rfc3339(
      TimePoint(std::chrono::sys_days{(ymd.year() / ymd.month() / 1) + std::chrono::months(1)}));
}

// Where the account's monthly_quota was written, for the message.
std::string quota_key(const Config &config, const std::string &account_id) {
  for (size_t i = 0; i < config.accounts.size(); ++i) {
    if (config.accounts[i].id == account_id) {
      return "accounts[" + std::to_string(i) + "].monthly_quota";
    }
  }
  return "monthly_quota";
}

}  // namespace

std::string quota_period(int64_t unix_ms) {
  const auto ymd = month_of(unix_ms);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return buf;
}

QuotaTicket::QuotaTicket(QuotaStore *store, const Config &config, const std::string &account_id,
                         int64_t now_ms, bool already_counted)
    : account_id_(account_id), period_(quota_period(now_ms)) {
  const AccountConfig *account = config.find_account(account_id);
  if (!store || !account || !account->monthly_quota) return;
  if (already_counted || store->reserve(account_id, period_, *account->monthly_quota)) {
    store_ = store;
    return;
  }
  error_ = make_error("host.quota_exceeded",
                      "Account '" + account_id + "' has used its monthly_quota of " +
                          std::to_string(*account->monthly_quota) + " posts for " + period_ + " (" +
                          quota_key(config, account_id) + "); it resets at " +
                          next_period_start(now_ms) + ". Nothing was published.");
}

boost::json::object quota_json(QuotaStore &store, const AccountConfig &account, int64_t now_ms) {
  const std::string period = quota_period(now_ms);
  return boost::json::object{
      {"limit", account.monthly_quota ? boost::json::value(*account.monthly_quota)
                                      : boost::json::value(nullptr)},
      {"used", store.used(account.id, period)},
      {"period", period},
      {"resetsAt", next_period_start(now_ms)}};
}

void QuotaTicket::give_back() {
  if (!store_) return;
  store_->release(account_id_, period_);
  store_ = nullptr;
}

}  // namespace lmp
