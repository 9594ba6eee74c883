// A webhook event: the document every endpoint receives (docs/webhooks.md).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>

namespace lmp {

// One event, made once and sent unchanged to every endpoint and on every retry.
struct WebhookEvent {
  std::string id;    // "evt_<ULID>": receivers de-duplicate on it
  std::string type;  // "post.published", "post.failed", "post.scheduled", ...
  std::string body;  // the JSON document {id, type, createdAt, data}
};

// A new event of `type` about `data` (a post result document, or an account), created at
// now_ms, with a fresh id.
WebhookEvent make_webhook_event(const std::string &type, const boost::json::value &data,
                                int64_t now_ms);

// The same with a given id ("evt_<ULID>"), for an event that must keep one id however often it
// is found again (token.expiring).
WebhookEvent make_webhook_event(const std::string &id, const std::string &type,
                                const boost::json::value &data, int64_t now_ms);

}  // namespace lmp
