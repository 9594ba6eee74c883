// A publishing host in the test process: both adapters loaded at run time (Pinterest against
// its simulator on loopback, and the tiny C adapter), a real SQLite state database and the
// journal the CLI and serve use. Tests may change `config` after construction: the publisher
// reads it at each call.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include "core/config/config.hpp"
#include "core/plugins/http_bridge.hpp"
#include "core/publish/publisher.hpp"
#include "core/publish/store_journal.hpp"
#include "core/services/http_client.hpp"
#include "core/services/store_cache.hpp"
#include "core/store/sqlite_store.hpp"
#include "support/process.hpp"

namespace lmp::test {

namespace fs = std::filesystem;
namespace json = boost::json;

// A host with both adapters, one Pinterest account on the simulator and one tiny account.
struct PublishHost {
  SimulatorProcess sim;
  fs::path dir = fs::temp_directory_path() /
                 ("lmp-publisher-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
  Config config;
  SqliteStore store{(fs::create_directories(dir), (dir / "state.db").string())};
  HttpClient http;
  StoreCache cache{store.cache()};
  HostServices services;
  Registry registry;
  StoreJournal journal{store.posts()};
  MediaLibrary library{store.media(), dir / "media"};
  std::unique_ptr<Publisher> publisher;

  PublishHost() {
    config.allow_private_addresses = true;  // the simulator is on 127.0.0.1
    config.publish_retry_backoff_ms = 1;    // retries without real waits
    AccountConfig pin;
    pin.id = "acc_pin";
    pin.platform = "pinterest";
    pin.api_base_url = sim.api_url();
    pin.access_token = "sim-access-token";
    AccountConfig tiny;
    tiny.id = "acc_tiny";
    tiny.platform = "tiny";
    config.accounts = {pin, tiny};
    services.http = make_http_send(http);
    services.cache = &cache;
    registry.load(
        {LMP_PLUGIN_DIR, LMP_TEST_PLUGIN_DIR "/good"},
        [](const std::string &) { return json::object(); }, services);
    PublisherDeps deps;
    deps.config = &config;
    deps.registry = &registry;
    deps.services = &services;
    deps.credentials.load = [](const AccountConfig &a) {
      json::object c;
      if (a.access_token) c["accessToken"] = *a.access_token;
      return c;
    };
    deps.journal = &journal;
    deps.quota = &store.quota();
    deps.media = {&library, dir / "derived"};
    publisher = std::make_unique<Publisher>(std::move(deps));
  }
  ~PublishHost() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  std::string post_json(const std::string &text) const {
    return R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"},)"
           R"({"platform":"tiny","accountId":"acc_tiny"}],"text":")" +
           text + R"(","media":[{"type":"image","url":")" + sim.base_url() +
           R"(/media/demo.jpg"}],"options":{"pinterest":{"boardId":"1234567890"}}})";
  }
};

}  // namespace lmp::test
