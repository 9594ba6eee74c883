// The letmepost CLI crashing between the upload and the pin (LMP_TEST_CRASH_AFTER=uploading), then
// run again: it publishes, and the simulator saw one registration and one upload.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "plugins/pinterest/video_media.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace json = boost::json;

namespace {

struct Run {
  int exit_code;
  std::string out;
};

Run post(const lmp::test::Scratch &s, const std::string &config, const std::string &post_file,
         std::vector<std::string> env) {
  lmp::test::ChildOptions opts;
  opts.env = std::move(env);
  opts.stderr_path = s.path("stderr.log");
  lmp::test::ChildProcess p({LMP_BIN_DIR "/letmepost", "--config", config, "post", post_file},
                            opts);
  std::string out = p.read_all();
  return {p.wait(), out};
}

size_t logged(const lmp::test::SimulatorProcess &sim, const std::string &method,
              const std::string &path) {
  auto reply =
      lmp::test::TestHttp::get(sim.base_url() + "/_sim/log?method=" + method + "&path=" + path);
  REQUIRE(reply.status == 200);
  return reply.json().as_array().size();
}

}  // namespace

TEST_CASE("a post that crashed after the upload resumes without uploading again",
          "[pinterest][video][cli]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim({"--media-processing-ms", "100"});
  const auto config =
      s.write("letmepost.yaml", "state:\n  path: " + s.path("state.db") +
                                    "\nnetwork:\n  allow_private_addresses: true\n"
                                    "platforms:\n  pinterest:\n    video_poll_initial_ms: 20\n"
                                    "    video_poll_max_ms: 100\n"
                                    "accounts:\n  - id: acc_pin\n    platform: pinterest\n"
                                    "    api_base_url: " +
                                    sim.api_url() + "\n    access_token: sim-access-token\n");
  const auto post_file =
      s.write("post.json",
              R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],"text":"A video",
          "media":[{"type":"video","path":")" +
                  pintest::test_media("tall.mp4") + R"("}],"options":{"boardId":"1234567890"}})");

  Run crashed = post(s, config.string(), post_file.string(), {"LMP_TEST_CRASH_AFTER=uploading"});
  INFO(s.read("stderr.log"));
  REQUIRE(crashed.exit_code == 137);
  CHECK(logged(sim, "POST", "/v5/media") == 1);
  CHECK(logged(sim, "POST", "/v5/pins") == 0);

  Run again = post(s, config.string(), post_file.string(), {});
  REQUIRE(again.exit_code == 0);
  const json::value result = json::parse(again.out);
  CHECK(result.at("status") == "published");
  CHECK(logged(sim, "POST", "/v5/media") == 1);
  CHECK(logged(sim, "POST", "/s3/pinterest-media-upload/") == 1);
  CHECK(logged(sim, "POST", "/v5/pins") == 1);
}
