// `letmepost serve` as a child process on 127.0.0.1 (port 0), with the Pinterest simulator
// behind two accounts and two API keys, each key allowed one account.
#pragma once

#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <csignal>
#include <string>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace lmp::test {

inline constexpr const char *kKeyAlpha = "key-alpha-0123456789";  // may use acc_a
inline constexpr const char *kKeyBeta = "key-beta-0123456789";    // may use acc_b

struct ServeFixture {
  Scratch scratch;
  SimulatorProcess sim;
  std::unique_ptr<ChildProcess> server;
  std::string url;  // "http://127.0.0.1:PORT"

  // `extra`: config lines written right after the server section's `listen`: more server keys
  // ("  key: value\n"), then other top-level sections if any.
  explicit ServeFixture(const std::string &extra = {}) {
    std::string yaml =
        "state:\n  path: state.db\nnetwork:\n  allow_private_addresses: true\n"
        "server:\n  listen: 127.0.0.1:1\n" +
        extra + "accounts:\n";
    for (const char *id : {"acc_a", "acc_b"}) {
      yaml += std::string("  - id: ") + id +
              "\n    platform: pinterest\n    api_base_url: " + sim.api_url() +
              "\n    access_token: ${PIN_TOKEN}\n";
    }
    yaml +=
        "api_keys:\n  - name: alpha\n    key: ${KEY_A}\n    accounts: [acc_a]\n"
        "  - name: beta\n    key: ${KEY_B}\n    accounts: [acc_b]\n";
    auto cfg = scratch.write("letmepost.yaml", yaml);
    ChildOptions opts;
    opts.env = {"PIN_TOKEN=sim-access-token", std::string("KEY_A=") + kKeyAlpha,
                std::string("KEY_B=") + kKeyBeta};
    opts.stderr_path = scratch.path("serve.log");
    server = std::make_unique<ChildProcess>(
        std::vector<std::string>{LMP_BIN_DIR "/letmepost", "--config", cfg.string(), "--log-level",
                                 "debug", "serve", "--listen", "127.0.0.1:0"},
        opts);
    const std::string line = server->read_line();
    const std::string prefix = "listening on ";
    REQUIRE(line.rfind(prefix, 0) == 0);
    url = line.substr(prefix.size());
    while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
  }

  // `method` on `path` with `key` (none when empty) and extra headers.
  HttpReply call(const std::string &method, const std::string &path, const std::string &key,
                 const std::string &body = {}, Headers headers = {}) const {
    if (!key.empty()) headers.emplace_back("Authorization", std::string("Bearer ") + key);
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return TestHttp::request(method, url + path, body, headers);
  }

  // A post of one image pin to `account` (on the simulator's board 1234567890).
  std::string image_post(const std::string &account, const std::string &text,
                         const std::string &extra = "") const {
    return R"({"targets":[{"platform":"pinterest","accountId":")" + account + R"("}],"text":")" +
           text + R"(","media":[{"type":"image","url":")" + sim.base_url() +
           R"(/media/demo.jpg"}],"options":{"boardId":"1234567890","destinationUrl":")" +
           sim.base_url() + R"(/dest/ok"})" + extra + "}";
  }
};

}  // namespace lmp::test
