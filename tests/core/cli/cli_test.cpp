// The letmepost executable as a user runs it: JSON on stdout, logs on stderr, the exit codes of
// interfaces.md, and a pin published to the simulator from a YAML config and a post file.
#include <sys/stat.h>
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "support/cli.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

using lmp::test::CliRun;
using lmp::test::run_letmepost;
using lmp::test::Scratch;

}  // namespace

TEST_CASE("letmepost plugins lists the Pinterest adapter with ABI 1.0", "[cli]") {
  Scratch s;
  CliRun r = run_letmepost(s, {"plugins"});
  CHECK(r.exit_code == 0);
  const auto &adapters = r.out.at("adapters").as_array();
  REQUIRE(adapters.size() == 1);
  CHECK(adapters[0].at("name") == "pinterest");
  CHECK(adapters[0].at("abi") == "1.0");
  CHECK(adapters[0].at("platforms").as_array()[0] == "pinterest");
  CHECK(r.out.at("refused").as_array().empty());
}

TEST_CASE("letmepost plugins refuses each broken adapter and still loads Pinterest", "[cli]") {
  Scratch s;
  std::string yaml = "plugins:\n  paths:\n";
  for (const char *d : {"abi2", "host-too-old", "truncated", "null-callback", "entry-null",
                        "no-entry", "unresolved", "conflict"}) {
    yaml += std::string("    - ") + LMP_TEST_PLUGIN_DIR + "/" + d + "\n";
  }
  auto cfg = s.write("letmepost.yaml", yaml);
  CliRun r = run_letmepost(s, {"--config", cfg.string(), "plugins"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.at("adapters").as_array().size() == 1);
  std::set<std::string> codes;
  for (const auto &f : r.out.at("refused").as_array()) {
    codes.insert(std::string(f.at("error").at("code").as_string()));
  }
  CHECK(codes == std::set<std::string>{"plugin.abi_major_unsupported", "plugin.host_too_old",
                                       "plugin.table_truncated", "plugin.missing_callback",
                                       "plugin.init_refused", "plugin.not_an_adapter",
                                       "plugin.load_failed", "plugin.platform_conflict"});
  CHECK_THAT(r.err, Catch::Contains("plugin refused"));
}

TEST_CASE("config errors name file, line and column and exit 2", "[cli]") {
  Scratch s;
  auto cfg = s.write("bad.yaml", "state:\n  path: [unclosed\n");
  CliRun r = run_letmepost(s, {"--config", cfg.string(), "config", "check"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.at("error").at("code") == "config.syntax");
  CHECK_THAT(std::string(r.out.at("error").at("message").as_string()),
             Catch::Contains("bad.yaml:"));
}

TEST_CASE("an unknown command is a usage error", "[cli]") {
  Scratch s;
  CliRun r = run_letmepost(s, {"frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.at("error").at("code") == "validation.usage");
}

TEST_CASE("letmepost post publishes a pin to the simulator and keeps secrets out of logs",
          "[cli]") {
  Scratch s;
  lmp::test::SimulatorProcess sim;
  auto cfg = lmp::test::write_sim_config(s, sim, "${PIN_TOKEN}");
  auto post = s.write("post.json", R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],
    "text":"From the CLI","media":[{"type":"image","url":")" +
                                       sim.base_url() +
                                       R"(/media/demo.jpg"}],
    "options":{"boardId":"1234567890","destinationUrl":")" +
                                       sim.base_url() + R"(/dest/ok"}})");
  CliRun r =
      run_letmepost(s, {"--config", cfg.string(), "--log-level", "debug", "post", post.string()},
                    {"PIN_TOKEN=sim-access-token"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.at("status") == "published");
  const std::string url(r.out.at("targets").as_array()[0].at("url").as_string());
  CHECK_THAT(url, Catch::StartsWith("https://www.pinterest.com/pin/"));
  CHECK(r.err.find("sim-access-token") == std::string::npos);

  struct stat st {};
  REQUIRE(::stat((s.dir / "state.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  // A post the adapter refuses exits 1 and says why, with the user's field.
  auto bad =
      s.write("bad.json", R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],
    "text":"x","media":[{"type":"image","url":")" +
                              sim.base_url() +
                              R"(/media/demo.jpg"}],"options":{"pinterest":{"boardId":"999"}}})");
  CliRun b = run_letmepost(s, {"--config", cfg.string(), "post", bad.string()},
                           {"PIN_TOKEN=sim-access-token"});
  CHECK(b.exit_code == 1);
  const auto &t = b.out.at("targets").as_array()[0];
  CHECK(t.at("status") == "failed");
  CHECK(t.at("error").at("field") == "options.pinterest.boardId");
}

TEST_CASE("separate CLI runs share one board lookup; boards, posts list, show and delete",
          "[cli][boards]") {
  Scratch s;
  lmp::test::SimulatorProcess sim;
  auto cfg = lmp::test::write_sim_config(s, sim, "${PIN_TOKEN}");
  const std::vector<std::string> env = {"PIN_TOKEN=sim-access-token"};
  auto post =
      s.write("post.json", R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],
    "text":"One of many","media":[{"type":"image","url":")" +
                               sim.base_url() +
                               R"(/media/demo.jpg"}],"options":{"boardName":"letmepost demo"}})");
  const int kRuns = 50;
  std::string last_id;
  for (int i = 0; i < kRuns; ++i) {
    CliRun r = run_letmepost(s, {"--config", cfg.string(), "post", post.string()}, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    last_id = std::string(r.out.at("id").as_string());
  }
  auto count_board_lists = [&] {
    auto log = json::parse(lmp::test::TestHttp::get(sim.base_url() + "/_sim/log").body);
    int n = 0;
    for (const auto &e : log.as_array()) {
      if (e.at("method") == "GET" && e.at("path") == "/v5/boards") ++n;
    }
    return n;
  };
  CHECK(count_board_lists() == 1);

  CliRun boards = run_letmepost(s, {"--config", cfg.string(), "boards", "acc_pin"}, env);
  CHECK(boards.exit_code == 0);
  CHECK(count_board_lists() == 1);  // still from the cache
  CliRun fresh =
      run_letmepost(s, {"--config", cfg.string(), "boards", "acc_pin", "--refresh"}, env);
  CHECK(fresh.exit_code == 0);
  CHECK(count_board_lists() == 2);
  CHECK_FALSE(fresh.out.at("destinations").as_array().empty());

  CliRun list = run_letmepost(s, {"--config", cfg.string(), "posts", "list", "--limit", "5"}, env);
  CHECK(list.exit_code == 0);
  CHECK(list.out.at("posts").as_array().size() == 5);
  CHECK(list.out.at("posts").as_array()[0].at("id") == json::value(last_id));

  CliRun show = run_letmepost(s, {"--config", cfg.string(), "posts", "show", last_id}, env);
  CHECK(show.exit_code == 0);
  CHECK(show.out.at("post").at("text") == "One of many");

  CliRun del = run_letmepost(s, {"--config", cfg.string(), "posts", "delete", last_id}, env);
  CHECK(del.exit_code == 0);
  CHECK(del.out.at("targets").as_array()[0].at("status") == "deleted");
}

TEST_CASE("letmepost media upload, list and delete keep one copy per content", "[cli][media]") {
  Scratch s;
  const fs::path media = LMP_TEST_DATA_DIR "/media";
  auto cfg = s.write("letmepost.yaml", "state:\n  path: " + (s.dir / "state.db").string() +
                                           "\n  media_dir: " + (s.dir / "library").string() + "\n");
  fs::copy_file(media / "clip.mov", s.dir / "renamed.bin");

  CliRun first =
      run_letmepost(s, {"--config", cfg.string(), "media", "upload", media / "clip.mov"});
  REQUIRE(first.exit_code == 0);
  const std::string id(first.out.at("mediaId").as_string());
  CHECK(id.rfind("med_", 0) == 0);
  CHECK(first.out.at("added") == true);
  CHECK(first.out.at("kind") == "video");
  CHECK(first.out.at("probe").at("container") == "mov");
  const fs::path stored(std::string(first.out.at("path").as_string()));
  CHECK(stored.parent_path() == s.dir / "library");
  CHECK(stored.filename() == std::string(first.out.at("sha256").as_string()) + ".mov");
  CHECK(fs::file_size(stored) == fs::file_size(media / "clip.mov"));

  // The same bytes under another name: the same id, no second copy.
  CliRun again =
      run_letmepost(s, {"--config", cfg.string(), "media", "upload", s.dir / "renamed.bin"});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out.at("mediaId").as_string() == id);
  CHECK(again.out.at("added") == false);
  CliRun image =
      run_letmepost(s, {"--config", cfg.string(), "media", "upload", media / "image.png"});
  REQUIRE(image.exit_code == 0);
  CHECK(std::distance(fs::directory_iterator(s.dir / "library"), fs::directory_iterator()) == 2);

  CliRun list = run_letmepost(s, {"--config", cfg.string(), "media", "list"});
  REQUIRE(list.exit_code == 0);
  REQUIRE(list.out.at("media").as_array().size() == 2);
  CHECK(list.out.at("media").as_array()[0].at("mediaId").as_string() == id);

  CliRun del = run_letmepost(s, {"--config", cfg.string(), "media", "delete", id});
  CHECK(del.exit_code == 0);
  CHECK_FALSE(fs::exists(stored));
  CHECK(run_letmepost(s, {"--config", cfg.string(), "media", "list"})
            .out.at("media")
            .as_array()
            .size() == 1);
  CliRun missing = run_letmepost(s, {"--config", cfg.string(), "media", "delete", id});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find(id) != std::string::npos);
}

TEST_CASE("letmepost media upload refuses what is not an image or a video", "[cli][media]") {
  Scratch s;
  const fs::path media = LMP_TEST_DATA_DIR "/media";
  auto cfg = s.write("letmepost.yaml", "state:\n  path: " + (s.dir / "state.db").string() +
                                           "\n  media_dir: " + (s.dir / "library").string() + "\n");
  CliRun text =
      run_letmepost(s, {"--config", cfg.string(), "media", "upload", media / "not_media.bin"});
  CHECK(text.exit_code == 1);
  CHECK(text.out.at("error").at("code") == "media.unreadable");
  CliRun audio =
      run_letmepost(s, {"--config", cfg.string(), "media", "upload", media / "audio_only.m4a"});
  CHECK(audio.exit_code == 1);
  CHECK(audio.out.at("error").at("code") == "media.unsupported_kind");
  CliRun absent =
      run_letmepost(s, {"--config", cfg.string(), "media", "upload", s.dir / "nope.mp4"});
  CHECK(absent.exit_code == 1);
  CHECK(absent.out.at("error").at("message").as_string().find("nope.mp4") != std::string::npos);
  // Nothing half-written stays behind.
  CHECK(std::distance(fs::directory_iterator(s.dir / "library"), fs::directory_iterator()) == 0);
}
