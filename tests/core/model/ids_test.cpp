#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/model/ids.hpp"

TEST_CASE("a ULID encodes its time as the spec's example does", "[model][ids]") {
  // From the ULID specification: ulid(1469918176385) starts "01ARYZ6S41".
  std::array<uint8_t, 10> zero{};
  CHECK(lmp::encode_ulid(1469918176385, zero) == "01ARYZ6S410000000000000000");
  std::array<uint8_t, 10> ones;
  ones.fill(0xFF);
  CHECK(lmp::encode_ulid(0, ones) == "0000000000ZZZZZZZZZZZZZZZZ");
  std::array<uint8_t, 10> one{};
  one[9] = 1;
  CHECK(lmp::encode_ulid(0, one) == "00000000000000000000000001");
  CHECK(lmp::id_time_ms("post_01ARYZ6S41TSV4RRFFQ69G5FAV") ==
        std::optional<uint64_t>(1469918176385));
  CHECK(lmp::id_time_ms("01aryz6s41tsv4rrffq69g5fav") == std::optional<uint64_t>(1469918176385));
  CHECK_FALSE(lmp::id_time_ms("post_81ARZ3NDEKTSV4RRFFQ69G5FAV"));
  CHECK_FALSE(lmp::id_time_ms("post_01ARZ3NDEKTSV4RRFFQ69G5FAU!"));
  CHECK_FALSE(lmp::id_time_ms("short"));
}

TEST_CASE("new ids carry their prefix and the current time", "[model][ids]") {
  using namespace std::chrono;
  const auto before = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  const std::string id = lmp::new_id("post");
  const auto after = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  REQUIRE(id.size() == 5 + 26);
  CHECK(id.rfind("post_", 0) == 0);
  const auto ms = lmp::id_time_ms(id);
  REQUIRE(ms);
  // Ids made earlier in this process may already have moved the id clock a little ahead.
  CHECK(*ms >= static_cast<uint64_t>(before));
  CHECK(*ms <= static_cast<uint64_t>(after) + 1000);
  CHECK(lmp::new_id("").size() == 26);
}

TEST_CASE("ids are unique and sort in creation order, across threads too", "[model][ids]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(lmp::new_id("med"));
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());

  std::vector<std::vector<std::string>> per_thread(4);
  std::vector<std::thread> threads;
  for (auto &out : per_thread) {
    threads.emplace_back([&out] {
      for (int i = 0; i < 2000; ++i) out.push_back(lmp::new_id("post"));
    });
  }
  for (auto &t : threads) t.join();
  std::set<std::string> all;
  for (const auto &out : per_thread) {
    CHECK(std::is_sorted(out.begin(), out.end()));
    all.insert(out.begin(), out.end());
  }
  CHECK(all.size() == 8000);
  // The "post_" ids were made after the "med_" ones, so their ULIDs sort after.
  CHECK(all.begin()->substr(5) > ids.back().substr(4));
}
