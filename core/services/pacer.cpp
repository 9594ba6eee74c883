#include "core/services/pacer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>

#include "core/model/time.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

constexpr const char *kNamespace = "host/pacing";
// Two reports of one window may differ by the rounding of a seconds-to-reset header.
constexpr int64_t kSameWindowMs = 1500;

int64_t unix_ms(const std::string &rfc3339) {
  auto tp = parse_rfc3339(rfc3339);
  if (!tp) return 0;
  return std::chrono::duration_cast<std::chrono::milliseconds>(tp->time_since_epoch()).count();
}

int64_t int_of(const json::object &o, const char *key) {
  const json::value *v = o.if_contains(key);
  return v && v->is_int64() ? v->get_int64() : 0;
}

bool ends_with(const std::string &s, const std::string &tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string Pacer::key(const std::string &platform, const std::string &account,
                       const std::string &operation) {
  return platform + "/" + account + "/" + operation;
}

std::optional<Pacer::Budget> Pacer::load(const std::string &key) {
  if (!cache_) {
    auto it = budgets_.find(key);
    return it == budgets_.end() ? std::nullopt : std::optional<Budget>(it->second);
  }
  auto text = cache_->get(kNamespace, key);
  if (!text) return std::nullopt;
  json::error_code ec;
  json::value v = json::parse(*text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const json::object &o = v.get_object();
  return Budget{int_of(o, "remaining"), int_of(o, "resetMs"), int_of(o, "blockedUntilMs")};
}

// Kept until both the reset and the block are over; after that the budget says nothing.
void Pacer::save(const std::string &key, const Budget &b, int64_t now) {
  const int64_t ttl = std::max(b.reset_unix_ms, b.blocked_until_unix_ms) - now;
  if (!cache_) {
    budgets_[key] = b;
    return;
  }
  if (ttl <= 0) {
    cache_->remove(kNamespace, key);
    return;
  }
  json::object o{{"remaining", b.remaining},
                 {"resetMs", b.reset_unix_ms},
                 {"blockedUntilMs", b.blocked_until_unix_ms}};
  cache_->put(kNamespace, key, json::serialize(o), ttl);
}

int64_t Pacer::wait_needed(const std::string &key, int64_t now) {
  auto b = load(key);
  if (!b) return 0;
  int64_t wait = std::max<int64_t>(b->blocked_until_unix_ms - now, 0);
  auto it = in_flight_.find(key);
  const int64_t in_flight = it == in_flight_.end() ? 0 : it->second;
  if (b->reset_unix_ms > now && b->remaining - in_flight <= options_.reserve) {
    wait = std::max(wait, b->reset_unix_ms - now);
  }
  return wait;
}

std::optional<Error> Pacer::begin(const std::string &key, const std::string &who,
                                  const std::atomic<bool> &cancelled) {
  Clock &clock = host_clock();
  for (;;) {
    int64_t wait = 0;
    {
      std::lock_guard lock(mu_);
      wait = wait_needed(key, clock.now_unix_ms());
      if (wait == 0) {
        ++in_flight_[key];
        return std::nullopt;
      }
    }
    if (wait > options_.max_wait_ms) {
      Error e = make_error(
          "host.rate_limited",
          who + ": the rate limit it last reported is spent for another " +
              std::to_string((wait + 999) / 1000) + " s, longer than pacing.max_wait_s (" +
              std::to_string(options_.max_wait_ms / 1000) + " s); nothing was sent",
          std::nullopt, true);
      e.retry_after_ms = wait;
      return e;
    }
    spdlog::info("{}: waiting {} ms for the rate limit to reset", who, wait);
    if (!clock.sleep_ms(wait, cancelled)) {
      return make_error("host.cancelled", who + ": cancelled while waiting for the rate limit",
                        std::nullopt, true);
    }
  }
}

void Pacer::finish(const std::string &key, const PacingObservation &seen) {
  std::lock_guard lock(mu_);
  if (auto it = in_flight_.find(key); it != in_flight_.end() && --it->second <= 0) {
    in_flight_.erase(it);
  }
  if (!seen.rate_limit && !seen.retry_after_ms) return;
  const int64_t now = host_clock().now_unix_ms();
  Budget b = load(key).value_or(Budget{});
  if (seen.rate_limit) {
    const int64_t reset = unix_ms(seen.rate_limit->reset_at);
    // Replies of concurrent operations arrive in any order: within one window the lowest
    // remaining is the latest.
    const bool same_window =
        b.reset_unix_ms != 0 && std::abs(reset - b.reset_unix_ms) <= kSameWindowMs;
    b.remaining = same_window ? std::min(b.remaining, seen.rate_limit->remaining)
                              : seen.rate_limit->remaining;
    b.reset_unix_ms = same_window ? std::max(reset, b.reset_unix_ms) : reset;
  }
  if (seen.retry_after_ms) {
    b.blocked_until_unix_ms = std::max(b.blocked_until_unix_ms, now + *seen.retry_after_ms);
  }
  save(key, b, now);
}

PacingObservation observation_of(const json::value &result, const std::optional<Error> &e) {
  PacingObservation seen;
  if (const json::object *o = result.if_object()) {
    if (const json::value *r = o->if_contains("rateLimit"))
      seen.rate_limit = RateLimit::from_json(*r);
  }
  // Only a rate-limit error speaks for the account's budget; other retryable errors (a 5xx) do not.
  if (e && e->retry_after_ms && ends_with(e->code, ".rate_limited")) {
    seen.retry_after_ms = e->retry_after_ms;
  }
  return seen;
}

}  // namespace lmp
