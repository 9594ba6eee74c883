// OAuth connect: the authorize URL (connect_begin) and the code exchange (connect_finish).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "letmepost/adapter.hpp"
#include "plugins/pinterest/request.hpp"
#include "plugins/pinterest/services.hpp"

namespace pinterest {

inline constexpr const char *kAuthorizeUrl = "https://www.pinterest.com/oauth/";

// Where the browser goes to consent: https://www.pinterest.com/oauth/, or, when the account has
// an apiBaseUrl, that URL's scheme://host[:port] + "/oauth/" (the simulator's consent page).
std::string authorize_endpoint(const Account &account);

// connect_begin: request {state, redirectUri, account, credentials: {clientId}} →
// {"authorizeUrl"} with client_id, redirect_uri, response_type=code, the scopes
// (comma-separated) and state.
boost::json::object connect_begin(const TargetRequest &request);

// connect_finish: request {code, redirectUri, account, credentials: {clientId, clientSecret}} →
// {"credentials": {...}, "username", "accountType"}: the code exchanged at {apiBase}/oauth/token,
// then GET /user_account with the new token.
boost::json::object connect_finish(letmepost::Call &call, Services &services,
                                   const TargetRequest &request);

}  // namespace pinterest
