// Writing events to the outbox: the only way an event leaves the host.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config/config.hpp"
#include "core/store/store.hpp"
#include "core/webhooks/event.hpp"

namespace lmp {

// True when the endpoint wants events of `type` (its `events` list is empty or names it).
bool webhook_wants(const WebhookConfig &endpoint, const std::string &type);

// Records one pending delivery of `event` per endpoint that wants it, before anything is sent.
// Returns how many endpoints want it.
size_t enqueue_webhook_event(WebhookStore &store, const std::vector<WebhookConfig> &endpoints,
                             const WebhookEvent &event, int64_t now_ms);

}  // namespace lmp
