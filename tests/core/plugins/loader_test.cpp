// The loader refuses every broken adapter with its own named error, and the host goes on with
// the rest every time.
#include <catch2/catch.hpp>

#include "core/plugins/loader.hpp"
#include "core/plugins/registry.hpp"

namespace {

const std::string kTestPlugins = LMP_TEST_PLUGIN_DIR;

lmp::Registry load(const std::vector<std::filesystem::path> &locations) {
  static lmp::HostServices services;
  lmp::Registry r;
  r.load(
      locations, [](const std::string &) { return boost::json::object(); }, services);
  return r;
}

}  // namespace

TEST_CASE("a good adapter loads with its description", "[plugins][loader]") {
  auto r = load({kTestPlugins + "/good"});
  REQUIRE(r.refused().empty());
  REQUIRE(r.adapters().size() == 1);
  auto &a = *r.adapters().front();
  CHECK(a.name() == "tiny");
  CHECK(a.version() == "1.2.3");
  CHECK(a.abi() == "1.0");
  CHECK(r.for_platform("tiny") == &a);
  CHECK(r.for_platform("pinterest") == nullptr);
}

TEST_CASE("each broken adapter is refused with its named error while the others load",
          "[plugins][loader]") {
  auto [folder, code, words] = GENERATE(table<std::string, std::string, std::string>({
      {"abi2", "plugin.abi_major_unsupported", "built for adapter ABI 2"},
      {"other-major-table", "plugin.abi_major_unsupported", "table is for adapter ABI 2"},
      {"host-too-old", "plugin.host_too_old", "needs a host with adapter ABI 1.1"},
      {"truncated", "plugin.table_truncated", "shorter than the 1.0 layout"},
      {"null-callback", "plugin.missing_callback", "'publish'"},
      {"entry-null", "plugin.init_refused", "returned no adapter table"},
      {"no-entry", "plugin.not_an_adapter", "lmp_adapter_entry_v1"},
      {"unresolved", "plugin.load_failed", "tiny_symbol_that_does_not_exist"},
      {"bad-create", "plugin.init_refused", "unknown key 'colour'"},
      {"conflict", "plugin.platform_conflict", "already served by 'pinterest'"},
  }));
  CAPTURE(folder);
  auto r = load({LMP_PLUGIN_DIR, kTestPlugins + "/good", kTestPlugins + "/" + folder});
  REQUIRE(r.refused().size() == 1);
  const auto &refusal = r.refused().front();
  CHECK(refusal.error.code == code);
  CHECK_THAT(refusal.error.message, Catch::Contains(words));
  CHECK_THAT(refusal.error.message, Catch::Contains(folder));
  // The host goes on: Pinterest and the good tiny adapter are both there.
  CHECK(r.for_platform("pinterest") != nullptr);
  CHECK(r.for_platform("tiny") != nullptr);
}

TEST_CASE("a missing plugins.paths entry is refused, not fatal", "[plugins][loader]") {
  auto r = load({kTestPlugins + "/good", "/nonexistent/plugins"});
  REQUIRE(r.refused().size() == 1);
  CHECK(r.refused().front().error.code == "plugin.load_failed");
  CHECK(r.adapters().size() == 1);
}

TEST_CASE("the same file listed twice loads once", "[plugins][loader]") {
  auto r = load({kTestPlugins + "/good", kTestPlugins + "/good/tiny-good.so"});
  CHECK(r.refused().empty());
  CHECK(r.adapters().size() == 1);
}

TEST_CASE("an adapter whose config is refused gives plugin.init_refused with its field",
          "[plugins][loader]") {
  static lmp::HostServices services;
  lmp::Registry r;
  r.load(
      {kTestPlugins + "/good"},
      [](const std::string &) {
        return boost::json::object{{"reject", true}};
      },
      services);
  REQUIRE(r.refused().size() == 1);
  CHECK(r.refused().front().error.code == "plugin.init_refused");
  CHECK(r.refused().front().error.field == std::optional<std::string>("platforms.tiny.reject"));
  r.locate_refusals([](const std::string &field) {
    return field == "platforms.tiny.reject" ? std::string("cfg.yaml:4:5") : std::string();
  });
  CHECK_THAT(r.refused().front().error.message, Catch::StartsWith("cfg.yaml:4:5: "));
}
