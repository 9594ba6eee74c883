#include <catch2/catch.hpp>

#include "core/net/address_policy.hpp"
#include "core/net/resolver.hpp"

using lmp::AddressClass;

namespace {

AddressClass class_of(const char *ip) {
  return lmp::classify_address(ip).address_class;
}

}  // namespace

TEST_CASE("public unicast addresses are public", "[net][ssrf]") {
  for (const char *ip : {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1",
                         "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888"}) {
    INFO(ip);
    CHECK(lmp::is_public_address(ip));
  }
}

TEST_CASE("every non-public IPv4 class is refused with its name", "[net][ssrf]") {
  struct Case {
    const char *ip;
    AddressClass expected;
  };
  for (const Case &c : {
           Case{"127.0.0.1", AddressClass::kLoopback},
           Case{"127.255.255.254", AddressClass::kLoopback},
           Case{"10.0.0.5", AddressClass::kPrivate},
           Case{"172.16.0.1", AddressClass::kPrivate},
           Case{"172.31.255.255", AddressClass::kPrivate},
           Case{"192.168.1.1", AddressClass::kPrivate},
           Case{"169.254.1.1", AddressClass::kLinkLocal},
           Case{"100.64.0.1", AddressClass::kCgnat},
           Case{"100.127.255.255", AddressClass::kCgnat},
           Case{"224.0.0.1", AddressClass::kMulticast},
           Case{"239.255.255.250", AddressClass::kMulticast},
           Case{"0.0.0.0", AddressClass::kUnspecified},
           Case{"0.1.2.3", AddressClass::kReserved},
           Case{"255.255.255.255", AddressClass::kBroadcast},
           Case{"240.0.0.1", AddressClass::kReserved},
           Case{"192.0.0.8", AddressClass::kReserved},
           Case{"192.0.2.1", AddressClass::kDocumentation},
           Case{"198.51.100.7", AddressClass::kDocumentation},
           Case{"203.0.113.9", AddressClass::kDocumentation},
           Case{"198.18.0.1", AddressClass::kBenchmark},
           Case{"198.19.255.255", AddressClass::kBenchmark},
           Case{"169.254.169.254", AddressClass::kCloudMetadata},
           Case{"168.63.129.16", AddressClass::kCloudMetadata},
           Case{"100.100.100.200", AddressClass::kCloudMetadata},
       }) {
    INFO(c.ip);
    CHECK(class_of(c.ip) == c.expected);
    CHECK_FALSE(lmp::is_public_address(c.ip));
  }
}

TEST_CASE("every non-public IPv6 class is refused with its name", "[net][ssrf]") {
  struct Case {
    const char *ip;
    AddressClass expected;
  };
  for (const Case &c : {
           Case{"::1", AddressClass::kLoopback},
           Case{"::", AddressClass::kUnspecified},
           Case{"fc00::1", AddressClass::kPrivate},
           Case{"fd12:3456::1", AddressClass::kPrivate},
           Case{"fec0::1", AddressClass::kPrivate},
           Case{"fe80::1", AddressClass::kLinkLocal},
           Case{"febf::1", AddressClass::kLinkLocal},
           Case{"ff02::1", AddressClass::kMulticast},
           Case{"ff0e::1", AddressClass::kMulticast},
           Case{"2001:db8::1", AddressClass::kDocumentation},
           Case{"3fff::1", AddressClass::kDocumentation},
           Case{"2001:2::1", AddressClass::kBenchmark},
           Case{"2001:0:4136:e378::1", AddressClass::kReserved},
           Case{"100::1", AddressClass::kReserved},
           Case{"::7f00:1", AddressClass::kReserved},
           Case{"4000::1", AddressClass::kReserved},
           Case{"64:ff9b:1::a00:5", AddressClass::kPrivate},
           Case{"fd00:ec2::254", AddressClass::kCloudMetadata},
       }) {
    INFO(c.ip);
    CHECK(class_of(c.ip) == c.expected);
  }
}

TEST_CASE("IPv6 forms that embed an IPv4 address are judged by that address", "[net][ssrf]") {
  auto mapped = lmp::classify_address("::ffff:127.0.0.1");
  CHECK(mapped.address_class == AddressClass::kLoopback);
  CHECK(mapped.embedding == "IPv4-mapped IPv6");
  CHECK(mapped.embedded_ipv4 == "127.0.0.1");
  CHECK(mapped.describe() ==
        "::ffff:127.0.0.1 is an IPv4-mapped IPv6 address of 127.0.0.1, a loopback address");

  CHECK(class_of("::ffff:10.0.0.5") == AddressClass::kPrivate);
  CHECK(class_of("::ffff:169.254.169.254") == AddressClass::kCloudMetadata);
  CHECK(class_of("::ffff:a9fe:a9fe") == AddressClass::kCloudMetadata);
  CHECK(class_of("64:ff9b::192.168.0.1") == AddressClass::kPrivate);
  CHECK(class_of("64:ff9b::7f00:1") == AddressClass::kLoopback);
  CHECK(class_of("2002:7f00:1::1") == AddressClass::kLoopback);
  CHECK(class_of("2002:a9fe:a9fe::") == AddressClass::kCloudMetadata);
  CHECK(lmp::is_public_address("::ffff:93.184.216.34"));
  CHECK(lmp::is_public_address("64:ff9b::8.8.8.8"));
}

TEST_CASE("socket addresses are classified like their text", "[net][ssrf]") {
  auto loop6 = lmp::ResolvedAddress::from_ip("::ffff:127.0.0.1", 80);
  REQUIRE(loop6);
  CHECK_FALSE(lmp::is_public_address(loop6->address()));
  CHECK(lmp::classify_address(loop6->address()).address == "::ffff:127.0.0.1");
  auto pub = lmp::ResolvedAddress::from_ip("93.184.216.34", 443);
  REQUIRE(pub);
  CHECK(lmp::is_public_address(pub->address()));
  CHECK_FALSE(lmp::is_public_address(static_cast<const sockaddr *>(nullptr)));
}

TEST_CASE("refusals say which class and which address", "[net][ssrf]") {
  CHECK(lmp::classify_address("10.0.0.5").describe() == "10.0.0.5 is a private address");
  CHECK(lmp::classify_address("169.254.169.254").describe() ==
        "169.254.169.254 is a cloud metadata address");
  CHECK(lmp::classify_address("100.64.0.1").describe() ==
        "100.64.0.1 is a carrier-grade NAT address");
  CHECK(lmp::classify_address("::").describe() == ":: is an unspecified address");
  CHECK(lmp::classify_address("localhost").address_class == AddressClass::kNotIp);
  CHECK_FALSE(lmp::is_public_address("localhost"));
  CHECK_FALSE(lmp::is_public_address("[::1]"));
}
