// The append-only promise of ABI 1 (docs/abi.md) as the host keeps it: an adapter with the
// oldest table loads, and one built for a newer minor (a longer table) loads with the members
// this host does not know ignored.
#include <catch2/catch.hpp>

#include "core/plugins/loader.hpp"
#include "core/plugins/registry.hpp"

namespace {

lmp::Registry load(const std::string &folder) {
  static lmp::HostServices services;
  lmp::Registry r;
  r.load(
      {std::string(LMP_TEST_PLUGIN_DIR) + "/" + folder},
      [](const std::string &) { return boost::json::object(); }, services);
  return r;
}

}  // namespace

TEST_CASE("an adapter with the oldest 1.x table loads and its absent members read as NULL",
          "[sdk][abi]") {
  auto r = load("minor-older");
  REQUIRE(r.refused().empty());
  REQUIRE(r.adapters().size() == 1);
  const auto &a = *r.adapters().front();
  CHECK(a.abi() == "1.0");
  CHECK(a.supports(lmp::Operation::kPublish));
  CHECK_FALSE(a.supports(lmp::Operation::kUploadMedia));
  CHECK_FALSE(a.supports(lmp::Operation::kRefreshCredentials));
}

TEST_CASE("an adapter built for a newer minor loads with the table's extra tail ignored",
          "[sdk][abi]") {
  auto r = load("minor-newer");
  INFO((r.refused().empty() ? "" : r.refused().front().error.message));
  REQUIRE(r.refused().empty());
  REQUIRE(r.adapters().size() == 1);
  const auto &a = *r.adapters().front();
  CHECK(a.abi() == "1." + std::to_string(LMP_ABI_MINOR + 1));
  CHECK(a.supports(lmp::Operation::kPublish));
  CHECK_FALSE(a.supports(lmp::Operation::kRefreshCredentials));
}
