// `letmepost webhooks list|replay`: the webhook outbox, and resending dead deliveries
// (docs/webhooks.md).
#include <optional>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/services/clock.hpp"

namespace lmp::cli {

namespace json = boost::json;

namespace {

json::object delivery_json(const WebhookDelivery &d) {
  return json::object{{"eventId", d.event_id},
                      {"type", d.event_type},
                      {"endpoint", d.endpoint_url},
                      {"state", d.state},
                      {"attempts", d.attempts},
                      {"nextAttemptAtMs", d.next_attempt_at_ms},
                      {"lastError", d.last_error ? json::value(*d.last_error) : json::value()}};
}

json::array deliveries_json(const std::vector<WebhookDelivery> &list) {
  json::array out;
  for (const WebhookDelivery &d : list) out.push_back(delivery_json(d));
  return out;
}

}  // namespace

int run_webhooks_list(Context &ctx, const std::vector<std::string> &args) {
  std::optional<std::string> state;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--state" && i + 1 < args.size()) {
      state = args[++i];
      if (*state != "pending" && *state != "delivered" && *state != "dead") {
        throw UsageError{"--state must be pending, delivered or dead, not '" + *state + "'"};
      }
    } else {
      throw UsageError{"unexpected argument '" + args[i] + "'"};
    }
  }
  print_json(json::object{{"deliveries", deliveries_json(ctx.store().webhooks().list(state))}});
  return kExitOk;
}

int run_webhooks_replay(Context &ctx, const std::vector<std::string> &args) {
  std::optional<std::string> event_id;
  bool dead = false;
  for (const auto &a : args) {
    if (a == "--dead") {
      dead = true;
    } else if (!event_id && !a.empty() && a.front() != '-') {
      event_id = a;
    } else {
      throw UsageError{"unexpected argument '" + a + "'"};
    }
  }
  if (dead == event_id.has_value()) throw UsageError{"give either an EVENT_ID or --dead"};
  WebhookStore &store = ctx.store().webhooks();
  const int64_t now = host_clock().now_unix_ms();
  const int64_t revived = store.revive(event_id, now);
  if (event_id && revived == 0) {
    throw UsageError{"no delivered or dead delivery has the event id '" + *event_id + "'"};
  }
  ctx.webhook_dispatcher().deliver_due();
  // The replayed deliveries: the event's, or (--dead) every row revived or sent just now.
  std::vector<WebhookDelivery> shown;
  for (WebhookDelivery &d : store.list(std::nullopt)) {
    if (event_id ? d.event_id == *event_id : d.updated_at_ms >= now) {
      shown.push_back(std::move(d));
    }
  }
  print_json(json::object{{"replayed", revived}, {"deliveries", deliveries_json(shown)}});
  for (const WebhookDelivery &d : shown) {
    if (d.state != "delivered") return kExitFailed;
  }
  return kExitOk;
}

}  // namespace lmp::cli
