#include "core/webhooks/outbox.hpp"

#include <algorithm>

namespace lmp {

bool webhook_wants(const WebhookConfig &endpoint, const std::string &type) {
  return endpoint.events.empty() ||
         std::find(endpoint.events.begin(), endpoint.events.end(), type) != endpoint.events.end();
}

size_t enqueue_webhook_event(WebhookStore &store, const std::vector<WebhookConfig> &endpoints,
                             const WebhookEvent &event, int64_t now_ms) {
  std::vector<std::string> urls;
  for (const WebhookConfig &e : endpoints) {
    if (webhook_wants(e, event.type)) urls.push_back(e.url);
  }
  if (!urls.empty()) store.enqueue(event.id, event.type, event.body, urls, now_ms);
  return urls.size();
}

}  // namespace lmp
