// A PublishJournal that also writes webhook events to the outbox, so the CLI and serve announce
// posts the same way (docs/webhooks.md).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/publish/journal.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Passes every call to `inner`, then records events: post.scheduled when a post is accepted
// for later; on its final result post.published (every target live) or post.failed (any target
// failed, including a partial post, whose data.status is "partial"; nothing while a target
// awaits a retry); and token.reconnect_required when a target's attempt fails with a
// "*.auth.reconnect_required" code (once, not again when a later pass finishes the post). An event
// that cannot be recorded is logged, never thrown: the post's own record matters more.
class EventJournal : public PublishJournal {
 public:
  // REQUIRES: `inner` and `store` outlive the journal. `now_ms` gives the time of each event.
  EventJournal(PublishJournal &inner, WebhookStore &store, std::vector<WebhookConfig> endpoints,
               std::function<int64_t()> now_ms);

  void begin(const Post *post, const std::string &body_json, const PostResult &result,
             const std::string &api_key) override;
  void step(const std::string &post_id, size_t target, const std::string &step,
            const TargetResult &result) override;
  void finish(const PostResult &result) override;

  // How many events were recorded (for a CLI run to know whether to try a delivery pass).
  int64_t emitted() const { return emitted_; }

 private:
  void emit(const std::string &type, const boost::json::value &data);

  PublishJournal &inner_;
  WebhookStore &store_;
  std::vector<WebhookConfig> endpoints_;
  std::function<int64_t()> now_ms_;
  int64_t emitted_ = 0;
};

}  // namespace lmp
