// No secret reaches a log line: the real binary at --log-level debug, in text and JSON log
// formats, publishes through the simulator with a token refresh (a `post` run, then `serve` with
// an API key), delivering signed webhooks to a loopback receiver that first refuses; every
// secret it held (the tokens before and after each refresh, the client secret, the API key, the
// webhook secret) is then looked for in what it wrote to stderr and stdout.
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <csignal>

#include "core/store/sqlite_store.hpp"
#include "support/cli.hpp"
#include "support/event_receiver.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace json = boost::json;
using lmp::test::TestHttp;

namespace {

// Not known to the simulator: the first call is refused (401 code 2) and the adapter refreshes.
constexpr const char *kStaleAccess = "pina_stale_access_for_log_capture";
constexpr const char *kRefresh = "sim-refresh-token";
constexpr const char *kClientSecret = "sim-client-secret";
constexpr const char *kApiKey = "key-log-capture-0123456789";
constexpr const char *kHookSecret = "whsec_log_capture_secret_31";
// A second account whose refresh is refused: the client secret is wrong.
constexpr const char *kBadAccess = "pina_bad_account_access_value";
constexpr const char *kBadRefresh = "pinr_bad_account_refresh_value";
constexpr const char *kBadClientSecret = "wrong-client-secret-value";
constexpr int64_t kDayMs = 86'400'000;

std::string config(const lmp::test::SimulatorProcess &sim, const lmp::test::EventReceiver &receiver,
                   const std::string &log_format) {
  return "state:\n  path: state.db\nnetwork:\n  allow_private_addresses: true\n"
         "accounts:\n  - id: acc_pin\n    platform: pinterest\n    api_base_url: " +
         sim.api_url() +
         "\n    access_token: ${PIN_ACCESS}\n    refresh_token: ${PIN_REFRESH}\n"
         "    client_id: sim-client-id\n    client_secret: ${PIN_CLIENT_SECRET}\n"
         "  - id: acc_bad\n    platform: pinterest\n    api_base_url: " +
         sim.api_url() +
         "\n    access_token: ${BAD_ACCESS}\n    refresh_token: ${BAD_REFRESH}\n"
         "    client_id: sim-client-id\n    client_secret: ${BAD_CLIENT_SECRET}\n"
         "api_keys:\n  - name: logs\n    key: ${API_KEY}\n    accounts: [acc_pin]\n"
         "webhooks:\n  - url: " +
         receiver.url("/hook") +
         "\n    secret: ${HOOK_SECRET}\n"
         "webhook_delivery:\n  max_attempts: 3\n  backoff_ms: 0\n  poll_ms: 20\n"
         "log:\n  format: " +
         log_format + "\n";
}

// A post of one image to `targets` (a JSON array's items).
std::string post_json(const lmp::test::SimulatorProcess &sim, const std::string &targets,
                      const std::string &text) {
  return R"({"targets":[)" + targets + R"(],"text":")" + text +
         R"(","media":[{"type":"image","url":")" + sim.base_url() +
         R"(/media/demo.jpg"}],"options":{"boardId":"1234567890"}})";
}

// The stored access and refresh tokens of acc_pin.
std::vector<std::string> stored_tokens(const lmp::test::Scratch &s) {
  lmp::SqliteStore store(s.path("state.db"));
  const auto creds = store.credentials().get("acc_pin");
  REQUIRE(creds);
  return {std::string(creds->at("accessToken").as_string()),
          std::string(creds->at("refreshToken").as_string())};
}

}  // namespace

