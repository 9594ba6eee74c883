#include "core/publish/lease.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

namespace lmp {

namespace {

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}

}  // namespace

std::string process_lease_owner() {
  return host_name() + ":" + std::to_string(::getpid());
}

bool lease_owner_is_gone(const std::string &owner) {
  const auto colon = owner.rfind(':');
  if (colon == std::string::npos || owner.substr(0, colon) != host_name()) return false;
  pid_t pid = 0;
  const char *first = owner.data() + colon + 1, *last = owner.data() + owner.size();
  auto [end, ec] = std::from_chars(first, last, pid);
  if (ec != std::errc() || end != last || pid <= 0) return false;
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace lmp
