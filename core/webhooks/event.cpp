#include "core/webhooks/event.hpp"

#include <chrono>

#include "core/model/ids.hpp"
#include "core/model/time.hpp"

namespace lmp {

WebhookEvent make_webhook_event(const std::string &type, const boost::json::value &data,
                                int64_t now_ms) {
  return make_webhook_event(new_id("evt"), type, data, now_ms);
}

WebhookEvent make_webhook_event(const std::string &id, const std::string &type,
                                const boost::json::value &data, int64_t now_ms) {
  WebhookEvent ev;
  ev.id = id;
  ev.type = type;
  boost::json::object doc;
  doc["id"] = ev.id;
  doc["type"] = type;
  doc["createdAt"] = format_rfc3339_ms(TimePoint(std::chrono::milliseconds(now_ms)));
  doc["data"] = data;
  ev.body = boost::json::serialize(doc);
  return ev;
}

}  // namespace lmp
