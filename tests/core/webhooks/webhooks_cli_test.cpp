// The webhook commands end to end, the letmepost binary run as a user runs it, delivering to a
// loopback receiver: a refused delivery is dead-lettered, `webhooks list` shows it, and
// `webhooks replay` (--dead, and by event id) resends the same event, signed; publish-due sends
// token.expiring once.
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <chrono>

#include "core/model/time.hpp"
#include "core/store/sqlite_store.hpp"
#include "support/cli.hpp"
#include "support/event_receiver.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace json = boost::json;
using lmp::test::CliRun;
using lmp::test::run_letmepost;

namespace {

constexpr const char *kSecret = "whsec_cli_replay_secret_77";

// The config's webhooks section: one endpoint on the receiver, its secret from the environment.
std::string webhooks_yaml(const lmp::test::EventReceiver &receiver) {
  return "webhooks:\n  - url: " + receiver.url("/hook") + "\n    secret: ${HOOK_SECRET}\n";
}

// The deliveries `webhooks list [--state STATE]` prints.
json::array listed(const lmp::test::Scratch &s, const std::string &cfg,
                   const std::vector<std::string> &env, const std::string &state = "") {
  std::vector<std::string> args = {"--config", cfg, "webhooks", "list"};
  if (!state.empty()) args.insert(args.end(), {"--state", state});
  CliRun run = run_letmepost(s, args, env);
  REQUIRE(run.exit_code == 0);
  return run.out.at("deliveries").as_array();
}

}  // namespace

TEST_CASE("webhooks replay resends a dead-lettered delivery with its event id, signed",
          "[webhooks][cli]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim;
  lmp::test::EventReceiver receiver;
  receiver.answer(503);
  const std::vector<std::string> env = {std::string("HOOK_SECRET=") + kSecret};
  // One attempt before a delivery is dead: the receiver's first refusal dead-letters it.
  const std::string cfg =
      lmp::test::write_sim_config(
          s, sim, "sim-access-token",
          webhooks_yaml(receiver) + "webhook_delivery:\n  max_attempts: 1\n  backoff_ms: 0\n")
          .string();
  const std::string post =
      s.write("post.json", R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],)"
                           R"("text":"Later","media":[{"type":"image","url":")" +
                               sim.base_url() +
                               R"(/media/demo.jpg"}],"options":{"boardId":"1234567890"},)"
                               R"("scheduledAt":"2100-01-01T00:00:00Z"})")
          .string();

  // The run records post.scheduled and tries it once before it exits; the receiver refuses.
  CliRun scheduled = run_letmepost(s, {"--config", cfg, "post", post}, env);
  REQUIRE(scheduled.exit_code == 0);
  REQUIRE(receiver.seen().size() == 1);
  const lmp::test::ReceivedEvent first = receiver.seen()[0];
  CHECK(first.event_type == "post.scheduled");
  CHECK(lmp::test::signature_valid(kSecret, first));
  CHECK(json::parse(first.body).at("data").at("id") == scheduled.out.at("id"));

  json::array dead = listed(s, cfg, env, "dead");
  REQUIRE(dead.size() == 1);
  CHECK(dead[0].at("eventId").as_string() == first.event_id);
  CHECK(dead[0].at("type") == "post.scheduled");
  CHECK(dead[0].at("attempts") == 1);
  const std::string last_error(dead[0].at("lastError").as_string());
  CHECK_THAT(last_error, Catch::Contains("HTTP 503"));
  CHECK(last_error.find(kSecret) == std::string::npos);
  CHECK(listed(s, cfg, env, "pending").empty());

  // Replayed while the receiver still refuses: tried once more, dead again, exit 1.
  CliRun refused = run_letmepost(s, {"--config", cfg, "webhooks", "replay", "--dead"}, env);
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.at("replayed") == 1);
  CHECK(receiver.seen().size() == 2);
  CHECK(listed(s, cfg, env, "dead").size() == 1);

  // The receiver recovers: replay --dead delivers it.
  receiver.answer(204);
  CliRun replayed = run_letmepost(s, {"--config", cfg, "webhooks", "replay", "--dead"}, env);
  CHECK(replayed.exit_code == 0);
  CHECK(replayed.out.at("replayed") == 1);
  const json::array shown = replayed.out.at("deliveries").as_array();
  REQUIRE(shown.size() == 1);
  CHECK(shown[0].at("eventId").as_string() == first.event_id);
  CHECK(shown[0].at("state") == "delivered");
  REQUIRE(receiver.seen().size() == 3);

  // By event id: a delivered event is sent again too.
  CliRun by_id = run_letmepost(s, {"--config", cfg, "webhooks", "replay", first.event_id}, env);
  CHECK(by_id.exit_code == 0);
  CHECK(by_id.out.at("replayed") == 1);
  const auto seen = receiver.seen();
  REQUIRE(seen.size() == 4);
  for (size_t i = 2; i < seen.size(); ++i) {
    INFO("delivery " << i);
    CHECK(seen[i].event_id == first.event_id);
    CHECK(seen[i].event_type == "post.scheduled");
    CHECK(seen[i].body == first.body);  // the same event, byte for byte
    CHECK(lmp::test::signature_valid(kSecret, seen[i]));
  }

  CHECK(listed(s, cfg, env, "dead").empty());
  const json::array all = listed(s, cfg, env);
  REQUIRE(all.size() == 1);
  CHECK(all[0].at("state") == "delivered");
  CHECK(all[0].at("lastError").is_null());
  CliRun unknown = run_letmepost(s, {"--config", cfg, "webhooks", "replay", "evt_unknown"}, env);
  CHECK(unknown.exit_code == 2);
  CHECK(receiver.seen().size() == 4);
  for (const CliRun *run : {&scheduled, &refused, &replayed, &by_id, &unknown}) {
    CHECK(run->err.find(kSecret) == std::string::npos);
  }
}

