// adapter.hpp: the helper fills the table, leaves unsupported operations NULL, and traps every
// exception at the boundary.
#include <catch2/catch.hpp>

#include "core/plugins/loader.hpp"

namespace {

std::shared_ptr<lmp::LoadedAdapter> load_thrower(const std::string &config) {
  static lmp::HostServices services;
  auto loaded = lmp::load_adapter(LMP_TEST_PLUGIN_DIR "/throwing/throwing-adapter.so");
  REQUIRE(loaded.adapter);
  auto err = loaded.adapter->create(boost::json::parse(config).as_object(), services);
  if (err) FAIL(err->code + ": " + err->message);
  return loaded.adapter;
}

lmp::CallOutcome run(lmp::LoadedAdapter &a, lmp::Operation op) {
  static lmp::HostServices services;
  lmp_call call(services);
  return a.invoke(op, call, "{}");
}

}  // namespace

TEST_CASE("the helper reports a thrown letmepost::Error as that error", "[sdk][helper]") {
  auto a = load_thrower("{}");
  auto out = run(*a, lmp::Operation::kPreflight);
  REQUIRE(out.error);
  CHECK(out.status == LMP_ERROR);
  CHECK(out.error->code == "thrower.rejected");
  CHECK(out.error->message == "Thrower rejects \"this\".");
}

TEST_CASE("the helper turns std::exception and other throws into adapter.internal",
          "[sdk][helper]") {
  auto a = load_thrower("{}");
  auto publish = run(*a, lmp::Operation::kPublish);
  REQUIRE(publish.error);
  CHECK(publish.error->code == "adapter.internal");
  CHECK(publish.error->message == "publish exploded");
  auto mapped = run(*a, lmp::Operation::kMapError);
  REQUIRE(mapped.error);
  CHECK(mapped.error->code == "adapter.internal");
}

TEST_CASE("the helper traps a throwing constructor as a refused create", "[sdk][helper]") {
  static lmp::HostServices services;
  auto loaded = lmp::load_adapter(LMP_TEST_PLUGIN_DIR "/throwing/throwing-adapter.so");
  REQUIRE(loaded.adapter);
  auto err = loaded.adapter->create(boost::json::parse(R"({"explode":1})").as_object(), services);
  REQUIRE(err);
  CHECK(err->code == "adapter.internal");
  CHECK(err->message == "boom in ctor");
}

TEST_CASE("the helper leaves operations the class lacks NULL", "[sdk][helper]") {
  auto a = load_thrower("{}");
  CHECK(a->supports(lmp::Operation::kDeletePost));
  CHECK_FALSE(a->supports(lmp::Operation::kUploadMedia));
  CHECK_FALSE(a->supports(lmp::Operation::kListDestinations));
  auto out = run(*a, lmp::Operation::kDeletePost);
  REQUIRE(out.ok());
  CHECK(out.result.at("deleted").as_bool());
  auto missing = run(*a, lmp::Operation::kUploadMedia);
  REQUIRE(missing.error);
  CHECK(missing.error->code == "host.unsupported_operation");
}
