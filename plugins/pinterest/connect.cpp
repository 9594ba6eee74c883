#include "plugins/pinterest/connect.hpp"

#include "plugins/pinterest/auth.hpp"
#include "plugins/pinterest/client.hpp"
#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/text.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

void require_client(const Credentials &c, bool secret_too) {
  if (c.client_id.empty()) {
    fail("pinterest.auth.missing_credentials",
         "Connecting needs the account's client_id (the app id from Pinterest's developer site).",
         "credentials.clientId");
  }
  if (secret_too && c.client_secret.empty()) {
    fail("pinterest.auth.missing_credentials", "Connecting needs the account's client_secret.",
         "credentials.clientSecret");
  }
}

std::string text_member(const json::object &o, std::string_view key) {
  const json::value *v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : "";
}

}  // namespace

std::string authorize_endpoint(const Account &account) {
  if (account.api_base_url.empty()) return kAuthorizeUrl;
  const std::string origin = url_origin(account.api_base_url);
  if (origin.empty()) {
    invalid_request("account.apiBaseUrl is not an http(s) URL.", "account.apiBaseUrl");
  }
  return origin + "/oauth/";
}

json::object connect_begin(const TargetRequest &r) {
  const std::string state = required_string(r.doc, "state", "state");
  const std::string redirect = required_string(r.doc, "redirectUri", "redirectUri");
  require_client(r.credentials, false);
  const std::string url = authorize_endpoint(r.account) + "?" +
                          query_string({{"client_id", r.credentials.client_id},
                                        {"redirect_uri", redirect},
                                        {"response_type", "code"},
                                        {"scope", kScopes},
                                        {"state", state}});
  return json::object{{"authorizeUrl", url}};
}

json::object connect_finish(letmepost::Call &call, Services &services, const TargetRequest &r) {
  const std::string code = required_string(r.doc, "code", "code");
  const std::string redirect = required_string(r.doc, "redirectUri", "redirectUri");
  require_client(r.credentials, true);
  Client client(call, services.settings, api_base_url(r.account));
  Reply reply = client.token({{"grant_type", "authorization_code"},
                              {"code", code},
                              {"redirect_uri", redirect},
                              {"continuous_refresh", "true"}},
                             r.credentials.client_id, r.credentials.client_secret);
  if (!reply.ok()) fail(client.error_for(reply, Subject::kCode));
  json::error_code ec;
  json::value body = json::parse(reply.body, ec);
  if (ec) fail("pinterest.unexpected_reply", "Pinterest's token reply is not JSON.");
  Credentials creds = credentials_from_token_reply(body, call.now_unix_ms(), r.credentials);
  Reply me = client.api("GET", "/user_account", {}, std::nullopt, creds.access_token);
  json::object result{{"credentials", credentials_json(creds)}};
  if (me.ok()) {
    json::value account = json::parse(me.body, ec);
    if (!ec && account.is_object()) {
      result["username"] = text_member(account.get_object(), "username");
      result["accountType"] = text_member(account.get_object(), "account_type");
    }
  } else {
    // The tokens are good and must not be lost: report the account lookup in the log only.
    call.log(LMP_LOG_WARN, "connected, but GET /user_account answered " +
                               std::to_string(me.status) + "; the username is unknown");
  }
  return result;
}

}  // namespace pinterest
