#include "core/publish/account_call.hpp"

#include "core/model/ids.hpp"
#include "core/util/redact.hpp"

namespace lmp {

namespace json = boost::json;

void register_credential_secrets(const json::object &credentials) {
  for (const auto &[k, v] : credentials) {
    const bool readable =
        k == "clientId" || k == "expiresAt" || k == "refreshTokenExpiresAt" || k == "scope";
    if (v.is_string() && !readable) register_secret(v.get_string());
  }
}

CallOutcome invoke_paced(Operation op, LoadedAdapter &adapter, lmp_call &call,
                         const std::string &platform, const std::string &request) {
  Pacer *pacer = call.services->pacer;
  if (!pacer) return adapter.invoke(op, call, request);
  const std::string key = Pacer::key(platform, call.account_id, operation_name(op));
  if (auto refused =
          pacer->begin(key, "account " + call.account_id + " (" + platform + ")", call.cancelled)) {
    CallOutcome out;
    out.status = refused->code == "host.cancelled" ? LMP_CANCELLED : LMP_ERROR;
    out.error = std::move(refused);
    return out;
  }
  CallOutcome out = adapter.invoke(op, call, request);
  pacer->finish(key, observation_of(out.result, out.error));
  return out;
}

CallOutcome call_account(Operation op, const AccountConfig &account, LoadedAdapter &adapter,
                         const CredentialAccess &creds, const HostServices &services,
                         bool allow_private_addresses, const json::object &extra) {
  json::object credentials = creds.load ? creds.load(account) : json::object();
  json::object acc{{"id", account.id},
                   {"environment", account.environment},
                   {"allowPrivateAddresses", allow_private_addresses}};
  if (account.api_base_url) acc["apiBaseUrl"] = *account.api_base_url;
  json::object request{
      {"requestId", new_id("req")},
      {"target", json::object{{"platform", account.platform}, {"accountId", account.id}}},
      {"account", std::move(acc)},
      {"credentials", credentials}};
  for (const auto &[k, v] : extra) request[k] = v;

  lmp_call call(services);
  call.account_id = account.id;
  call.request_id = std::string(request.at("requestId").as_string());
  call.allow_private_addresses = allow_private_addresses;
  call.on_credentials = [&](std::string_view text) {
    json::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_object()) return false;
    register_credential_secrets(v.get_object());
    return creds.save ? creds.save(account, v.get_object()) : false;
  };
  return invoke_paced(op, adapter, call, account.platform, json::serialize(request));
}

json::object account_health(const AccountConfig &account, LoadedAdapter *adapter,
                            const CredentialAccess &creds, const HostServices &services,
                            bool allow_private_addresses) {
  auto failed = [](const Error &e) { return json::object{{"ok", false}, {"error", e.to_json()}}; };
  if (!adapter) {
    return failed(make_error("plugin.no_adapter",
                             "No loaded adapter serves platform '" + account.platform + "'."));
  }
  if (!adapter->supports(Operation::kCheckAccount)) {
    return failed(make_error("host.unsupported_operation",
                             "The " + adapter->name() + " adapter cannot check accounts."));
  }
  CallOutcome out = call_account(Operation::kCheckAccount, account, *adapter, creds, services,
                                 allow_private_addresses);
  if (!out.ok()) return failed(*out.error);
  json::object doc{{"ok", true}};
  if (const json::object *r = out.result.if_object()) {
    for (const auto &[k, v] : *r) doc[k] = v;
  }
  return doc;
}

}  // namespace lmp
