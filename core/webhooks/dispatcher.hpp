// Sending the outbox: each due delivery is POSTed, signed, to its endpoint; failures are retried
// with exponential backoff and parked as "dead" after the last attempt (docs/webhooks.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/services/clock.hpp"
#include "core/services/http_client.hpp"
#include "core/store/store.hpp"

namespace lmp {

// How deliveries are tried (config `webhook_delivery`).
struct WebhookDeliveryOptions {
  int64_t max_attempts = 8;            // attempts before a delivery is dead
  int64_t backoff_ms = 10'000;         // the wait after the first failure; doubles each time
  int64_t max_backoff_ms = 3'600'000;  // the longest wait between attempts
  int64_t timeout_ms = 10'000;         // one attempt's whole exchange
  bool allow_private_addresses = false;
};

// The options the config's webhook_delivery section and network.allow_private_addresses give;
// timeout_ms is `timeout_ms` when set (a CLI run's short pass), else the config's.
WebhookDeliveryOptions webhook_delivery_options(const Config &cfg, int64_t timeout_ms = 0);

// Delivers due outbox rows. Thread-safe as its store and client are; one pass at a time per
// process is expected (serve's thread, or a CLI run before it exits).
class WebhookDispatcher {
 public:
  // REQUIRES: every reference outlives the dispatcher.
  WebhookDispatcher(WebhookStore &store, HttpClient &http, Clock &clock,
                    std::vector<WebhookConfig> endpoints, WebhookDeliveryOptions options);

  // Tries every delivery due now once: 2xx marks it delivered, anything else records the error
  // (never the secret) and schedules the next attempt or parks it as dead. Returns how many
  // were delivered.
  int deliver_due();

 private:
  // An error text for a failed attempt, or "" when the endpoint took the event.
  std::string attempt(const WebhookDelivery &d, const WebhookConfig &endpoint);

  WebhookStore &store_;
  HttpClient &http_;
  Clock &clock_;
  std::vector<WebhookConfig> endpoints_;
  WebhookDeliveryOptions options_;
};

}  // namespace lmp
