// The letmepost executable end to end against the simulator: `accounts` (never a secret),
// `connect --no-browser` with a pasted redirect URL, and local images posted by file (the host
// converts WebP to PNG for Pinterest's base64 path).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <sstream>
#include <thread>

#include "support/cli.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

using lmp::test::Scratch;
using lmp::test::TestHttp;

using lmp::test::CliRun;

CliRun letmepost(const Scratch &s, const fs::path &cfg, std::vector<std::string> args) {
  args.insert(args.begin(), {"--config", cfg.string()});
  return lmp::test::run_letmepost(s, std::move(args));
}

// Two accounts on the simulator: one with every credential in the YAML, one with none.
fs::path write_config(const Scratch &s, const lmp::test::SimulatorProcess &sim) {
  const std::string url = sim.api_url();
  return s.write("letmepost.yaml",
                 "state:\n  path: state.db\nnetwork:\n  allow_private_addresses: true\n"
                 "accounts:\n  - id: acc\n    platform: pinterest\n    api_base_url: " +
                     url +
                     "\n    access_token: sim-access-token\n    refresh_token: sim-refresh-token\n"
                     "    client_id: sim-client-id\n    client_secret: sim-client-secret\n"
                     "    monthly_quota: 10\n"
                     "  - id: bare\n    platform: pinterest\n    environment: production\n"
                     "    api_base_url: " +
                     url +
                     "\n    client_id: sim-client-id\n    client_secret: sim-client-secret\n");
}

void check_no_secret(const std::string &text) {
  for (const char *secret :
       {"sim-access-token", "sim-refresh-token", "sim-client-secret", "pina_", "pinr_"}) {
    INFO(secret);
    CHECK(text.find(secret) == std::string::npos);
  }
}

const json::object &account(const json::value &doc, const std::string &id) {
  for (const auto &a : doc.at("accounts").as_array()) {
    if (a.at("id") == id.c_str()) return a.as_object();
  }
  FAIL("no account " << id << " in " << json::serialize(doc));
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("letmepost accounts lists accounts, credential sources and health without secrets",
          "[cli][accounts]") {
  Scratch s;
  lmp::test::SimulatorProcess sim;
  auto cfg = write_config(s, sim);

  CliRun plain = letmepost(s, cfg, {"accounts"});
  INFO(plain.out << "\n" << plain.err);
  REQUIRE(plain.exit_code == 0);
  check_no_secret(json::serialize(plain.out) + plain.err);
  const auto &acc = account(plain.out, "acc");
  CHECK(acc.at("platform") == "pinterest");
  CHECK(acc.at("environment") == "sandbox");
  CHECK(acc.at("credentials").at("source") == "yaml");
  CHECK(acc.at("credentials").at("present").as_array().size() == 4);
  CHECK_FALSE(acc.contains("health"));
  const auto &bare = account(plain.out, "bare");
  CHECK(bare.at("environment") == "production");
  CHECK(bare.at("credentials").at("source") == "none");
  CHECK(acc.at("quota").at("limit") == 10);
  CHECK(acc.at("quota").at("used") == 0);
  CHECK(bare.at("quota").at("limit").is_null());
  // Listing calls no platform.
  CHECK(TestHttp::get(sim.base_url() + "/_sim/log").json().as_array().empty());

  // A published post counts against the account's monthly quota.
  const auto post =
      s.write("post.json", R"({"targets":[{"platform":"pinterest","accountId":"acc"}],)"
                           R"("text":"Counted","media":[{"type":"image","url":")" +
                               sim.base_url() +
                               R"(/media/demo.jpg"}],"options":{"boardId":"1234567890"}})");
  REQUIRE(letmepost(s, cfg, {"post", post.string()}).exit_code == 0);
  const json::value counted = letmepost(s, cfg, {"accounts"}).out;
  CHECK(account(counted, "acc").at("quota").at("used") == 1);
  CHECK_THAT(std::string(account(counted, "acc").at("quota").at("period").as_string()),
             Catch::Matches("20[0-9]{2}-[01][0-9]"));

  CliRun checked = letmepost(s, cfg, {"accounts", "--check"});
  INFO(checked.out << "\n" << checked.err);
  CHECK(checked.exit_code == 1);  // bare has no token
  check_no_secret(json::serialize(checked.out) + checked.err);
  const auto &acc_health = account(checked.out, "acc").at("health");
  CHECK(acc_health.at("ok") == true);
  CHECK(acc_health.at("username") == "letmepost-demo");
  const auto &bare_health = account(checked.out, "bare").at("health");
  CHECK(bare_health.at("ok") == false);
  CHECK(bare_health.at("error").at("code") == "pinterest.auth.missing_credentials");

  CHECK(letmepost(s, cfg, {"accounts", "--bogus"}).exit_code == 2);
}

