// The SSRF rule, in one place: which IP addresses a URL that came from a post may reach.
// Only globally routable unicast addresses are public; everything else is refused with its class.
#pragma once

#include <sys/socket.h>

#include <optional>
#include <string>
#include <string_view>

namespace lmp {

// Why an address is (or is not) reachable by untrusted URLs.
enum class AddressClass {
  kPublic,         // globally routable unicast
  kLoopback,       // 127.0.0.0/8, ::1
  kPrivate,        // 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10, 64:ff9b:1::/48
  kLinkLocal,      // 169.254/16, fe80::/10
  kCgnat,          // 100.64.0.0/10 (carrier-grade NAT shared space)
  kMulticast,      // 224.0.0.0/4, ff00::/8
  kUnspecified,    // 0.0.0.0, ::
  kBroadcast,      // 255.255.255.255
  kReserved,       // 0/8, 192.0.0/24, 192.88.99/24, 240/4, 100::/64, Teredo, outside 2000::/3
  kDocumentation,  // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20
  kBenchmark,      // 198.18.0.0/15, 2001:2::/48
  kCloudMetadata,  // 169.254.169.254, fd00:ec2::254, 168.63.129.16, 100.100.100.200
  kNotIp,          // not an IPv4 or IPv6 address at all
};

// The verdict on one address.
struct AddressVerdict {
  AddressClass address_class = AddressClass::kNotIp;
  std::string address;  // the address as text, e.g. "10.0.0.5" or "::ffff:127.0.0.1"
  // For IPv6 forms that carry an IPv4 address, which is what gets classified: the form
  // ("IPv4-mapped IPv6" for ::ffff:0:0/96, "NAT64" for 64:ff9b::/96, "6to4" for 2002::/16) and the
  // embedded address. Both empty otherwise.
  std::string embedding;
  std::string embedded_ipv4;

  // Whether the address is public (reachable by untrusted URLs).
  bool is_public() const { return address_class == AddressClass::kPublic; }
  // For a person: e.g. "10.0.0.5 is a private address" or "::ffff:127.0.0.1 is an IPv4-mapped
  // IPv6 address of 127.0.0.1, a loopback address".
  std::string describe() const;
};

// A short name for the class, e.g. "loopback", "link-local", "cloud metadata".
const char *address_class_name(AddressClass c);

// Classifies an AF_INET or AF_INET6 socket address (any other family is kNotIp).
AddressVerdict classify_address(const sockaddr *address);
// Classifies a numeric IPv4 or IPv6 address (no brackets, no port); kNotIp if it is not one.
AddressVerdict classify_address(std::string_view ip);

// Whether the address is public: shorthands for classify_address(...).is_public().
bool is_public_address(const sockaddr *address);
bool is_public_address(std::string_view ip);

}  // namespace lmp
