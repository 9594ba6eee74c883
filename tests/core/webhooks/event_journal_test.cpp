// EventJournal: which results become which events, and that the inner journal still hears all.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/store/sqlite_store.hpp"
#include "core/webhooks/event_journal.hpp"
#include "support/scratch.hpp"

namespace {

// Counts the calls passed through.
struct CountingJournal : lmp::PublishJournal {
  int begins = 0, steps = 0, finishes = 0;
  void begin(const lmp::Post *, const std::string &, const lmp::PostResult &,
             const std::string &) override {
    ++begins;
  }
  void step(const std::string &, size_t, const std::string &, const lmp::TargetResult &) override {
    ++steps;
  }
  void finish(const lmp::PostResult &) override { ++finishes; }
};

lmp::PostResult result(const std::string &id, std::vector<std::string> statuses) {
  lmp::PostResult r;
  r.id = id;
  for (const std::string &s : statuses) {
    lmp::TargetResult t;
    t.platform = "pinterest";
    t.account_id = "acc";
    t.status = s;
    r.targets.push_back(t);
  }
  r.status = lmp::overall_status(r.targets);
  return r;
}

lmp::WebhookConfig endpoint(const std::string &url, std::vector<std::string> events = {}) {
  lmp::WebhookConfig w;
  w.url = url;
  w.secret = "whsec_journal_test";
  w.events = std::move(events);
  return w;
}

}  // namespace

TEST_CASE("post results become webhook events in the outbox", "[webhooks]") {
  lmp::test::Scratch dir;
  lmp::SqliteStore store(dir.path("state.db"));
  CountingJournal inner;
  lmp::EventJournal journal(
      inner, store.webhooks(),
      {endpoint("http://127.0.0.1:9/a"), endpoint("http://127.0.0.1:9/b", {"post.scheduled"})},
      [] { return int64_t{1'796'000'000'000}; });
  auto types_of = [&](const std::string &url) {
    std::vector<std::string> types;
    for (const auto &d : store.webhooks().list(std::nullopt)) {
      if (d.endpoint_url == url) types.insert(types.begin(), d.event_type);  // oldest first
    }
    return types;
  };

  journal.begin(nullptr, "{}", result("post_s", {"scheduled"}), "");
  journal.finish(result("post_s", {"scheduled"}));
  journal.begin(nullptr, "{}", result("post_p", {"queued"}), "");
  journal.step("post_p", 0, "published", result("post_p", {"published"}).targets[0]);
  journal.finish(result("post_p", {"published"}));
  journal.finish(result("post_f", {"failed"}));
  journal.finish(result("post_partial", {"published", "failed"}));
  // Target 0 needs a reconnect; target 1 waits for the scheduler's retry, and a later pass
  // finishes the post again with target 0's recorded error: the account is announced once.
  lmp::PostResult reconnect = result("post_r", {"failed", "retrying"});
  reconnect.targets[0].error = lmp::Error{};
  reconnect.targets[0].error->code = "pinterest.auth.reconnect_required";
  reconnect.targets[0].error->message = "Reconnect the account.";
  journal.step("post_r", 0, "failed", reconnect.targets[0]);
  journal.finish(reconnect);
  journal.finish(reconnect);
  reconnect.targets[1].status = "published";
  reconnect.status = lmp::overall_status(reconnect.targets);
  journal.finish(reconnect);

  CHECK(inner.begins == 2);
  CHECK(inner.steps == 2);
  CHECK(inner.finishes == 7);
  CHECK(types_of("http://127.0.0.1:9/a") ==
        std::vector<std::string>{"post.scheduled", "post.published", "post.failed", "post.failed",
                                 "token.reconnect_required", "post.failed"});
  CHECK(types_of("http://127.0.0.1:9/b") == std::vector<std::string>{"post.scheduled"});
  CHECK(journal.emitted() == 6);

  auto all = store.webhooks().list(std::nullopt);
  const auto partial = std::find_if(all.begin(), all.end(), [](const lmp::WebhookDelivery &d) {
    return d.payload_json.find("post_partial") != std::string::npos;
  });
  REQUIRE(partial != all.end());
  auto doc = boost::json::parse(partial->payload_json).as_object();
  CHECK(doc["type"] == "post.failed");
  CHECK(doc["data"].as_object()["status"] == "partial");
  const auto announced = std::find_if(all.begin(), all.end(), [](const lmp::WebhookDelivery &d) {
    return d.event_type == "token.reconnect_required";
  });
  REQUIRE(announced != all.end());
  auto reconnect_doc = boost::json::parse(announced->payload_json).as_object();
  CHECK(reconnect_doc["type"] == "token.reconnect_required");
  CHECK(reconnect_doc["data"].as_object()["accountId"] == "acc");
}
