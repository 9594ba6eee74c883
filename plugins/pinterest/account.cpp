#include "plugins/pinterest/account.hpp"

#include <algorithm>

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/session.hpp"
#include "plugins/pinterest/time_text.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

std::vector<std::string> split_scopes(const std::string &scope) {
  std::vector<std::string> out;
  std::string item;
  for (char c : scope + ",") {
    if (c == ',' || c == ' ') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

json::value time_or_null(const std::optional<int64_t> &ms) {
  return ms ? json::value(format_rfc3339(*ms)) : json::value(nullptr);
}

void add_rate_limit(Session &session, json::object &result) {
  if (const auto &rl = session.client().rate_limit()) result["rateLimit"] = rate_limit_json(*rl);
}

}  // namespace

json::object check_account(letmepost::Call &call, Services &services, const TargetRequest &r) {
  Session session(call, services.settings, services.tokens, r);
  json::object result{{"ok", false}};
  const Credentials creds = services.tokens.current(r.account, r.credentials);
  if (!creds.scope.empty()) {
    json::array have, missing;
    const std::vector<std::string> granted = split_scopes(creds.scope);
    for (const std::string &s : granted) have.push_back(json::value(s));
    for (const std::string &need : split_scopes(kScopes)) {
      if (std::find(granted.begin(), granted.end(), need) == granted.end()) {
        missing.push_back(json::value(need));
      }
    }
    result["scopes"] = std::move(have);
    result["missingScopes"] = missing;
    if (!missing.empty()) {
      result["error"] =
          make_error("pinterest.auth.missing_scope",
                     "The token lacks scopes letmepost needs: " + json::serialize(missing) +
                         ". Reconnect the account.");
    }
  }
  Reply reply;
  try {
    reply = session.api("GET", "/user_account");
  } catch (const letmepost::Error &e) {
    json::object err = error_object(e);
    if (code_of(err).rfind("pinterest.auth.", 0) != 0) throw;
    result["error"] = std::move(err);
    return result;
  }
  if (!reply.ok()) {
    json::object err = session.client().error_for(reply, Subject::kGeneral);
    const std::string_view code = code_of(err);
    if (code.rfind("pinterest.auth.", 0) != 0 && code.rfind("pinterest.access.", 0) != 0) {
      fail(err);
    }
    result["error"] = std::move(err);
    return result;
  }
  json::value me = session.parse_body(reply);
  if (const json::object *o = me.if_object()) {
    for (const auto &[from, to] :
         {std::pair{"username", "username"}, std::pair{"account_type", "accountType"}}) {
      if (const json::value *v = o->if_contains(from); v && v->is_string()) result[to] = *v;
    }
  }
  const Credentials now = services.tokens.current(r.account, r.credentials);
  result["expiresAt"] = time_or_null(now.expires_at_ms);
  result["refreshTokenExpiresAt"] = time_or_null(now.refresh_expires_at_ms);
  result["ok"] = !result.contains("error");
  add_rate_limit(session, result);
  return result;
}

json::object refresh_account(letmepost::Call &call, Services &services, const TargetRequest &r) {
  Client client(call, services.settings, api_base_url(r.account));
  Credentials fresh = services.tokens.refresh_now(client, r.account, r.credentials);
  return json::object{{"refreshed", true},
                      {"expiresAt", time_or_null(fresh.expires_at_ms)},
                      {"refreshTokenExpiresAt", time_or_null(fresh.refresh_expires_at_ms)}};
}

json::object list_boards(letmepost::Call &call, Services &services, const TargetRequest &r) {
  const json::value *flag = r.doc.if_contains("refresh");
  if (flag && !flag->is_bool() && !flag->is_null()) {
    invalid_request("refresh must be true or false.", "refresh");
  }
  const bool refresh = flag && flag->is_bool() && flag->get_bool();
  Session session(call, services.settings, services.tokens, r);
  json::array destinations;
  for (const Board &b : services.boards.boards(session, refresh)) {
    json::array sections;
    for (const Section &s : services.boards.sections(session, b.id, refresh)) {
      sections.push_back(json::object{{"id", s.id}, {"name", s.name}});
    }
    destinations.push_back(json::object{
        {"id", b.id}, {"name", b.name}, {"privacy", b.privacy}, {"sections", std::move(sections)}});
  }
  json::object result{{"destinations", std::move(destinations)}};
  add_rate_limit(session, result);
  return result;
}

}  // namespace pinterest
