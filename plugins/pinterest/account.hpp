// Account-level operations: check_account (is the token usable, which scopes),
// refresh_credentials, and list_destinations (boards with their sections).
#pragma once

#include <boost/json.hpp>

#include "letmepost/adapter.hpp"
#include "plugins/pinterest/request.hpp"
#include "plugins/pinterest/services.hpp"

namespace pinterest {

// check_account: GET /user_account with the account's token (refreshed when due).
// {"ok": true, "username", "accountType", "scopes": [...], "missingScopes": [...],
//  "expiresAt", "rateLimit"}; a token problem gives {"ok": false, "error": ERROR, ...} instead of
// failing the operation. Network and server failures are thrown.
boost::json::object check_account(letmepost::Call &call, Services &services,
                                  const TargetRequest &request);

// refresh_credentials: refreshes now and reports the credentials through
// call_update_credentials. {"refreshed": true, "expiresAt", "refreshTokenExpiresAt"}.
boost::json::object refresh_account(letmepost::Call &call, Services &services,
                                    const TargetRequest &request);

// list_destinations: {"destinations": [{"id", "name", "privacy", "sections": [{"id", "name"}]}],
// "rateLimit"}; request member "refresh": true bypasses the cache.
boost::json::object list_boards(letmepost::Call &call, Services &services,
                                const TargetRequest &request);

}  // namespace pinterest
