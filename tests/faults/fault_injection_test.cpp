// Fault injection: for every network step of an image pin and a video pin, the simulator answers
// once with each fault (5xx, 429 with and without headers, a timeout, a reset, malformed JSON, a
// truncated body, an S3 XML error), and `letmepost post` must hold its promises: the post is
// recorded whatever happens, a failure has a catalog code, a retryable fault is retried, no pin
// is ever made twice, and no secret reaches stdout or stderr.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"
#include "support/http_client.hpp"

namespace json = boost::json;
using lmp::test::CliRun;
using lmp::test::Scratch;
using lmp::test::SimulatorProcess;

namespace {

constexpr const char *kBoard = "1234567890";
const std::vector<std::string> kSecrets = {"sim-access-token", "sim-refresh-token",
                                           "sim-client-secret"};

struct Fault {
  std::string name;
  json::object spec;  // the simulator's fault, without route and count
};

// Every fault kind; the S3 XML error only makes sense on the upload step.
std::vector<Fault> faults(bool s3) {
  std::vector<Fault> out = {
      {"500", {{"status", 500}}},
      {"503", {{"status", 503}}},
      {"429 with headers",
       {{"status", 429},
        {"headers", json::object{{"x-ratelimit-limit", "100"},
                                 {"x-ratelimit-remaining", "0"},
                                 {"x-ratelimit-reset", "0"}}}}},
      {"429 without headers", {{"status", 429}}},
      {"timeout", {{"delayMs", 1500}}},  // the config's http.timeout_ms is 400
      {"reset", {{"drop", true}}},
      {"reset after the handler", {{"drop", true}, {"afterHandler", true}}},
      {"malformed JSON", {{"malformedJson", true}}},
      {"truncated body", {{"truncate", 5}}},
  };
  if (s3) {
    out.push_back({"S3 XML error",
                   {{"status", 403},
                    {"headers", json::object{{"Content-Type", "application/xml"}}},
                    {"body",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied"
                     "</Code><Message>Access Denied</Message></Error>"}}});
  }
  return out;
}

// The pins on the demo board whose description is text.
size_t pins_with_text(const SimulatorProcess &sim, const std::string &text) {
  auto reply = lmp::test::TestHttp::get(sim.api_url() + "/boards/" + kBoard + "/pins?page_size=100",
                                        {{"Authorization", "Bearer sim-access-token"}});
  REQUIRE(reply.status == 200);
  const json::value page = reply.json();
  size_t n = 0;
  for (const auto &pin : page.at("items").as_array()) {
    const json::value *d = pin.as_object().if_contains("description");
    n += d && d->is_string() && d->get_string() == text ? 1 : 0;
  }
  return n;
}

// Runs one post with fault armed on route, and checks every promise. must_publish: the fault
// hits a step whose retryable failures the host retries, so one fault must not stop the pin.
void check_fault(const SimulatorProcess &sim, const std::string &route, const Fault &fault,
                 const std::string &flow, bool must_publish) {
  Scratch s;
  const std::string text = flow + ": " + route + " " + fault.name;
  INFO(text);
  const auto config = lmp::test::write_sim_config(
      s, sim, "sim-access-token",
      "http:\n  timeout_ms: 400\n"
      "publish:\n  retry_backoff_ms: 10\n  retry_max_wait_s: 5\n"
      "platforms:\n  pinterest:\n    rate_limit_backoff_ms: 10\n    video_poll_initial_ms: 20\n"
      "    video_poll_max_ms: 50\n");
  const std::string media =
      flow == "video"
          ? R"({"type":"video","path":")" + std::string(LMP_TEST_DATA_DIR) + R"(/media/tall.mp4"})"
          : R"({"type":"image","url":")" + sim.base_url() + R"(/media/demo.jpg"})";
  const auto post = s.write(
      "post.json", R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],"text":")" +
                       text + R"(","media":[)" + media +
                       R"(],"options":{"boardName":"letmepost demo","destinationUrl":")" +
                       sim.base_url() + R"(/dest/ok"}})");
  json::object spec = fault.spec;
  spec["route"] = route;
  spec["count"] = 1;
  sim.fault(spec);

  CliRun run = lmp::test::run_letmepost(
      s, {"--config", config.string(), "--log-level", "debug", "post", post.string()});
  INFO(run.err);
  for (const auto &secret : kSecrets) {
    CHECK(run.err.find(secret) == std::string::npos);
    CHECK(json::serialize(run.out).find(secret) == std::string::npos);
  }
  REQUIRE(run.out.is_object());
  REQUIRE(run.exit_code <= 1);
  const std::string status(run.out.at("status").as_string());
  const json::value &target = run.out.at("targets").as_array()[0];

  // Never lost: the state database has the post with the same outcome.
  CliRun shown = lmp::test::run_letmepost(
      s, {"--config", config.string(), "posts", "show", std::string(run.out.at("id").as_string())});
  REQUIRE(shown.exit_code == 0);
  CHECK(shown.out.at("status") == json::value(status));

  // Never twice.
  CHECK(pins_with_text(sim, text) == (status == "published" ? 1u : 0u));

  if (status != "published") {
    const json::value &error = target.at("error");
    INFO(json::serialize(error));
    CHECK_FALSE(error.at("code").as_string().empty());
    CHECK_FALSE(error.at("message").as_string().empty());
    // A retryable failure from one fault was retried past it.
    CHECK_FALSE((must_publish && error.at("retryable") == true));
  }
  if (must_publish && fault.name != "S3 XML error") CHECK(status == "published");
}

void check_route(const std::string &flow, const std::string &route, bool must_publish,
                 bool s3 = false) {
  SimulatorProcess sim({"--media-processing-ms", "60"});
  for (const Fault &f : faults(s3)) check_fault(sim, route, f, flow, must_publish);
}

}  // namespace

TEST_CASE("image pin: faults on the board lookup", "[faults][image]") {
  check_route("image", "GET /v5/boards", false);
}

TEST_CASE("image pin: faults on the media and destination checks", "[faults][image]") {
  check_route("image", "/media/demo.jpg", false);
  check_route("image", "/dest/ok", false);
}

TEST_CASE("image pin: faults on the pin creation", "[faults][image]") {
  check_route("image", "POST /v5/pins", true);
}

TEST_CASE("video pin: faults on the media registration", "[faults][video]") {
  check_route("video", "POST /v5/media", true);
}

TEST_CASE("video pin: faults on the S3 upload", "[faults][video]") {
  check_route("video", "POST /s3/pinterest-media-upload/", true, true);
}

TEST_CASE("video pin: faults on the media status polls", "[faults][video]") {
  check_route("video", "GET /v5/media/{media_id}", true);
}

TEST_CASE("video pin: faults on the pin creation", "[faults][video]") {
  check_route("video", "POST /v5/pins", true);
}