TEST_CASE("letmepost connect --no-browser takes the pasted redirect URL and stores the tokens",
          "[cli][connect][accounts]") {
  Scratch s;
  lmp::test::SimulatorProcess sim;
  auto cfg = write_config(s, sim);

  // stdin is a FIFO the test holds open, so the URL can be pasted once the command shows the
  // authorize URL (whose state is random).
  const fs::path fifo = s.dir / "paste";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int paste_fd = ::open(fifo.c_str(), O_RDWR);
  REQUIRE(paste_fd >= 0);
  lmp::test::ChildOptions opts;
  opts.stderr_path = (s.dir / "connect.err").string();
  opts.stdin_path = fifo.string();
  lmp::test::ChildProcess child({LMP_BIN_DIR "/letmepost", "--config", cfg.string(), "connect",
                                 "pinterest", "--account", "bare", "--no-browser"},
                                opts);
  const std::string authorize = wait_for_line(s, "connect.err", sim.base_url() + "/oauth/?");
  lmp::test::HttpReply consent = TestHttp::get(authorize);
  REQUIRE(consent.status == 302);
  const std::string pasted = consent.header("Location") + "\n";
  REQUIRE(::write(paste_fd, pasted.data(), pasted.size()) == static_cast<ssize_t>(pasted.size()));
  std::string out = child.read_all(std::chrono::seconds(30));
  const int code = child.wait();
  ::close(paste_fd);
  const std::string err = s.read("connect.err");
  INFO(out << "\n" << err);
  REQUIRE(code == 0);
  CHECK(json::parse(out).at("connected") == true);
  check_no_secret(out + err);
  // The tokens are in the database only.
  CHECK(s.read("letmepost.yaml").find("access_token: sim") != std::string::npos);  // acc's
  CHECK(s.read("letmepost.yaml").find("pina_") == std::string::npos);
  CliRun listed = letmepost(s, cfg, {"accounts"});
  INFO(listed.out);
  const auto &bare = account(listed.out, "bare").at("credentials");
  CHECK(bare.at("source") == "database");
  CHECK(bare.at("expiresAt").is_string());
  check_no_secret(json::serialize(listed.out));

  // A following boards call works with them.
  CliRun boards = letmepost(s, cfg, {"boards", "bare", "--refresh"});
  INFO(boards.out << "\n" << boards.err);
  CHECK(boards.exit_code == 0);
  CHECK_FALSE(boards.out.at("destinations").as_array().empty());
}

TEST_CASE("letmepost post embeds local JPEG and PNG as they are and WebP converted to PNG",
          "[cli][media]") {
  Scratch s;
  lmp::test::SimulatorProcess sim;
  auto cfg = write_config(s, sim);
  struct Case {
    const char *file, *content_type, *base64_start;
  };
  // The base64 of each format's signature: JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A.
  for (const Case c :
       {Case{"image.jpg", "image/jpeg", "/9j/"}, Case{"image.png", "image/png", "iVBORw0KGgo"},
        Case{"image.webp", "image/png", "iVBORw0KGgo"}}) {
    INFO(c.file);
    TestHttp::request("DELETE", sim.base_url() + "/_sim/log");
    auto post =
        s.write("post.json",
                std::string(R"({"targets":[{"platform":"pinterest","accountId":"acc"}],)") +
                    R"("text":"By file","media":[{"type":"image","path":")" + LMP_TEST_DATA_DIR +
                    "/media/" + c.file + R"("}],"options":{"boardId":"1234567890"}})");
    CliRun r = letmepost(s, cfg, {"post", post.string()});
    INFO(r.out << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    auto log = TestHttp::get(sim.base_url() + "/_sim/log?method=POST&path=/v5/pins").json();
    REQUIRE(log.as_array().size() == 1);
    const auto &source = log.as_array()[0].at("body").at("media_source");
    CHECK(source.at("source_type") == "image_base64");
    CHECK(source.at("content_type") == c.content_type);
    CHECK_THAT(std::string(source.at("data").as_string()), Catch::StartsWith(c.base64_start));
  }
}
