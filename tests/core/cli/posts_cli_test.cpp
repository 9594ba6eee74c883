// `letmepost posts cancel` and `posts retry` against the simulator: cancel stops only a post that
// is still scheduled; retry publishes a failed post's targets again, looking first for a create
// whose reply was lost, so no pin is made twice.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "support/cli.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace json = boost::json;
using lmp::test::CliRun;
using lmp::test::run_letmepost;

namespace {

std::string write_post(const lmp::test::Scratch &s, const lmp::test::SimulatorProcess &sim,
                       const std::string &extra = "") {
  return s
      .write("post.json", R"({"targets":[{"platform":"pinterest","accountId":"acc_pin"}],)"
                          R"("text":"Again","media":[{"type":"image","url":")" +
                              sim.base_url() +
                              R"(/media/demo.jpg"}],"options":{"boardId":"1234567890"})" + extra +
                              "}")
      .string();
}

}  // namespace

TEST_CASE("posts cancel stops a scheduled post, and only a scheduled one", "[cli][schedule]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim;
  const std::string cfg = lmp::test::write_sim_config(s, sim, "sim-access-token").string();
  CliRun scheduled = run_letmepost(
      s, {"--config", cfg, "post", write_post(s, sim, R"(,"scheduledAt":"2100-01-01T00:00:00Z")")});
  REQUIRE(scheduled.exit_code == 0);
  const std::string id(scheduled.out.at("id").as_string());

  CliRun cancel = run_letmepost(s, {"--config", cfg, "posts", "cancel", id});
  CHECK(cancel.exit_code == 0);
  CHECK(cancel.out.at("status") == "cancelled");
  CHECK(cancel.out.at("targets").as_array()[0].at("status") == "cancelled");

  CliRun again = run_letmepost(s, {"--config", cfg, "posts", "cancel", id});
  CHECK(again.exit_code == 1);
  CHECK(again.out.at("error").at("code") == "api.not_scheduled");
  CHECK_THAT(std::string(again.out.at("error").at("message").as_string()),
             Catch::Contains(id) && Catch::Contains("cancelled"));
  CHECK(run_letmepost(s, {"--config", cfg, "posts", "cancel", "post_nope"}).exit_code == 2);
  CHECK(sim.log("POST", "/v5/pins").empty());
}

TEST_CASE("posts retry publishes a failed post's target again, looking for a lost create first",
          "[cli][schedule]") {
  lmp::test::Scratch s;
  lmp::test::SimulatorProcess sim;
  const std::string cfg =
      lmp::test::write_sim_config(s, sim, "sim-access-token", "publish:\n  retries: 0\n").string();
  // The pin is made, but its reply is lost: the post fails, and retry must find the pin rather
  // than make a second one.
  sim.fault(json::object{{"route", "POST /v5/pins"}, {"drop", true}, {"afterHandler", true}});
  CliRun failed = run_letmepost(s, {"--config", cfg, "post", write_post(s, sim)});
  REQUIRE(failed.exit_code == 1);
  REQUIRE(failed.out.at("status") == "failed");
  const std::string id(failed.out.at("id").as_string());

  CliRun retry = run_letmepost(s, {"--config", cfg, "posts", "retry", id});
  CHECK(retry.exit_code == 0);
  CHECK(retry.out.at("id").as_string() == id);
  CHECK(retry.out.at("status") == "published");
  CHECK(retry.out.at("targets").as_array()[0].at("error").is_null());

  // Published: nothing left to retry, and no second pin.
  CliRun again = run_letmepost(s, {"--config", cfg, "posts", "retry", id});
  CHECK(again.exit_code == 1);
  CHECK(again.out.at("error").at("code") == "api.not_retryable");
  CHECK(run_letmepost(s, {"--config", cfg, "posts", "show", id}).out.at("status") == "published");
  CHECK(sim.log("POST", "/v5/pins").size() == 1);  // the lost create, and no other
  CHECK_FALSE(sim.log("GET", "/v5/boards/1234567890/pins").empty());  // find_post looked
}
