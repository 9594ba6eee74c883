// /v1/accounts: the caller's accounts with token health, and an account's boards.
#include "core/publish/account_call.hpp"
#include "core/publish/quota.hpp"
#include "core/server/api.hpp"
#include "core/server/api_error.hpp"
#include "core/services/clock.hpp"

namespace lmp::server {

namespace json = boost::json;
using httpd::Response;

namespace {

// The account and its adapter; 404 for an account the key may not use, so ids do not leak.
std::pair<const AccountConfig *, LoadedAdapter *> key_account(ApiState &s, const ApiCall &call,
                                                              const std::string &id) {
  const AccountConfig *account = s.deps.config->find_account(id);
  if (!account || !key_allows(*call.key, id)) throw not_found("account '" + id + "'");
  LoadedAdapter *adapter = s.deps.registry->for_platform(account->platform);
  if (!adapter) {
    throw ApiError{
        503, make_error("plugin.no_adapter", "No loaded adapter serves platform '" +
                                                 account->platform + "' (see GET /v1/plugins).")};
  }
  return {account, adapter};
}

CallOutcome call(ApiState &s, Operation op, const AccountConfig &account, LoadedAdapter &adapter,
                 const json::object &extra = {}) {
  return call_account(op, account, adapter, s.deps.credentials, *s.deps.services,
                      s.deps.config->allow_private_addresses, extra);
}

Response accounts(ApiState &s, ApiCall &c) {
  json::array list;
  for (const std::string &id : c.key->accounts) {
    const AccountConfig *account = s.deps.config->find_account(id);
    if (!account) continue;
    list.push_back(json::object{
        {"id", account->id},
        {"platform", account->platform},
        {"environment", account->environment},
        {"quota", quota_json(s.deps.store->quota(), *account, host_clock().now_unix_ms())},
        {"health", account_health(*account, s.deps.registry->for_platform(account->platform),
                                  s.deps.credentials, *s.deps.services,
                                  s.deps.config->allow_private_addresses)}});
  }
  return Response::json(200, json::object{{"accounts", std::move(list)}});
}

Response boards(ApiState &s, ApiCall &c) {
  auto [account, adapter] = key_account(s, c, c.params.at("id"));
  const auto query = c.request.query_params();
  auto flag = query.find("refresh");
  const bool refresh = flag != query.end() && flag->second == "true";
  if (flag != query.end() && !refresh && flag->second != "false") {
    throw bad_request("refresh", "refresh must be true or false.");
  }
  CallOutcome out =
      call(s, Operation::kListDestinations, *account, *adapter, json::object{{"refresh", refresh}});
  if (!out.ok()) {
    throw ApiError{out.error->retryable ? 503 : 502, *out.error};
  }
  json::object doc{{"accountId", account->id}, {"platform", account->platform}};
  if (const json::object *r = out.result.if_object()) {
    for (const auto &[k, v] : *r) doc[k] = v;
  }
  return Response::json(200, doc);
}

}  // namespace

void add_account_routes(std::vector<ApiRoute> &routes, ApiState &s) {
  routes.push_back({"GET", "/v1/accounts", true, [&s](ApiCall &c) { return accounts(s, c); }});
  routes.push_back(
      {"GET", "/v1/accounts/{id}/boards", true, [&s](ApiCall &c) { return boards(s, c); }});
}

}  // namespace lmp::server
