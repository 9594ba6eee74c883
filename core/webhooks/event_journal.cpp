#include "core/webhooks/event_journal.hpp"

#include <spdlog/spdlog.h>

#include <utility>

#include "core/webhooks/event.hpp"
#include "core/webhooks/outbox.hpp"

namespace lmp {

namespace {

bool ends_with(const std::string &s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

EventJournal::EventJournal(PublishJournal &inner, WebhookStore &store,
                           std::vector<WebhookConfig> endpoints, std::function<int64_t()> now_ms)
    : inner_(inner), store_(store), endpoints_(std::move(endpoints)), now_ms_(std::move(now_ms)) {}

void EventJournal::emit(const std::string &type, const boost::json::value &data) {
  if (endpoints_.empty()) return;
  try {
    const int64_t now = now_ms_();
    if (enqueue_webhook_event(store_, endpoints_, make_webhook_event(type, data, now), now) > 0) {
      ++emitted_;
    }
  } catch (const std::exception &e) {
    spdlog::error("could not record the webhook event {}: {}", type, e.what());
  }
}

void EventJournal::begin(const Post *post, const std::string &body_json, const PostResult &result,
                         const std::string &api_key) {
  inner_.begin(post, body_json, result, api_key);
  if (result.status == "scheduled") emit("post.scheduled", result.to_json());
}

void EventJournal::step(const std::string &post_id, size_t target, const std::string &step,
                        const TargetResult &result) {
  inner_.step(post_id, target, step, result);
  // Announced when this run's attempt ends so, not at finish(): a later pass over the same post
  // (another target's retry) carries the recorded error again but must not announce it again.
  if (step == "failed" && result.error &&
      ends_with(result.error->code, ".auth.reconnect_required")) {
    emit("token.reconnect_required", boost::json::object{{"accountId", result.account_id},
                                                         {"platform", result.platform},
                                                         {"postId", post_id},
                                                         {"error", result.error->to_json()}});
  }
}

void EventJournal::finish(const PostResult &result) {
  inner_.finish(result);
  if (result.status == "published") {
    emit("post.published", result.to_json());
  } else if (result.status == "failed" || result.status == "partial") {
    emit("post.failed", result.to_json());
  }
}

}  // namespace lmp
