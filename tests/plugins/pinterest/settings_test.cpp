// The platforms.pinterest section: every knob, strict keys, bounds.
#include <catch2/catch.hpp>

#include "plugins/pinterest/describe.hpp"
#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/settings.hpp"

namespace {

namespace json = boost::json;

json::object error_of(const std::string &section) {
  try {
    pinterest::parse_settings(json::parse(section).as_object());
  } catch (const std::exception &e) {
    return pinterest::error_object(e);
  }
  return {};
}

}  // namespace

TEST_CASE("settings read every knob and keep the defaults", "[pinterest][settings]") {
  auto s = pinterest::parse_settings(
      json::parse(R"({"board_cache_ttl_s":0,"board_page_size":25,"check_destination":false,
                      "destination_timeout_ms":200,"rate_limit_backoff_ms":5})")
          .as_object());
  CHECK(s.board_cache_ttl_s == 0);
  CHECK(s.board_page_size == 25);
  CHECK_FALSE(s.check_destination);
  CHECK(s.destination_timeout_ms == 200);
  CHECK(s.rate_limit_backoff_ms == 5);
  CHECK(s.http_timeout_ms == 30000);
  CHECK(s.token_refresh_margin_s == 432000);
}

TEST_CASE("unknown keys and bad values are config errors with their path",
          "[pinterest][settings]") {
  auto unknown = error_of(R"({"board_cach_ttl_s":1})");
  CHECK(pinterest::code_of(unknown) == "config.unknown_key");
  CHECK(unknown.at("field") == "platforms.pinterest.board_cach_ttl_s");
  CHECK(unknown.at("message").as_string().find("board_cache_ttl_s") != json::string::npos);
  auto page = error_of(R"({"board_page_size":251})");
  CHECK(pinterest::code_of(page) == "config.invalid_value");
  CHECK(page.at("field") == "platforms.pinterest.board_page_size");
  CHECK(pinterest::code_of(error_of(R"({"http_timeout_ms":-1})")) == "config.invalid_value");
  CHECK(pinterest::code_of(error_of(R"({"http_timeout_ms":"5"})")) == "config.invalid_value");
  CHECK(pinterest::code_of(error_of(R"({"check_media":1})")) == "config.invalid_value");
}

TEST_CASE("describe_json lists the operations, settings and catalog", "[pinterest][settings]") {
  json::value d = json::parse(pinterest::describe_json());
  CHECK(d.at("name") == "pinterest");
  const auto &ops = d.at("capabilities").at("operations").as_array();
  for (const char *op :
       {"preflight", "publish", "map_error", "list_destinations", "connect_begin", "connect_finish",
        "delete_post", "check_account", "find_post", "refresh_credentials"}) {
    CHECK(std::find(ops.begin(), ops.end(), json::value(op)) != ops.end());
  }
  CHECK(d.at("configSchema").at("properties").as_object().contains("board_page_size"));
  CHECK(d.at("errors").as_object().size() == pinterest::catalog().size());
}
