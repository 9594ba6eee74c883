#include <catch2/catch.hpp>

#include "core/net/url.hpp"

TEST_CASE("parse_url splits a URL into scheme, host, port, path and query", "[net][url]") {
  auto u = lmp::parse_url("https://Example.COM/a/b?x=1&y=2#frag");
  REQUIRE(u);
  CHECK(u->scheme == "https");
  CHECK(u->port == 443);
  CHECK(u->path == "/a/b");
  CHECK(u->query == "x=1&y=2");
  CHECK_FALSE(u->ipv6_literal);
  CHECK(u->redacted() == "https://" + u->host + ":443/a/b");

  auto plain = lmp::parse_url("http://example.com:8080");
  REQUIRE(plain);
  CHECK(plain->port == 8080);
  CHECK(plain->path == "/");
  CHECK(plain->query.empty());
}

TEST_CASE("parse_url takes IPv6 literals out of their brackets", "[net][url]") {
  auto u = lmp::parse_url("http://[::ffff:127.0.0.1]:81/x");
  REQUIRE(u);
  CHECK(u->ipv6_literal);
  CHECK(u->host == "::ffff:127.0.0.1");
  CHECK(u->host_for_authority() == "[::ffff:127.0.0.1]");
  CHECK(u->port == 81);
}

TEST_CASE("parse_url normalizes the numeric IPv4 forms libcurl connects to", "[net][url]") {
  // Decimal, hex and short forms are classic SSRF-filter bypasses: they must come out as the
  // dotted quad that the address policy then classifies.
  for (const char *text : {"http://2130706433/", "http://0x7f.1/", "http://127.1/"}) {
    auto u = lmp::parse_url(text);
    REQUIRE(u);
    CHECK(u->host == "127.0.0.1");
  }
}

TEST_CASE("parse_url refuses what is not an absolute URL, without echoing it", "[net][url]") {
  std::string error;
  CHECK_FALSE(lmp::parse_url("example.com/path", &error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(lmp::parse_url("http://exa mple.com/", &error));
  CHECK_FALSE(lmp::parse_url("http://user:hunter2@/", &error));
  CHECK(error.find("hunter2") == std::string::npos);
  CHECK_FALSE(lmp::parse_url("", &error));
}

TEST_CASE("redacted drops user info and query", "[net][url]") {
  auto u = lmp::parse_url("https://user:hunter2@example.com/p?token=secret");
  REQUIRE(u);
  CHECK(u->redacted() == "https://example.com:443/p");
}

TEST_CASE("is_http_url accepts only http and https", "[net][url]") {
  CHECK(lmp::is_http_url("http://example.com/"));
  CHECK(lmp::is_http_url("HTTPS://example.com/x"));
  CHECK_FALSE(lmp::is_http_url("ftp://example.com/"));
  CHECK_FALSE(lmp::is_http_url("file:///etc/passwd"));
  CHECK_FALSE(lmp::is_http_url("/relative/path"));
  CHECK_FALSE(lmp::is_http_url("not a url"));
}

TEST_CASE("resolve_url resolves a Location against the current URL", "[net][url]") {
  auto base = lmp::parse_url("http://a.example/dir/page?q=1");
  REQUIRE(base);
  auto rel = lmp::resolve_url(*base, "other?z=2");
  REQUIRE(rel);
  CHECK(rel->text == "http://a.example/dir/other?z=2");
  auto root = lmp::resolve_url(*base, "/top");
  REQUIRE(root);
  CHECK(root->path == "/top");
  auto abs = lmp::resolve_url(*base, "https://b.example:8443/x");
  REQUIRE(abs);
  CHECK(abs->host == "b.example");
  CHECK(abs->port == 8443);
  CHECK_FALSE(base->same_origin(*abs));
  CHECK(base->same_origin(*root));
}

TEST_CASE("with_query_param appends percent-encoded pairs", "[net][url]") {
  auto u = lmp::parse_url("http://a.example/p?x=1");
  REQUIRE(u);
  auto v = lmp::with_query_param(*u, "a b", "c&d=é/");
  // libcurl writes the hex digits of the parts it encodes in lower case.
  CHECK(v.query == "x=1&a%20b=c%26d%3d%c3%a9%2f");
  auto w = lmp::with_query_param(*lmp::parse_url("http://a.example/p"), "k", "");
  CHECK(w.query == "k=");
}

TEST_CASE("url_escape keeps only unreserved characters", "[net][url]") {
  CHECK(lmp::url_escape("") == "");
  CHECK(lmp::url_escape("aZ09-._~") == "aZ09-._~");
  CHECK(lmp::url_escape(std::string("a\0b", 3)) == "a%00b");
  CHECK(lmp::url_escape("+ /") == "%2B%20%2F");
}
