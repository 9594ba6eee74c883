// Test helpers for the simulator's tests: a started simulator plus short-hands for its API.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "support/http_client.hpp"
#include "support/process.hpp"

namespace lmp::test {

// The demo user's token in the built-in fixtures (config/simulator-fixtures.yaml).
inline const std::string kDemoToken = "sim-access-token";
inline constexpr const char *kDemoBoard = "1234567890";

// A simulator process (started with `args`) and calls against it.
class SimClient {
 public:
  explicit SimClient(std::vector<std::string> args = {}) : process_(std::move(args)) {}

  const std::string &base() const { return process_.base_url(); }
  pid_t pid() { return process_.process().pid(); }
  std::string url(const std::string &path) const { return base() + path; }

  // GET base()+path with the token (none when empty).
  HttpReply get(const std::string &path, const std::string &token = kDemoToken) const {
    return TestHttp::get(url(path), token.empty() ? Headers{} : bearer(token));
  }
  // POST JSON to base()+path with the token.
  HttpReply post_json(const std::string &path, const boost::json::value &body,
                      const std::string &token = kDemoToken) const {
    return TestHttp::post_json(url(path), body, token.empty() ? Headers{} : bearer(token));
  }
  HttpReply del(const std::string &path, const std::string &token = kDemoToken) const {
    return TestHttp::request("DELETE", url(path), {}, token.empty() ? Headers{} : bearer(token));
  }
  // The request log (GET /_sim/log?QUERY).
  boost::json::array log(const std::string &query = {}) const {
    return TestHttp::get(url("/_sim/log" + (query.empty() ? "" : "?" + query))).json().as_array();
  }
  // Arms one fault (POST /_sim/faults).
  void fault(const boost::json::value &spec) const {
    const auto reply = TestHttp::post_json(url("/_sim/faults"), spec);
    if (reply.status != 201) throw std::runtime_error("fault refused: " + reply.body);
  }
  // Moves the simulator's clock forward.
  void advance_ms(long long ms) const {
    TestHttp::post_json(url("/_sim/clock"), {{"advanceMs", ms}});
  }

 private:
  SimulatorProcess process_;
};

// A minimal valid image pin for the demo board.
inline boost::json::object image_pin(const SimClient &sim) {
  return {{"board_id", kDemoBoard},
          {"title", "A pin"},
          {"media_source", {{"source_type", "image_url"}, {"url", sim.url("/media/demo.jpg")}}}};
}

}  // namespace lmp::test
