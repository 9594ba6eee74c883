#include "plugins/pinterest/simulator/auth.hpp"

#include "plugins/pinterest/simulator/errors.hpp"

namespace lmp::sim {

bool has_scope(const std::string &granted, const std::string &scope) {
  std::size_t start = 0;
  while (start <= granted.size()) {
    const auto end = granted.find_first_of(", ", start);
    if (granted.substr(start, end - start) == scope) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

const User &authenticate(Sim &sim, const httpd::Request &request,
                         const std::vector<std::string> &scopes) {
  const std::string header = request.header("Authorization");
  const std::string prefix = "bearer ";
  if (header.size() <= prefix.size() || !httpd::iequals(header.substr(0, prefix.size()), prefix)) {
    throw ApiError(401, 2, msg::kAuthFailed);
  }
  const std::string token = header.substr(prefix.size());
  std::lock_guard lock(sim.state.mutex);
  const auto it = sim.state.access_tokens.find(token);
  if (it == sim.state.access_tokens.end() || it->second.expires_at <= sim.clock.now()) {
    throw ApiError(401, 2, msg::kAuthFailed);
  }
  std::string missing;
  for (const auto &scope : scopes) {
    if (!has_scope(it->second.scope, scope)) missing += (missing.empty() ? "" : ", ") + scope;
  }
  if (!missing.empty()) {
    throw ApiError(401, 3, "Authentication failed: the token lacks the scopes " + missing + ".");
  }
  const User *user = sim.state.user(it->second.user_id);
  if (!user) throw ApiError(401, 2, msg::kAuthFailed);
  return *user;
}

}  // namespace lmp::sim
