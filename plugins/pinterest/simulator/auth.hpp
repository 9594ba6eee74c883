// The bearer-token check of the API routes.
#pragma once

#include <string>
#include <vector>

#include "plugins/pinterest/simulator/sim.hpp"

namespace lmp::sim {

// The user whose unexpired access token is in "Authorization: Bearer TOKEN", checked to hold
// every scope in `scopes`. Throws ApiError 401 code 2 for a missing, unknown or expired token,
// 401 code 3 for missing scopes.
const User &authenticate(Sim &sim, const httpd::Request &request,
                         const std::vector<std::string> &scopes);

// True when the comma- or space-separated `granted` list holds `scope`.
bool has_scope(const std::string &granted, const std::string &scope);

}  // namespace lmp::sim
