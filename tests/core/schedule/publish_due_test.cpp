// The due pass end to end (`letmepost publish-due` against the simulator): a scheduled post
// publishes once its time has passed, flagged late when overdue, and a run killed after each
// step of an image and a video publish (LMP_TEST_CRASH_AFTER) is taken up: every post ends
// published, exactly one pin per post (the simulator's log), nothing uploaded twice.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <chrono>

#include "core/store/sqlite_store.hpp"
#include "plugins/pinterest/video_media.hpp"
#include "support/cli.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace json = boost::json;
using lmp::test::CliRun;
using lmp::test::run_letmepost;

namespace {

std::string write_post(const lmp::test::Scratch &s, const std::string &media,
                       const std::string &extra = "") {
  return s
      .write("post.json", R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],)"
                          R"("text":"Due","media":[)" +
                              media + R"(],"options":{"boardId":"1234567890"})" + extra + "}")
      .string();
}

std::string image(const lmp::test::SimulatorProcess &sim) {
  return R"({"type":"image","url":")" + sim.base_url() + R"(/media/demo.jpg"})";
}

std::string config(const lmp::test::Scratch &s, const lmp::test::SimulatorProcess &sim) {
  return lmp::test::write_sim_config(s, sim, "sim-access-token",
                                     "platforms:\n  pinterest:\n    video_poll_initial_ms: 20\n"
                                     "    video_poll_max_ms: 100\n")
      .string();
}

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

TEST_CASE("publish-due publishes a scheduled post once its time has passed, late when overdue",
          "[schedule]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim;
  const std::string cfg = config(s, sim);
  const std::string post = write_post(s, image(sim), R"(,"scheduledAt":"2100-01-01T00:00:00Z")");
  CliRun scheduled = run_letmepost(s, {"--config", cfg, "post", post});
  REQUIRE(scheduled.exit_code == 0);
  REQUIRE(scheduled.out.at("status") == "scheduled");
  const std::string id(scheduled.out.at("id").as_string());

  CliRun early = run_letmepost(s, {"--config", cfg, "publish-due"});
  INFO(s.read("stderr.log"));
  REQUIRE(early.exit_code == 0);
  CHECK(early.out.at("posts").as_array().empty());
  CHECK(sim.log("POST", "/v5/pins").empty());

  // Its time comes: moved to two hours ago, as if the clock had passed it while nothing ran.
  {
    lmp::SqliteStore store(s.path("state.db"));
    auto rec = store.posts().get(id);
    REQUIRE(rec);
    REQUIRE(store.posts().reschedule(id, rec->body, now_ms() - 7'200'000, now_ms()));
  }
  CliRun due = run_letmepost(s, {"--config", cfg, "publish-due"});
  REQUIRE(due.exit_code == 0);
  const json::array &posts = due.out.at("posts").as_array();
  REQUIRE(posts.size() == 1);
  CHECK(posts[0].at("id") == id.c_str());
  CHECK(posts[0].at("status") == "published");
  CHECK(posts[0].at("targets").as_array()[0].at("late") == true);
  CHECK(sim.log("POST", "/v5/pins").size() == 1);

  CliRun again = run_letmepost(s, {"--config", cfg, "publish-due"});
  CHECK(again.out.at("posts").as_array().empty());
  CHECK(sim.log("POST", "/v5/pins").size() == 1);
  CliRun shown = run_letmepost(s, {"--config", cfg, "posts", "show", id});
  CHECK(shown.out.at("status") == "published");
}

TEST_CASE("a run killed after any step is taken up by publish-due: one pin, one upload",
          "[schedule]") {
  struct Case {
    std::string kind, step;
  };
  const Case c = GENERATE(Case{"image", "preflighted"}, Case{"image", "uploading"},
                          Case{"image", "publishing"}, Case{"video", "preflighted"},
                          Case{"video", "uploading"}, Case{"video", "publishing"});
  INFO(c.kind << " killed after " << c.step);
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim({"--media-processing-ms", "50"});
  const std::string cfg = config(s, sim);
  const std::string media =
      c.kind == "image" ? image(sim)
                        : R"({"type":"video","path":")" + pintest::test_media("tall.mp4") + "\"}";
  const std::string post = write_post(s, media);

  CliRun crashed =
      run_letmepost(s, {"--config", cfg, "post", post}, {"LMP_TEST_CRASH_AFTER=" + c.step});
  INFO(s.read("stderr.log"));
  REQUIRE(crashed.exit_code == 137);
  const size_t pins_before = sim.log("POST", "/v5/pins").size();
  CHECK(pins_before == (c.step == "publishing" ? 1u : 0u));

  CliRun resumed = run_letmepost(s, {"--config", cfg, "publish-due"});
  REQUIRE(resumed.exit_code == 0);
  const json::array &posts = resumed.out.at("posts").as_array();
  REQUIRE(posts.size() == 1);
  CHECK(posts[0].at("status") == "published");
  CHECK(posts[0].at("targets").as_array()[0].at("url").is_string());
  CHECK(sim.log("POST", "/v5/pins").size() == 1);
  if (c.kind == "video") CHECK(sim.log("POST", "/s3/pinterest-media-upload/").size() == 1);
  CHECK(run_letmepost(s, {"--config", cfg, "publish-due"}).out.at("posts").as_array().empty());
}
