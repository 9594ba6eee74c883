#include "core/net/resolver.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace lmp {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

struct AddrinfoDeleter {
  void operator()(addrinfo *p) const { freeaddrinfo(p); }
};

}  // namespace

std::string ResolvedAddress::ip() const {
  char buf[INET6_ADDRSTRLEN] = {};
  if (family() == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(&storage)->sin_addr, buf, sizeof buf);
  } else if (family() == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_addr, buf,
              sizeof buf);
  }
  return buf;
}

uint16_t ResolvedAddress::port() const {
  if (family() == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
  if (family() == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
  }
  return 0;
}

bool ResolvedAddress::same_endpoint(const sockaddr *other) const {
  if (!other || other->sa_family != family()) return false;
  if (family() == AF_INET) {
    const auto *a = reinterpret_cast<const sockaddr_in *>(&storage);
    const auto *b = reinterpret_cast<const sockaddr_in *>(other);
    return a->sin_port == b->sin_port && a->sin_addr.s_addr == b->sin_addr.s_addr;
  }
  if (family() == AF_INET6) {
    const auto *a = reinterpret_cast<const sockaddr_in6 *>(&storage);
    const auto *b = reinterpret_cast<const sockaddr_in6 *>(other);
    return a->sin6_port == b->sin6_port &&
           std::memcmp(&a->sin6_addr, &b->sin6_addr, sizeof a->sin6_addr) == 0;
  }
  return false;
}

std::optional<ResolvedAddress> ResolvedAddress::from_ip(std::string_view ip, uint16_t port) {
  const std::string text(ip);
  ResolvedAddress r;
  auto *in = reinterpret_cast<sockaddr_in *>(&r.storage);
  if (inet_pton(AF_INET, text.c_str(), &in->sin_addr) == 1) {
    in->sin_family = AF_INET;
    in->sin_port = htons(port);
    r.length = sizeof(sockaddr_in);
    return r;
  }
  auto *in6 = reinterpret_cast<sockaddr_in6 *>(&r.storage);
  if (inet_pton(AF_INET6, text.c_str(), &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(port);
    r.length = sizeof(sockaddr_in6);
    return r;
  }
  return std::nullopt;
}

std::vector<ResolvedAddress> SystemResolver::resolve(const std::string &host, uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_ADDRCONFIG;
  addrinfo *raw = nullptr;
  const std::string service = std::to_string(port);
  if (int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &raw); rc != 0) {
    throw ResolveError("could not resolve host '" + host + "': " + gai_strerror(rc));
  }
  std::unique_ptr<addrinfo, AddrinfoDeleter> list(raw);
  std::vector<ResolvedAddress> out;
  for (const addrinfo *ai = raw; ai; ai = ai->ai_next) {
    if ((ai->ai_family != AF_INET && ai->ai_family != AF_INET6) ||
        ai->ai_addrlen > sizeof(sockaddr_storage)) {
      continue;
    }
    ResolvedAddress r;
    std::memcpy(&r.storage, ai->ai_addr, ai->ai_addrlen);
    r.length = static_cast<socklen_t>(ai->ai_addrlen);
    const bool seen = std::any_of(out.begin(), out.end(), [&](const ResolvedAddress &o) {
      return o.same_endpoint(r.address());
    });
    if (!seen) out.push_back(r);
  }
  if (out.empty()) throw ResolveError("host '" + host + "' has no IPv4 or IPv6 address");
  return out;
}

void StaticResolver::add(const std::string &host, std::vector<std::string> ips) {
  for (const std::string &ip : ips) {
    if (!ResolvedAddress::from_ip(ip, 0)) {
      throw std::invalid_argument("'" + ip + "' is not a numeric IP address");
    }
  }
  std::lock_guard lock(mutex_);
  table_[lower(host)] = std::move(ips);
}

std::vector<ResolvedAddress> StaticResolver::resolve(const std::string &host, uint16_t port) {
  std::vector<std::string> ips;
  {
    std::lock_guard lock(mutex_);
    auto it = table_.find(lower(host));
    if (it != table_.end()) ips = it->second;
  }
  if (ips.empty()) throw ResolveError("could not resolve host '" + host + "': unknown name");
  std::vector<ResolvedAddress> out;
  for (const std::string &ip : ips) out.push_back(*ResolvedAddress::from_ip(ip, port));
  return out;
}

}  // namespace lmp
