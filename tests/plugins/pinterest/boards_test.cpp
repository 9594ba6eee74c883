// Boards through list_destinations: every page, cached per account, refreshed on request, and
// one lookup shared by concurrent calls of one account.
#include <catch2/catch.hpp>
#include <thread>

#include "plugins/pinterest/harness.hpp"

namespace {

using namespace pintest;
using lmp::Operation;

// The fixtures' user with 60 boards, as its own account (the cache is per account).
json::object many_boards(const Harness &h) {
  json::object r =
      h.request({{"credentials", json::object{{"accessToken", "sim-many-boards-token"}}}});
  r["account"].as_object()["id"] = "acc_many";
  return r;
}

}  // namespace

TEST_CASE("list_destinations reads every page of boards, with sections", "[pinterest][boards]") {
  Harness h(fast_config({{"board_page_size", 25}}));
  auto out = h.run(Operation::kListDestinations, many_boards(h));
  REQUIRE(error_code(out) == "");
  const auto &boards = out.result.at("destinations").as_array();
  CHECK(boards.size() == 60);
  CHECK(h.log("GET", "/v5/boards").size() == 3);  // 25 + 25 + 10
  for (const auto &e : h.log("GET", "/v5/boards")) CHECK(e.at("query").at("page_size") == "25");
  CHECK(out.result.at("rateLimit").at("limit").is_int64());

  auto demo = h.run(Operation::kListDestinations, h.request());
  REQUIRE(error_code(demo) == "");
  const auto &first = demo.result.at("destinations").at(0).as_object();
  CHECK(first.at("id") == kDemoBoard);
  CHECK(first.at("name") == "letmepost demo");
  CHECK(first.at("sections").at(0) == json::parse(R"({"id":"2234567890","name":"Ideas"})"));
}

TEST_CASE("the board list is cached for board_cache_ttl_s and refreshed on request",
          "[pinterest][boards]") {
  Harness h(fast_config({{"board_cache_ttl_s", 60}}));
  auto list = [&](bool refresh) {
    auto out = h.run(Operation::kListDestinations, h.request({{"refresh", refresh}}));
    REQUIRE(error_code(out) == "");
  };
  list(false);
  list(false);
  CHECK(h.log("GET", "/v5/boards").size() == 1);
  list(true);
  CHECK(h.log("GET", "/v5/boards").size() == 2);
  h.cache_clock.advance(61'000);
  list(false);
  CHECK(h.log("GET", "/v5/boards").size() == 3);
  // Another account has its own list.
  json::object other = h.request();
  other["account"].as_object()["id"] = "acc_other";
  REQUIRE(h.run(Operation::kPreflight, other).ok());
  CHECK(h.log("GET", "/v5/boards").size() == 4);
}

TEST_CASE("50 concurrent pins to a named board share one board lookup", "[pinterest][boards]") {
  Harness h(fast_config({{"check_destination", false}, {"check_media", false}}));
  json::object request = h.request({{"options", json::object{{"boardName", "Travel"}}}});
  std::vector<std::thread> threads;
  std::atomic<int> published{0};
  for (int i = 0; i < 50; ++i) {
    threads.emplace_back([&] {
      if (h.run(Operation::kPublish, request).ok()) ++published;
    });
  }
  for (auto &t : threads) t.join();
  CHECK(published == 50);
  CHECK(h.log("GET", "/v5/boards").size() == 1);
  CHECK(h.log("POST", "/v5/pins").size() == 50);
}