TEST_CASE("publish-due sends token.expiring for a token about to expire, once", "[webhooks][cli]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim;
  lmp::test::EventReceiver receiver;
  const std::vector<std::string> env = {std::string("HOOK_SECRET=") + kSecret};
  const std::string cfg =
      lmp::test::write_sim_config(s, sim, "sim-access-token", webhooks_yaml(receiver)).string();
  // The refresh token runs out in two days, inside the default window of 7.
  const std::string expires_at =
      lmp::format_rfc3339(std::chrono::time_point_cast<std::chrono::seconds>(
          std::chrono::system_clock::now() + std::chrono::hours(48)));
  {
    lmp::SqliteStore store(s.path("state.db"));
    store.credentials().update("acc_pin", "pinterest",
                               {{"accessToken", "sim-access-token"},
                                {"refreshToken", "sim-refresh-token"},
                                {"refreshTokenExpiresAt", expires_at}},
                               0);
  }

  CliRun due = run_letmepost(s, {"--config", cfg, "publish-due"}, env);
  CHECK(due.exit_code == 0);
  REQUIRE(receiver.seen().size() == 1);
  const lmp::test::ReceivedEvent warning = receiver.seen()[0];
  CHECK(warning.event_type == "token.expiring");
  CHECK(lmp::test::signature_valid(kSecret, warning));
  CHECK(json::parse(warning.body).at("data") == json::object{{"accountId", "acc_pin"},
                                                             {"platform", "pinterest"},
                                                             {"token", "refreshToken"},
                                                             {"expiresAt", expires_at}});
  CHECK(warning.body.find("sim-refresh-token") == std::string::npos);

  // The next run finds the same expiry: nothing new is recorded or sent.
  CHECK(run_letmepost(s, {"--config", cfg, "publish-due"}, env).exit_code == 0);
  CHECK(receiver.seen().size() == 1);
  const json::array all = listed(s, cfg, env);
  REQUIRE(all.size() == 1);
  CHECK(all[0].at("state") == "delivered");
}
