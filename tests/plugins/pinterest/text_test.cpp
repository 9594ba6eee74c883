// Text rules: code points as Pinterest counts them, URL origins, query encoding.
#include <catch2/catch.hpp>

#include "plugins/pinterest/text.hpp"

TEST_CASE("code points are counted, not bytes", "[pinterest][text]") {
  CHECK(pinterest::count_code_points("") == 0);
  CHECK(pinterest::count_code_points("abc") == 3);
  CHECK(pinterest::count_code_points("caf\xC3\xA9") == 4);                       // café
  CHECK(pinterest::count_code_points("\xE2\x82\xAC") == 1);                      // €
  CHECK(pinterest::count_code_points("\xF0\x9F\x98\x80\xF0\x9F\x98\x80") == 2);  // two emoji
  // Broken sequences count a code point per byte, never fewer.
  CHECK(pinterest::count_code_points("\xC3") == 1);
  CHECK(pinterest::count_code_points("\xE2\x82") == 2);
  CHECK(pinterest::count_code_points("\x80\x80") == 2);
  std::string five_hundred;
  for (int i = 0; i < 500; ++i) five_hundred += "\xC3\xA9";
  CHECK(pinterest::count_code_points(five_hundred) == 500);
}

TEST_CASE("http URLs and their origins", "[pinterest][text]") {
  CHECK(pinterest::is_http_url("https://letmepost.dev/a?b#c"));
  CHECK(pinterest::is_http_url("HTTP://Example.com"));
  CHECK_FALSE(pinterest::is_http_url("ftp://example.com/"));
  CHECK_FALSE(pinterest::is_http_url("javascript:alert(1)"));
  CHECK_FALSE(pinterest::is_http_url("https://"));
  CHECK_FALSE(pinterest::is_http_url("https:///path"));
  CHECK_FALSE(pinterest::is_http_url("example.com"));
  CHECK(pinterest::url_origin("http://127.0.0.1:40123/v5") == "http://127.0.0.1:40123");
  CHECK(pinterest::url_origin("https://api-sandbox.pinterest.com/v5") ==
        "https://api-sandbox.pinterest.com");
  CHECK(pinterest::url_origin("http://user:pw@[::1]:8080/x") == "http://[::1]:8080");
}

TEST_CASE("query strings are percent-encoded", "[pinterest][text]") {
  CHECK(pinterest::percent_encode("a b/c,d:e") == "a%20b%2Fc%2Cd%3Ae");
  CHECK(pinterest::query_string(
            {{"redirect_uri", "http://127.0.0.1:8765/callback"}, {"state", "x&y"}}) ==
        "redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&state=x%26y");
  CHECK(pinterest::contains_ci("Flagged as SPAM", "spam"));
  CHECK_FALSE(pinterest::contains_ci("ok", "spam"));
}
