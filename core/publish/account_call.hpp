// Operations on an account rather than a post (boards, delete, connect): the request of
// abi-json.md for the account, run on a fresh call with its credentials kept current.
#pragma once

#include <boost/json.hpp>

#include "core/config/config.hpp"
#include "core/plugins/adapter.hpp"
#include "core/publish/planner.hpp"

namespace lmp {

// Registers for redaction every secret value of a credentials object (abi-json.md): all strings
// but clientId, the expiry times and the scope, which a person may need to read.
void register_credential_secrets(const boost::json::object &credentials);

// Runs op on adapter with call, for account of platform, paced by services.pacer when there is
// one: the operation waits for (or fails fast on) the budget the account last reported, and what
// it reports is recorded for the next one.
CallOutcome invoke_paced(Operation op, LoadedAdapter &adapter, lmp_call &call,
                         const std::string &platform, const std::string &request);

// Runs op for account on adapter. The request holds requestId, target, account and credentials
// (from creds), plus every key of extra. Credentials the adapter reports are saved with creds.
CallOutcome call_account(Operation op, const AccountConfig &account, LoadedAdapter &adapter,
                         const CredentialAccess &creds, const HostServices &services,
                         bool allow_private_addresses, const boost::json::object &extra = {});

// The account's token health: {"ok": true, ...what check_account found} or {"ok": false,
// "error": {...}}, also when adapter is null (no adapter serves the platform) or cannot check.
boost::json::object account_health(const AccountConfig &account, LoadedAdapter *adapter,
                                   const CredentialAccess &creds, const HostServices &services,
                                   bool allow_private_addresses);

}  // namespace lmp
