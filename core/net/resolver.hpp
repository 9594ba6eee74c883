// Host name resolution behind an interface, so the SSRF guard checks exactly the addresses the
// HTTP client then connects to, and tests can answer names without any DNS traffic.
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lmp {

// One address a host name resolved to, with the port to connect to.
struct ResolvedAddress {
  sockaddr_storage storage{};
  socklen_t length = 0;

  // The socket address (AF_INET or AF_INET6).
  const sockaddr *address() const { return reinterpret_cast<const sockaddr *>(&storage); }
  // AF_INET or AF_INET6.
  int family() const { return storage.ss_family; }
  // The numeric address without brackets or port, e.g. "10.0.0.5" or "::1".
  std::string ip() const;
  // The port, in host byte order.
  uint16_t port() const;
  // Whether both hold the same IP address and port (IPv6 scope ids are ignored).
  bool same_endpoint(const sockaddr *other) const;

  // Reads a numeric IPv4 or IPv6 address (no brackets); nullopt if `ip` is not one.
  static std::optional<ResolvedAddress> from_ip(std::string_view ip, uint16_t port);
};

// A name that could not be resolved; what() names the host and the reason.
class ResolveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Turns host names into addresses. Implementations are safe to call from several threads.
class Resolver {
 public:
  virtual ~Resolver() = default;
  // Every address `host` resolves to, each with `port`, in the order to try them; never empty.
  // Throws ResolveError when the name does not resolve.
  virtual std::vector<ResolvedAddress> resolve(const std::string &host, uint16_t port) = 0;
};

// The system's resolver (getaddrinfo: /etc/hosts, then DNS).
class SystemResolver : public Resolver {
 public:
  std::vector<ResolvedAddress> resolve(const std::string &host, uint16_t port) override;
};

// A fixed table of names, for tests and for pinning names in configuration: answers only the
// names it was given, and never sends a packet.
class StaticResolver : public Resolver {
 public:
  // Makes `host` (compared case-insensitively) resolve to `ips`, numeric IPv4 or IPv6 addresses,
  // replacing earlier entries. Throws std::invalid_argument if one of `ips` is not numeric.
  void add(const std::string &host, std::vector<std::string> ips);
  // Throws ResolveError for names that were never added.
  std::vector<ResolvedAddress> resolve(const std::string &host, uint16_t port) override;

 private:
  std::mutex mutex_;
  std::map<std::string, std::vector<std::string>> table_;
};

}  // namespace lmp
