// Crash recovery in `letmepost serve`: the server is killed with SIGKILL (LMP_TEST_CRASH_AFTER
// picks the step; the kill comes right after the step is committed) while publishing an image or a
// video post, then started again: its scheduler takes the post up at start-up, and the post
// ends published with exactly one pin and one upload.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "plugins/pinterest/video_media.hpp"
#include "support/cli.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace json = boost::json;
using lmp::test::TestHttp;

namespace {

constexpr const char *kKey = "key-resume-0123456789";

std::unique_ptr<lmp::test::ChildProcess> start_serve(const lmp::test::Scratch &s,
                                                     const std::string &cfg,
                                                     std::vector<std::string> env,
                                                     std::string &url) {
  lmp::test::ChildOptions opts;
  opts.env = std::move(env);
  opts.env.push_back(std::string("API_KEY=") + kKey);
  opts.stderr_path = s.path("serve.log");
  auto child = std::make_unique<lmp::test::ChildProcess>(
      std::vector<std::string>{LMP_BIN_DIR "/letmepost", "--config", cfg, "serve", "--listen",
                               "127.0.0.1:0"},
      opts);
  const std::string line = child->read_line();
  INFO(line << s.read("serve.log"));
  REQUIRE(line.rfind("listening on ", 0) == 0);
  url = line.substr(13);
  while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
  return child;
}

}  // namespace

TEST_CASE("serve killed mid-publish takes the post up at restart: one pin, one upload",
          "[schedule][server]") {
  struct Case {
    std::string kind, step;
  };
  const Case c = GENERATE(Case{"image", "preflighted"}, Case{"image", "publishing"},
                          Case{"video", "uploading"}, Case{"video", "publishing"});
  INFO(c.kind << " killed after " << c.step);
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim({"--media-processing-ms", "50"});
  const std::string cfg =
      lmp::test::write_sim_config(
          s, sim, "sim-access-token",
          "platforms:\n  pinterest:\n    video_poll_initial_ms: 20\n    video_poll_max_ms: 100\n"
          "scheduler:\n  poll_ms: 20\n"
          "api_keys:\n  - name: ci\n    key: ${API_KEY}\n    accounts: [acc_pin]\n")
          .string();
  const std::string media =
      c.kind == "image" ? R"({"type":"image","url":")" + sim.base_url() + R"(/media/demo.jpg"})"
                        : R"({"type":"video","path":")" + pintest::test_media("tall.mp4") + "\"}";
  const std::string body =
      R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],"text":"Resumed",)"
      R"("media":[)" +
      media + R"(],"options":{"boardId":"1234567890"}})";
  const lmp::test::Headers auth = {{"Authorization", std::string("Bearer ") + kKey},
                                   {"Content-Type", "application/json"}};

  std::string url;
  auto crashing = start_serve(s, cfg, {"LMP_TEST_CRASH_AFTER=" + c.step}, url);
  // The server dies while answering: the reply is lost (an exception or no status).
  try {
    TestHttp::request("POST", url + "/v1/posts", body, auth);
  } catch (const std::exception &) {
  }
  REQUIRE(crashing->wait() == 137);
  INFO(s.read("serve.log"));
  auto listed = lmp::test::run_letmepost(s, {"--config", cfg, "posts", "list"},
                                         {std::string("API_KEY=") + kKey});
  REQUIRE(listed.out.at("posts").as_array().size() == 1);
  const std::string id(listed.out.at("posts").as_array()[0].at("id").as_string());

  auto serve = start_serve(s, cfg, {}, url);
  std::string status;
  // The scheduler polls every 20 ms; a video also waits for the simulator's processing.
  for (int i = 0; i < 500 && status != "published" && status != "failed"; ++i) {
    auto reply = TestHttp::request("GET", url + "/v1/posts/" + id, "", auth);
    REQUIRE(reply.status == 200);
    status = std::string(reply.json().at("status").as_string());
    if (status != "published") std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(status == "published");
  CHECK(sim.log("POST", "/v5/pins").size() == 1);
  if (c.kind == "video") CHECK(sim.log("POST", "/s3/pinterest-media-upload/").size() == 1);
}
