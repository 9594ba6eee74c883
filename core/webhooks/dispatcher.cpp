#include "core/webhooks/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "core/net/url.hpp"
#include "core/util/log.hpp"
#include "core/util/redact.hpp"
#include "core/webhooks/signature.hpp"

namespace lmp {

namespace {

constexpr int kBatch = 100;

// The wait before attempt `attempts` + 1: backoff_ms doubled per earlier failure, capped.
int64_t backoff_after(int64_t attempts, const WebhookDeliveryOptions &o) {
  int64_t wait = std::max<int64_t>(o.backoff_ms, 0);
  for (int64_t i = 1; i < attempts && wait < o.max_backoff_ms; ++i) wait *= 2;
  return std::min(wait, o.max_backoff_ms);
}

// The URL without user info or query, which may hold credentials.
std::string shown_url(const std::string &url) {
  auto parsed = parse_url(url);
  return parsed ? parsed->redacted() : std::string("the endpoint");
}

// `text` with the endpoint's secret (and every registered secret) hidden.
std::string scrub(std::string text, const std::string &secret) {
  for (size_t at; !secret.empty() && (at = text.find(secret)) != std::string::npos;) {
    text.replace(at, secret.size(), kRedactedMark);
  }
  return redact(text);
}

}  // namespace

WebhookDeliveryOptions webhook_delivery_options(const Config &cfg, int64_t timeout_ms) {
  WebhookDeliveryOptions o;
  o.max_attempts = cfg.webhook_max_attempts;
  o.backoff_ms = cfg.webhook_backoff_ms;
  o.max_backoff_ms = cfg.webhook_max_backoff_s * 1000;
  o.timeout_ms = timeout_ms > 0 ? timeout_ms : cfg.webhook_timeout_ms;
  o.allow_private_addresses = cfg.allow_private_addresses;
  return o;
}

WebhookDispatcher::WebhookDispatcher(WebhookStore &store, HttpClient &http, Clock &clock,
                                     std::vector<WebhookConfig> endpoints,
                                     WebhookDeliveryOptions options)
    : store_(store),
      http_(http),
      clock_(clock),
      endpoints_(std::move(endpoints)),
      options_(options) {}

std::string WebhookDispatcher::attempt(const WebhookDelivery &d, const WebhookConfig &endpoint) {
  const int64_t unix_s = clock_.now_unix_ms() / 1000;
  const boost::json::value request = boost::json::object{
      {"method", "POST"},
      {"url", d.endpoint_url},
      {"untrustedUrl", true},
      {"timeoutMs", options_.timeout_ms},
      {"maxBodyBytes", 4096},
      {"headers", boost::json::object{{kWebhookSignatureHeader,
                                       webhook_signature(endpoint.secret, unix_s, d.payload_json)},
                                      {"Letmepost-Event-Id", d.event_id},
                                      {"Letmepost-Event-Type", d.event_type}}},
      {"body", boost::json::object{{"text", d.payload_json}, {"contentType", "application/json"}}}};
  const HttpReply reply = http_.send(request, {}, {}, options_.allow_private_addresses);
  if (reply.transport_error) {
    return reply.transport_error->first + ": " + reply.transport_error->second;
  }
  if (reply.status >= 200 && reply.status < 300) return "";
  return "HTTP " + std::to_string(reply.status) + " from " + shown_url(d.endpoint_url);
}

int WebhookDispatcher::deliver_due() {
  int delivered = 0;
  for (const WebhookDelivery &d : store_.due(clock_.now_unix_ms(), kBatch)) {
    auto endpoint = std::find_if(endpoints_.begin(), endpoints_.end(),
                                 [&](const WebhookConfig &e) { return e.url == d.endpoint_url; });
    std::string error;
    if (endpoint == endpoints_.end()) {
      error = "the endpoint " + shown_url(d.endpoint_url) + " is no longer in the config";
    } else {
      try {
        error = scrub(attempt(d, *endpoint), endpoint->secret);
      } catch (const std::exception &e) {
        error = scrub(e.what(), endpoint->secret);
      }
    }
    const int64_t now = clock_.now_unix_ms();
    if (error.empty()) {
      store_.mark_delivered(d.id, now);
      ++delivered;
      continue;
    }
    const int64_t attempts = d.attempts + 1;
    const bool dead = endpoint == endpoints_.end() || attempts >= options_.max_attempts;
    store_.mark_failed(d.id, error, dead, now + backoff_after(attempts, options_), now);
    spdlog::warn("webhook {} ({}) to {}: attempt {} failed: {}{}", d.event_id, d.event_type,
                 shown_url(d.endpoint_url), attempts, error, dead ? "; parked as dead" : "");
  }
  return delivered;
}

}  // namespace lmp
