// Video pins through the letmepost CLI (host media preparation included): the cover overrides
// as the pin body shows them, and a run that crashed between the upload and the pin
// (LMP_TEST_CRASH_AFTER=uploading) resuming without a second upload.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "plugins/pinterest/video_media.hpp"
#include "support/cli.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace json = boost::json;

namespace {

using lmp::test::CliRun;

CliRun post(const lmp::test::Scratch &s, const std::string &config, const std::string &post_file,
            std::vector<std::string> env) {
  return lmp::test::run_letmepost(s, {"--config", config, "post", post_file}, std::move(env));
}

// A config with one account on sim, polling every 20 to 100 ms.
std::string write_config(const lmp::test::Scratch &s, const lmp::test::SimulatorProcess &sim) {
  return lmp::test::write_sim_config(s, sim, "sim-access-token",
                                     "platforms:\n  pinterest:\n    video_poll_initial_ms: 20\n"
                                     "    video_poll_max_ms: 100\n")
      .string();
}

// A post of one video (the JSON of its media item) to the demo board.
std::string write_post(const lmp::test::Scratch &s, const std::string &name,
                       const std::string &video) {
  return s
      .write(name, R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],"text":"A video",
          "media":[)" + video +
                       R"(],"options":{"boardId":"1234567890"}})")
      .string();
}

// The media_source of the latest pin the simulator was asked to create.
json::object last_source(const lmp::test::SimulatorProcess &sim) {
  const json::array entries = sim.log("POST", "/v5/pins");
  REQUIRE_FALSE(entries.empty());
  return entries.back().at("body").at("media_source").as_object();
}

}  // namespace

TEST_CASE("the CLI sends each cover override to Pinterest", "[pinterest][video][cli]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim({"--media-processing-ms", "0"});
  const std::string config = write_config(s, sim);
  const std::string video = R"({"type":"video","path":")" + pintest::test_media("clip.mov") + "\"";
  auto publish = [&](const std::string &name, const std::string &cover) {
    CliRun r = post(s, config, write_post(s, name, video + cover + "}"), {});
    INFO(s.read("stderr.log"));
    REQUIRE(r.exit_code == 0);
    return last_source(sim);
  };
  json::object by_default = publish("default.json", "");
  CHECK(by_default.at("cover_image_content_type") == "image/jpeg");
  CHECK(by_default.at("cover_image_data").is_string());
  json::object at = publish("at.json", R"(,"cover":{"atSeconds":2.5})");
  CHECK(at.at("cover_image_content_type") == "image/jpeg");
  // Another frame: other bytes (the log keeps a prefix and the length of long strings).
  CHECK(at.at("cover_image_data") != by_default.at("cover_image_data"));
  json::object png =
      publish("png.json", R"(,"cover":{"path":")" + pintest::test_media("image.png") + R"("})");
  CHECK(png.at("cover_image_content_type") == "image/png");
  json::object url =
      publish("url.json", R"(,"cover":{"url":")" + sim.base_url() + R"(/media/demo.jpg"})");
  CHECK(url.at("cover_image_url") == json::value(sim.base_url() + "/media/demo.jpg"));
  CHECK(url.if_contains("cover_image_data") == nullptr);
}

TEST_CASE("a post that crashed after the upload resumes without uploading again",
          "[pinterest][video][cli]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim({"--media-processing-ms", "100"});
  const std::string config = write_config(s, sim);
  const std::string post_file = write_post(
      s, "post.json", R"({"type":"video","path":")" + pintest::test_media("tall.mp4") + "\"}");

  CliRun crashed = post(s, config, post_file, {"LMP_TEST_CRASH_AFTER=uploading"});
  INFO(s.read("stderr.log"));
  REQUIRE(crashed.exit_code == 137);
  CHECK(sim.log("POST", "/v5/media").size() == 1);
  CHECK(sim.log("POST", "/v5/pins").size() == 0);

  CliRun again = post(s, config, post_file, {});
  REQUIRE(again.exit_code == 0);
  const json::value &result = again.out;
  CHECK(result.at("status") == "published");
  CHECK(sim.log("POST", "/v5/media").size() == 1);
  CHECK(sim.log("POST", "/s3/pinterest-media-upload/").size() == 1);
  CHECK(sim.log("POST", "/v5/pins").size() == 1);
}
