// The example adapter (plugins/sdk/example) loaded by the real host: `letmepost post` publishes
// text and an image through it to a loopback webhook endpoint, and the endpoint's failures come
// back as the adapter's catalogued, correctly retryable errors.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "sdk/webhook_receiver.hpp"
#include "support/cli.hpp"

using lmp::test::CliRun;
using lmp::test::run_letmepost;
using lmp::test::Scratch;
using lmp::test::WebhookReceiver;

namespace {

const std::string kImage = std::string(LMP_TEST_DATA_DIR) + "/media/image.png";

std::string file_bytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A config with the example adapter's folder, one account on the receiver, no retries.
std::filesystem::path write_config(const Scratch &s, const WebhookReceiver &hook) {
  return s.write("letmepost.yaml", "state:\n  path: " + s.path("state.db") +
                                       "\nplugins:\n  paths:\n    - " LMP_TEST_PLUGIN_DIR
                                       "/example\nplatforms:\n  example:\n    timeout_ms: 5000\n"
                                       "publish:\n  retries: 0\naccounts:\n  - id: acc_ex\n"
                                       "    platform: example\n    api_base_url: " +
                                       hook.url() + "\n    access_token: ${EX_TOKEN}\n");
}

std::filesystem::path write_post(const Scratch &s, const std::string &text) {
  return s.write("post.json",
                 R"({"targets":[{"platform":"example","accountId":"acc_ex"}],"text":")" + text +
                     R"(","media":[{"type":"image","path":")" + kImage + R"("}]})");
}

const std::vector<std::string> kEnv = {"EX_TOKEN=example-secret-token"};

}  // namespace

TEST_CASE("the example adapter posts text and an image as multipart through the host",
          "[sdk][example]") {
  Scratch s;
  WebhookReceiver hook;
  CliRun r = run_letmepost(s,
                           {"--config", write_config(s, hook).string(), "--log-level", "debug",
                            "post", write_post(s, "Hello from the example").string()},
                           kEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.at("status") == "published");
  CHECK(r.out.at("targets").as_array()[0].at("id") == "hook-1");
  CHECK(r.err.find("example-secret-token") == std::string::npos);

  auto got = hook.received();
  REQUIRE(got.size() == 1);
  CHECK(got[0].path == "/hook");
  CHECK(got[0].authorization == "Bearer example-secret-token");
  CHECK(got[0].multipart_error.empty());
  REQUIRE(got[0].parts.size() == 3);
  CHECK(got[0].parts[0].name == "text");
  CHECK(got[0].parts[0].data == "Hello from the example");
  CHECK(got[0].parts[1].name == "postId");
  CHECK(got[0].parts[1].data.rfind("post_", 0) == 0);
  CHECK(got[0].parts[2].name == "image");
  CHECK(got[0].parts[2].filename == "image.png");
  CHECK(got[0].parts[2].content_type == "image/png");
  CHECK(got[0].parts[2].data == file_bytes(kImage));
}

TEST_CASE("the example adapter maps 500 and 429 to retryable catalogued errors", "[sdk][example]") {
  Scratch s;
  WebhookReceiver hook;
  auto cfg = write_config(s, hook).string();
  // Publishes a post with text; the run must fail, and this is its target's error object.
  auto failed_target = [&](const std::string &text) {
    CliRun r = run_letmepost(s, {"--config", cfg, "post", write_post(s, text).string()}, kEnv);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("example-secret-token") == std::string::npos);
    return boost::json::value(r.out.at("targets").as_array()[0].at("error"));
  };

  SECTION("500 is a retryable server error") {
    hook.reply_with(lmp::httpd::Response::text(500, "down"));
    const auto e = failed_target("Will fail");
    CHECK(e.at("code") == "example.server_error");
    CHECK(e.at("retryable") == true);
    CHECK(hook.received().size() == 1);
  }
  SECTION("429 is retryable after the endpoint's Retry-After") {
    auto busy = lmp::httpd::Response::text(429, "slow down");
    busy.headers.emplace_back("Retry-After", "7");
    hook.reply_with(busy);
    const auto e = failed_target("Will fail");
    CHECK(e.at("code") == "example.rate_limited");
    CHECK(e.at("retryable") == true);
    CHECK(e.at("retryAfterMs") == 7000);
  }
  SECTION("preflight refuses a text over 2000 characters before any request") {
    const auto e = failed_target(std::string(2001, 'x'));
    CHECK(e.at("code") == "example.text_too_long");
    CHECK(e.at("field") == "text");
    CHECK(hook.received().empty());
  }
}

TEST_CASE("the example adapter refuses an unknown key of platforms.example, naming its line",
          "[sdk][example]") {
  Scratch s;
  auto cfg = s.write("letmepost.yaml", "state:\n  path: " + s.path("state.db") +
                                           "\nplugins:\n  paths:\n    - " LMP_TEST_PLUGIN_DIR
                                           "/example\nplatforms:\n  example:\n    colour: red\n");
  CliRun r = run_letmepost(s, {"--config", cfg.string(), "plugins"});
  INFO(r.err);
  CHECK(r.exit_code == 2);
  const auto &refused = r.out.at("refused").as_array();
  REQUIRE(refused.size() == 1);
  const auto &e = refused[0].at("error");
  CHECK(e.at("field") == "platforms.example.colour");
  const std::string message(e.at("message").as_string());
  CHECK_THAT(message, Catch::Contains("letmepost.yaml:8:5:"));
  CHECK_THAT(message, Catch::Contains("Unknown key 'colour'"));
}
