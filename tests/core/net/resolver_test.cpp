#include <catch2/catch.hpp>

#include <sys/socket.h>

#include "core/net/address_policy.hpp"
#include "core/net/resolver.hpp"

TEST_CASE("ResolvedAddress reads numeric addresses and compares endpoints", "[net][resolver]") {
  auto a = lmp::ResolvedAddress::from_ip("10.0.0.5", 8080);
  REQUIRE(a);
  CHECK(a->family() == AF_INET);
  CHECK(a->ip() == "10.0.0.5");
  CHECK(a->port() == 8080);
  auto b = lmp::ResolvedAddress::from_ip("2001:db8::1", 443);
  REQUIRE(b);
  CHECK(b->family() == AF_INET6);
  CHECK(b->ip() == "2001:db8::1");
  CHECK(b->port() == 443);
  CHECK(a->same_endpoint(lmp::ResolvedAddress::from_ip("10.0.0.5", 8080)->address()));
  CHECK_FALSE(a->same_endpoint(lmp::ResolvedAddress::from_ip("10.0.0.5", 8081)->address()));
  CHECK_FALSE(a->same_endpoint(b->address()));
  CHECK_FALSE(lmp::ResolvedAddress::from_ip("example.com", 80));
  CHECK_FALSE(lmp::ResolvedAddress::from_ip("[::1]", 80));
}

TEST_CASE("StaticResolver answers only the names it holds", "[net][resolver]") {
  lmp::StaticResolver r;
  r.add("public.example", {"93.184.216.34"});
  r.add("Mixed.Example", {"93.184.216.34", "10.0.0.5"});
  auto one = r.resolve("PUBLIC.example", 443);
  REQUIRE(one.size() == 1);
  CHECK(one[0].ip() == "93.184.216.34");
  CHECK(one[0].port() == 443);
  auto two = r.resolve("mixed.example", 80);
  REQUIRE(two.size() == 2);
  CHECK(two[1].ip() == "10.0.0.5");
  CHECK_THROWS_AS(r.resolve("unknown.example", 80), lmp::ResolveError);
  CHECK_THROWS_AS(r.add("bad.example", {"not-an-ip"}), std::invalid_argument);
  r.add("public.example", {"::1"});
  CHECK(r.resolve("public.example", 1)[0].ip() == "::1");
}

TEST_CASE("SystemResolver resolves localhost from /etc/hosts to loopback", "[net][resolver]") {
  // localhost never leaves the machine; every address it yields must be loopback.
  lmp::SystemResolver r;
  auto addrs = r.resolve("localhost", 80);
  REQUIRE_FALSE(addrs.empty());
  for (const auto &a : addrs) {
    CHECK(lmp::classify_address(a.address()).address_class == lmp::AddressClass::kLoopback);
    CHECK(a.port() == 80);
  }
  auto literal = r.resolve("127.0.0.1", 8);
  REQUIRE(literal.size() == 1);
  CHECK(literal[0].ip() == "127.0.0.1");
}