TEST_CASE("no secret reaches a log line through a publish with a refresh, webhooks and serve",
          "[log][webhooks]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim;
  lmp::test::EventReceiver receiver;
  receiver.answer(500);
  const std::vector<std::string> env = {std::string("PIN_ACCESS=") + kStaleAccess,
                                        std::string("PIN_REFRESH=") + kRefresh,
                                        std::string("PIN_CLIENT_SECRET=") + kClientSecret,
                                        std::string("API_KEY=") + kApiKey,
                                        std::string("HOOK_SECRET=") + kHookSecret,
                                        std::string("BAD_ACCESS=") + kBadAccess,
                                        std::string("BAD_REFRESH=") + kBadRefresh,
                                        std::string("BAD_CLIENT_SECRET=") + kBadClientSecret};
  std::vector<std::string> secrets = {kStaleAccess, kRefresh,   kClientSecret, kApiKey,
                                      kHookSecret,  kBadAccess, kBadRefresh,   kBadClientSecret};
  const std::string pin_target = R"({"platform":"pinterest","accountId":"acc_pin"})";
  const std::string bad_target = R"({"platform":"pinterest","accountId":"acc_bad"})";

  // A CLI publish with text logs to two accounts: for each, the stale token is refused and a
  // refresh tried; acc_pin's succeeds and its pin is made, acc_bad's client secret is refused,
  // so the post is partial. The receiver refuses post.failed, so the warning path logs too.
  const std::string text_cfg = s.write("text.yaml", config(sim, receiver, "text")).string();
  const std::string post =
      s.write("post.json", post_json(sim, pin_target + "," + bad_target, "Logged")).string();
  lmp::test::CliRun run = lmp::test::run_letmepost(
      s, {"--config", text_cfg, "--log-level", "debug", "post", post}, env);
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  REQUIRE(run.out.at("status") == "partial");
  CHECK(run.out.at("targets").at(1).at("error").at("code") == "pinterest.auth.invalid_client");
  REQUIRE(sim.log("POST", "/v5/oauth/token").size() == 2);
  CHECK_THAT(run.err, Catch::Contains("refreshed the Pinterest access token"));
  CHECK_THAT(run.err, Catch::Contains("attempt 1 failed"));
  const std::string cli_log = run.err;
  const std::string cli_out = json::serialize(run.out);
  for (const std::string &t : stored_tokens(s)) secrets.push_back(t);

  // serve with JSON logs, a month later on the simulator's clock: the stored access token has
  // expired there, so the API's publish refreshes again.
  REQUIRE(
      TestHttp::post_json(sim.base_url() + "/_sim/clock", json::object{{"advanceMs", 31 * kDayMs}})
          .status == 200);
  receiver.answer(200);
  const std::string json_cfg = s.write("json.yaml", config(sim, receiver, "json")).string();
  lmp::test::ChildOptions opts;
  opts.env = env;
  opts.cwd = s.path().string();
  opts.stderr_path = s.path("serve.log");
  lmp::test::ChildProcess serve({LMP_BIN_DIR "/letmepost", "--config", json_cfg, "--log-level",
                                 "debug", "serve", "--listen", "127.0.0.1:0"},
                                opts);
  const std::string listening = serve.read_line();
  REQUIRE(listening.rfind("listening on ", 0) == 0);
  const std::string url = listening.substr(13);
  const lmp::test::Headers auth = {{"Authorization", std::string("Bearer ") + kApiKey},
                                   {"Content-Type", "application/json"}};
  auto created =
      TestHttp::request("POST", url + "/v1/posts", post_json(sim, pin_target, "Served"), auth);
  INFO(created.body << s.read("serve.log"));
  REQUIRE(created.status == 201);
  CHECK(created.json().at("status") == "published");
  const std::string id(created.json().at("id").as_string());
  CHECK(TestHttp::request("GET", url + "/v1/posts/" + id, "", auth).status == 200);
  CHECK(TestHttp::request("GET", url + "/v1/posts", "", {{"Authorization", "Bearer wrong-key"}})
            .status == 401);
  // The CLI's post.failed, refused then sent again, and the API's post.published.
  REQUIRE(receiver.wait_for(3));
  serve.kill(SIGTERM);
  REQUIRE(serve.wait() == 0);
  CHECK(sim.log("POST", "/v5/oauth/token").size() == 3);
  for (const std::string &t : stored_tokens(s)) secrets.push_back(t);
  const std::string serve_log = s.read("serve.log");
  CHECK_THAT(serve_log, Catch::Contains("refreshed the Pinterest access token"));
  CHECK_THAT(serve_log, Catch::Contains("\"level\":\"debug\""));

  for (const lmp::test::ReceivedEvent &e : receiver.seen()) {
    CHECK(lmp::test::signature_valid(kHookSecret, e));
  }
  for (const std::string &secret : secrets) {
    INFO("secret: " << secret);
    CHECK(cli_log.find(secret) == std::string::npos);
    CHECK(cli_out.find(secret) == std::string::npos);
    CHECK(serve_log.find(secret) == std::string::npos);
    CHECK(created.body.find(secret) == std::string::npos);
  }
}
