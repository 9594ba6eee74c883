#include "core/net/address_policy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace lmp {
namespace {

constexpr uint32_t v4(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  return (a << 24) | (b << 16) | (c << 8) | d;
}

struct V4Range {
  uint32_t network;
  int prefix;
  AddressClass address_class;
};

// First match wins, so single addresses come before the ranges that hold them.
constexpr std::array kV4Ranges{
    V4Range{v4(169, 254, 169, 254), 32, AddressClass::kCloudMetadata},  // AWS, GCP, Azure, ...
    V4Range{v4(168, 63, 129, 16), 32, AddressClass::kCloudMetadata},    // Azure wire server
    V4Range{v4(100, 100, 100, 200), 32, AddressClass::kCloudMetadata},  // Alibaba Cloud
    V4Range{v4(0, 0, 0, 0), 32, AddressClass::kUnspecified},
    V4Range{v4(255, 255, 255, 255), 32, AddressClass::kBroadcast},
    V4Range{v4(0, 0, 0, 0), 8, AddressClass::kReserved},  // "this network"
    V4Range{v4(10, 0, 0, 0), 8, AddressClass::kPrivate},
    V4Range{v4(100, 64, 0, 0), 10, AddressClass::kCgnat},
    V4Range{v4(127, 0, 0, 0), 8, AddressClass::kLoopback},
    V4Range{v4(169, 254, 0, 0), 16, AddressClass::kLinkLocal},
    V4Range{v4(172, 16, 0, 0), 12, AddressClass::kPrivate},
    V4Range{v4(192, 0, 0, 0), 24, AddressClass::kReserved},  // IETF protocol assignments
    V4Range{v4(192, 0, 2, 0), 24, AddressClass::kDocumentation},
    V4Range{v4(192, 88, 99, 0), 24, AddressClass::kReserved},  // deprecated 6to4 relay anycast
    V4Range{v4(192, 168, 0, 0), 16, AddressClass::kPrivate},
    V4Range{v4(198, 18, 0, 0), 15, AddressClass::kBenchmark},
    V4Range{v4(198, 51, 100, 0), 24, AddressClass::kDocumentation},
    V4Range{v4(203, 0, 113, 0), 24, AddressClass::kDocumentation},
    V4Range{v4(224, 0, 0, 0), 4, AddressClass::kMulticast},
    V4Range{v4(240, 0, 0, 0), 4, AddressClass::kReserved},
};

AddressClass classify_v4(uint32_t address) {
  for (const V4Range &r : kV4Ranges) {
    const uint32_t mask = r.prefix == 0 ? 0 : ~uint32_t{0} << (32 - r.prefix);
    if ((address & mask) == r.network) return r.address_class;
  }
  return AddressClass::kPublic;
}

using V6Bytes = std::array<uint8_t, 16>;

struct V6Range {
  V6Bytes network;
  int prefix;
  AddressClass address_class;
};

bool in_prefix(const V6Bytes &a, const V6Bytes &network, int prefix) {
  for (int bit = 0; bit < prefix; ++bit) {
    const int byte = bit / 8;
    const uint8_t mask = static_cast<uint8_t>(0x80 >> (bit % 8));
    if ((a[byte] & mask) != (network[byte] & mask)) return false;
  }
  return true;
}

// First match wins; the forms that embed an IPv4 address are handled before this table.
const std::array kV6Ranges{
    V6Range{{}, 128, AddressClass::kUnspecified},
    V6Range{{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128, AddressClass::kLoopback},
    V6Range{{0xfd, 0, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54},
            128,
            AddressClass::kCloudMetadata},                             // AWS IMDS over IPv6
    V6Range{{0, 0x64, 0xff, 0x9b, 0, 1}, 48, AddressClass::kPrivate},  // local-use NAT64
    V6Range{{0x01, 0x00}, 64, AddressClass::kReserved},                // discard-only
    V6Range{{0x20, 0x01, 0x0d, 0xb8}, 32, AddressClass::kDocumentation},
    V6Range{{0x20, 0x01, 0, 0x02, 0, 0}, 48, AddressClass::kBenchmark},
    V6Range{{0x20, 0x01, 0, 0}, 32, AddressClass::kReserved},  // Teredo
    V6Range{{0x3f, 0xff}, 20, AddressClass::kDocumentation},
    V6Range{{0xfc}, 7, AddressClass::kPrivate},  // unique local
    V6Range{{0xfe, 0x80}, 10, AddressClass::kLinkLocal},
    V6Range{{0xfe, 0xc0}, 10, AddressClass::kPrivate},  // deprecated site-local
    V6Range{{0xff}, 8, AddressClass::kMulticast},
};

std::string v4_text(uint32_t address) {
  in_addr a{};
  a.s_addr = htonl(address);
  char buf[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &a, buf, sizeof buf);
  return buf;
}

uint32_t v4_at(const V6Bytes &a, int offset) {
  return v4(a[offset], a[offset + 1], a[offset + 2], a[offset + 3]);
}

AddressVerdict verdict_v4(uint32_t address) {
  AddressVerdict v;
  v.address_class = classify_v4(address);
  v.address = v4_text(address);
  return v;
}

AddressVerdict verdict_v6(const V6Bytes &a) {
  AddressVerdict v;
  char buf[INET6_ADDRSTRLEN] = {};
  inet_ntop(AF_INET6, a.data(), buf, sizeof buf);
  v.address = buf;

  static const V6Bytes kMapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static const V6Bytes kNat64{0, 0x64, 0xff, 0x9b};
  static const V6Bytes k6to4{0x20, 0x02};
  struct Embedding {
    const V6Bytes &network;
    int prefix;
    int offset;
    const char *name;
  };
  for (const Embedding &e : {Embedding{kMapped, 96, 12, "IPv4-mapped IPv6"},
                             Embedding{kNat64, 96, 12, "NAT64"}, Embedding{k6to4, 16, 2, "6to4"}}) {
    if (!in_prefix(a, e.network, e.prefix)) continue;
    const uint32_t inner = v4_at(a, e.offset);
    v.address_class = classify_v4(inner);
    v.embedding = e.name;
    v.embedded_ipv4 = v4_text(inner);
    return v;
  }
  for (const V6Range &r : kV6Ranges) {
    if (in_prefix(a, r.network, r.prefix)) {
      v.address_class = r.address_class;
      return v;
    }
  }
  // Only 2000::/3 is allocated for global unicast; IPv4-compatible ::/96 and the rest are not.
  v.address_class = (a[0] & 0xe0) == 0x20 ? AddressClass::kPublic : AddressClass::kReserved;
  return v;
}

}  // namespace

const char *address_class_name(AddressClass c) {
  switch (c) {
    case AddressClass::kPublic:
      return "public";
    case AddressClass::kLoopback:
      return "loopback";
    case AddressClass::kPrivate:
      return "private";
    case AddressClass::kLinkLocal:
      return "link-local";
    case AddressClass::kCgnat:
      return "carrier-grade NAT";
    case AddressClass::kMulticast:
      return "multicast";
    case AddressClass::kUnspecified:
      return "unspecified";
    case AddressClass::kBroadcast:
      return "broadcast";
    case AddressClass::kReserved:
      return "reserved";
    case AddressClass::kDocumentation:
      return "documentation";
    case AddressClass::kBenchmark:
      return "benchmarking";
    case AddressClass::kCloudMetadata:
      return "cloud metadata";
    case AddressClass::kNotIp:
      return "non-IP";
  }
  return "unknown";
}

std::string AddressVerdict::describe() const {
  auto with_article = [](std::string noun) {
    const bool vowel = std::strchr("aeiouAEIOU", noun.front()) != nullptr;
    return (vowel ? "an " : "a ") + noun;
  };
  const std::string what =
      with_article(std::string(address_class_name(address_class)) + " address");
  if (address_class == AddressClass::kNotIp) return "'" + address + "' is not an IP address";
  if (embedding.empty()) return address + " is " + what;
  return address + " is " + with_article(embedding + " address") + " of " + embedded_ipv4 + ", " +
         what;
}

AddressVerdict classify_address(const sockaddr *address) {
  if (address && address->sa_family == AF_INET) {
    const auto *in = reinterpret_cast<const sockaddr_in *>(address);
    return verdict_v4(ntohl(in->sin_addr.s_addr));
  }
  if (address && address->sa_family == AF_INET6) {
    const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(address);
    V6Bytes bytes;
    std::memcpy(bytes.data(), &in6->sin6_addr, bytes.size());
    return verdict_v6(bytes);
  }
  return AddressVerdict{};
}

AddressVerdict classify_address(std::string_view ip) {
  const std::string text(ip);
  in_addr a4{};
  if (inet_pton(AF_INET, text.c_str(), &a4) == 1) return verdict_v4(ntohl(a4.s_addr));
  V6Bytes a6{};
  if (inet_pton(AF_INET6, text.c_str(), a6.data()) == 1) return verdict_v6(a6);
  AddressVerdict v;
  v.address = text;
  return v;
}

bool is_public_address(const sockaddr *address) {
  return classify_address(address).is_public();
}

bool is_public_address(std::string_view ip) {
  return classify_address(ip).is_public();
}

}  // namespace lmp
