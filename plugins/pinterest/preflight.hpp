// The preflight operation: every check of a pin request, all problems at once, nothing
// published.
#pragma once

#include <boost/json.hpp>

#include "letmepost/adapter.hpp"
#include "plugins/pinterest/request.hpp"
#include "plugins/pinterest/services.hpp"

namespace pinterest {

// {"errors": [...], "resolved": {"boardId"}, "rateLimit": RATE} (abi-json.md). Problems with
// the post, the account's token, the board and section, the images and the links are listed;
// a failure that stops the checks themselves (Pinterest unreachable, rate limited) is thrown.
boost::json::object run_preflight(letmepost::Call &call, Services &services,
                                  const TargetRequest &request);

}  // namespace pinterest
