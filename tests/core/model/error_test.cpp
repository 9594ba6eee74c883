#include <catch2/catch.hpp>

#include "core/model/error.hpp"

TEST_CASE("an error object round-trips through JSON", "[model][error]") {
  lmp::Error e = lmp::make_error("validation.required", "text is required", "text");
  e.retry_after_ms = 1500;
  auto back = lmp::Error::from_json(e.to_json());
  CHECK(back.code == "validation.required");
  CHECK(back.field == std::optional<std::string>("text"));
  CHECK(back.retry_after_ms == std::optional<int64_t>(1500));
  CHECK(e.envelope().at("error").at("platform").is_null());
}

TEST_CASE("an error without a code is a protocol violation", "[model][error]") {
  auto e = lmp::Error::from_json(boost::json::parse(R"({"message":"x"})"));
  CHECK(e.code == "adapter.protocol_violation");
}
