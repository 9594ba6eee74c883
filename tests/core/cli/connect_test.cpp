// `letmepost connect` end to end without a browser: the simulator's consent page approves at once,
// the test plays the browser (following the redirect to the command's loopback listener), and the
// stored tokens then publish a pin with no token in the YAML.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
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

// A loopback port that was free a moment ago.
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0);
  socklen_t len = sizeof a;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0);
  ::close(fd);
  return ntohs(a.sin_port);
}

// A config with one Pinterest account on the simulator that has an OAuth app but no tokens.
fs::path write_config(const Scratch &s, const lmp::test::SimulatorProcess &sim) {
  return s.write("letmepost.yaml",
                 "state:\n  path: state.db\nnetwork:\n  allow_private_addresses: true\n"
                 "accounts:\n  - id: acc\n    platform: pinterest\n    api_base_url: " +
                     sim.api_url() +
                     "\n    client_id: sim-client-id\n    client_secret: sim-client-secret\n");
}

std::string bin() {
  return LMP_BIN_DIR "/letmepost";
}

}  // namespace

TEST_CASE("letmepost connect stores tokens that a following post uses", "[cli][connect]") {
  Scratch s;
  lmp::test::SimulatorProcess sim;
  auto cfg = write_config(s, sim);
  const std::string redirect = "http://127.0.0.1:" + std::to_string(free_port()) + "/callback";

  lmp::test::ChildOptions opts;
  opts.stderr_path = (s.dir / "connect.err").string();
  opts.env = {"LMP_CONNECT_TIMEOUT_S=30", "DISPLAY="};
  lmp::test::ChildProcess child({bin(), "--config", cfg.string(), "connect", "pinterest",
                                 "--account", "acc", "--redirect-uri", redirect},
                                opts);
  const std::string authorize = wait_for_line(s, "connect.err", sim.base_url() + "/oauth/");
  CHECK(authorize.find("state=") != std::string::npos);

  // The consent page approves and redirects to the command's listener; the test follows it.
  lmp::test::HttpReply consent = lmp::test::TestHttp::get(authorize);
  REQUIRE(consent.status == 302);
  const std::string location = consent.header("Location");
  REQUIRE_THAT(location, Catch::StartsWith(redirect + "?"));
  lmp::test::HttpReply landing = lmp::test::TestHttp::get(location);
  CHECK(landing.status == 200);
  CHECK_THAT(landing.body, Catch::Contains("close this tab"));

  std::string out = child.read_all(std::chrono::seconds(30));
  int code = child.wait();
  const std::string err = s.read("connect.err");
  INFO(out << "\n" << err);
  REQUIRE(code == 0);
  json::value doc = json::parse(out);
  CHECK(doc.at("accountId") == "acc");
  CHECK(doc.at("platform") == "pinterest");
  CHECK(doc.at("connected") == true);
  CHECK(doc.at("username") == "letmepost-demo");
  CHECK(doc.at("boards").as_int64() > 0);
  // No token in what the command printed or logged.
  CHECK(out.find("pina_") == std::string::npos);
  CHECK(out.find("pinr_") == std::string::npos);
  CHECK(err.find("pina_") == std::string::npos);
  CHECK(err.find("pinr_") == std::string::npos);
  CHECK(err.find("sim-client-secret") == std::string::npos);
  // The YAML is untouched.
  CHECK(s.read("letmepost.yaml").find("access_token") == std::string::npos);

  // A post with that account publishes with the stored tokens.
  auto post =
      s.write("post.json", R"({"targets":[{"platform":"pinterest","accountId":"acc"}],
    "text":"After connect","media":[{"type":"image","url":")" +
                               sim.base_url() +
                               R"(/media/demo.jpg"}],"options":{"boardName":"letmepost demo"}})");
  lmp::test::ChildOptions popts;
  popts.stderr_path = (s.dir / "post.err").string();
  lmp::test::ChildProcess p({bin(), "--config", cfg.string(), "post", post.string()}, popts);
  std::string pout = p.read_all();
  int pcode = p.wait();
  INFO(pout << "\n" << s.read("post.err"));
  REQUIRE(pcode == 0);
  CHECK(json::parse(pout).at("status") == "published");
}

TEST_CASE("letmepost connect refuses a redirect whose state does not match", "[cli][connect]") {
  Scratch s;
  lmp::test::SimulatorProcess sim;
  auto cfg = write_config(s, sim);
  auto pasted = s.write("pasted.txt", "http://127.0.0.1:8765/callback?code=abc&state=forged\n");

  lmp::test::ChildOptions opts;
  opts.stderr_path = (s.dir / "connect.err").string();
  opts.stdin_path = pasted.string();
  lmp::test::ChildProcess child(
      {bin(), "--config", cfg.string(), "connect", "pinterest", "--account", "acc", "--no-browser"},
      opts);
  std::string out = child.read_all();
  int code = child.wait();
  const std::string err = s.read("connect.err");
  INFO(out << "\n" << err);
  CHECK(code == 1);
  CHECK(json::parse(out).at("error").at("code") == "validation.connect_state_mismatch");
  // The authorize URL was shown for pasting.
  CHECK(err.find(sim.base_url() + "/oauth/?") != std::string::npos);
  // The code was never exchanged.
  auto log = json::parse(lmp::test::TestHttp::get(sim.base_url() + "/_sim/log").body);
  for (const auto &e : log.as_array()) CHECK(e.at("path") != "/v5/oauth/token");
}

TEST_CASE("letmepost connect checks the platform word and the redirect host", "[cli][connect]") {
  Scratch s;
  lmp::test::SimulatorProcess sim;
  auto cfg = write_config(s, sim);
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {bin(), "--config", cfg.string(), "connect"});
    lmp::test::ChildOptions opts;
    opts.stderr_path = (s.dir / "connect.err").string();
    lmp::test::ChildProcess child(args, opts);
    child.read_all();
    return child.wait();
  };
  CHECK(run({"tiktok", "--account", "acc"}) == 2);
  CHECK(run({"pinterest", "--account", "nobody"}) == 2);
  CHECK(run({"pinterest", "--account", "acc", "--redirect-uri", "http://example.com/cb"}) == 2);
}
