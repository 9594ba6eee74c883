// OAuth 2.0 as Pinterest runs it: the consent page at /oauth/ (approves at once and redirects
// with code and state, so no browser is needed) and POST /v5/oauth/token with HTTP Basic client
// authentication for the authorization_code and refresh_token grants. Refresh tokens rotate.
#include "plugins/pinterest/simulator/auth.hpp"
#include "plugins/pinterest/simulator/crypto.hpp"
#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/routes.hpp"

namespace lmp::sim {

namespace {

constexpr int kInvalidGrant = 283;
constexpr const char *kInvalidGrantMessage = "The authorization grant is invalid";
const char *const kKnownScopes[] = {
    "boards:read",        "boards:read_secret", "boards:write", "boards:write_secret",
    "pins:read",          "pins:read_secret",   "pins:write",   "pins:write_secret",
    "user_accounts:read", "user_accounts:write"};

httpd::Response html(int status, const std::string &title, const std::string &text) {
  return httpd::Response::text(status,
                               "<!doctype html>\n<html><head><title>" + title +
                                   "</title></head><body><h1>" + title + "</h1><p>" + text +
                                   "</p></body></html>\n",
                               "text/html; charset=utf-8");
}

httpd::Response redirect(const std::string &uri, const std::string &query) {
  const std::string location = uri + (uri.find('?') == std::string::npos ? "?" : "&") + query;
  auto r = html(302, "Redirecting", "Continue to your app.");
  r.set_header("Location", location);
  return r;
}

bool known_scopes(const std::string &scopes) {
  if (scopes.empty()) return false;
  std::size_t start = 0;
  for (;;) {
    const auto end = scopes.find_first_of(", ", start);
    const std::string scope = scopes.substr(start, end - start);
    if (!scope.empty() && std::find(std::begin(kKnownScopes), std::end(kKnownScopes), scope) ==
                              std::end(kKnownScopes)) {
      return false;
    }
    if (end == std::string::npos) return true;
    start = end + 1;
  }
}

// GET /oauth/?client_id&redirect_uri&response_type=code&scope&state. Test-only extras:
// sim_user=USERNAME signs in another user; sim_deny=1 answers as if the user refused.
httpd::Response consent(Call &call) {
  auto params = call.request.query_params();
  State &state = call.sim.state;
  std::lock_guard lock(state.mutex);
  const App *app = state.app(params["client_id"]);
  if (!app) return html(400, "Invalid client", "Unknown client_id.");
  const std::string redirect_uri = params["redirect_uri"];
  const bool registered =
      app->redirect_uris.empty()
          ? (redirect_uri.rfind("http://", 0) == 0 || redirect_uri.rfind("https://", 0) == 0)
          : std::find(app->redirect_uris.begin(), app->redirect_uris.end(), redirect_uri) !=
                app->redirect_uris.end();
  if (!registered) {
    return html(400, "Invalid redirect_uri",
                "The redirect_uri does not match one registered for this app.");
  }
  const std::string state_param = "&state=" + httpd::url_encode(params["state"]);
  if (params["response_type"] != "code") {
    return redirect(redirect_uri, "error=unsupported_response_type" + state_param);
  }
  if (!known_scopes(params["scope"])) {
    return redirect(redirect_uri, "error=invalid_scope" + state_param);
  }
  if (params["sim_deny"] == "1") return redirect(redirect_uri, "error=access_denied" + state_param);
  const User *user = params.count("sim_user") ? state.user_by_name(params["sim_user"])
                                              : state.user(state.consent_user_id);
  if (!user) return html(400, "Unknown user", "No such simulated user.");
  const std::string code = random_token(32);
  state.codes[code] = AuthCode{user->id,
                               app->client_id,
                               redirect_uri,
                               params["scope"],
                               call.sim.clock.now() + call.sim.options.code_ttl,
                               false};
  return redirect(redirect_uri, "code=" + httpd::url_encode(code) + state_param);
}

// The app named by "Authorization: Basic base64(client_id:client_secret)", or ApiError 401.
const App &client(Call &call) {
  const std::string header = call.request.header("Authorization");
  const std::string prefix = "basic ";
  if (header.size() > prefix.size() && httpd::iequals(header.substr(0, prefix.size()), prefix)) {
    if (const auto decoded = base64_decode(header.substr(prefix.size()))) {
      const auto colon = decoded->find(':');
      const App *app =
          colon == std::string::npos ? nullptr : call.sim.state.app(decoded->substr(0, colon));
      if (app && constant_time_equal(decoded->substr(colon + 1), app->client_secret)) return *app;
    }
  }
  throw ApiError(401, 2, msg::kAuthFailed);
}

boost::json::object issue_tokens(Call &call, const std::string &user_id, const App &app,
                                 const std::string &scope, const char *response_type) {
  Sim &sim = call.sim;
  const auto now = sim.clock.now();
  const std::string access = "pina_" + random_token(48);
  const std::string refresh = "pinr_" + random_token(48);
  sim.state.access_tokens[access] =
      Token{user_id, app.client_id, scope, now + sim.options.token_ttl};
  sim.state.refresh_tokens[refresh] =
      Token{user_id, app.client_id, scope, now + sim.options.refresh_token_ttl};
  return {{"access_token", access},
          {"token_type", "bearer"},
          {"expires_in", sim.options.token_ttl.count()},
          {"scope", scope},
          {"response_type", response_type},
          {"refresh_token", refresh},
          {"refresh_token_expires_in", sim.options.refresh_token_ttl.count()},
          {"refresh_token_expires_at", unix_seconds(now + sim.options.refresh_token_ttl)}};
}

httpd::Response exchange_code(Call &call, const App &app,
                              std::map<std::string, std::string> &form) {
  if (form["code"].empty() || form["redirect_uri"].empty()) {
    throw ApiError(400, 1, "Invalid request: code and redirect_uri are required.");
  }
  const auto it = call.sim.state.codes.find(form["code"]);
  if (it == call.sim.state.codes.end() || it->second.used ||
      it->second.expires_at <= call.sim.clock.now() || it->second.client_id != app.client_id ||
      it->second.redirect_uri != form["redirect_uri"]) {
    throw ApiError(400, kInvalidGrant, kInvalidGrantMessage);
  }
  it->second.used = true;
  return httpd::Response::json(
      200, issue_tokens(call, it->second.user_id, app, it->second.scope, "authorization_code"));
}

httpd::Response refresh(Call &call, const App &app, std::map<std::string, std::string> &form) {
  if (form["refresh_token"].empty()) {
    throw ApiError(400, 1, "Invalid request: refresh_token is required.");
  }
  auto &tokens = call.sim.state.refresh_tokens;
  const auto it = tokens.find(form["refresh_token"]);
  if (it == tokens.end() || it->second.expires_at <= call.sim.clock.now() ||
      (!it->second.client_id.empty() && it->second.client_id != app.client_id)) {
    throw ApiError(400, kInvalidGrant, kInvalidGrantMessage);
  }
  const Token old = it->second;
  std::string scope = old.scope;
  if (!form["scope"].empty()) {
    std::size_t start = 0;
    const std::string &asked = form["scope"];
    for (;;) {
      const auto end = asked.find_first_of(", ", start);
      const std::string one = asked.substr(start, end - start);
      if (!one.empty() && !has_scope(old.scope, one)) {
        throw ApiError(400, 1, "Invalid scope: " + one + " was not granted.");
      }
      if (end == std::string::npos) break;
      start = end + 1;
    }
    scope = asked;
  }
  tokens.erase(it);  // rotation: the old refresh token stops working
  return httpd::Response::json(200, issue_tokens(call, old.user_id, app, scope, "refresh_token"));
}

httpd::Response token(Call &call) {
  std::lock_guard lock(call.sim.state.mutex);
  const App &app = client(call);
  if (call.request.header("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) {
    throw ApiError(400, 1, "Invalid request: the body must be application/x-www-form-urlencoded.");
  }
  std::map<std::string, std::string> form;
  for (auto &[k, v] : httpd::parse_form(call.request.body)) form[k] = v;
  const std::string grant = form["grant_type"];
  if (grant == "authorization_code") return exchange_code(call, app, form);
  if (grant == "refresh_token") return refresh(call, app, form);
  throw ApiError(400, 1,
                 "Invalid grant_type '" + grant +
                     "': the simulator supports authorization_code and refresh_token.");
}

}  // namespace

void add_oauth_routes(Router &router) {
  router.add({"GET", "/oauth/", Category::kNone, false, {}, consent});
  router.add({"GET", "/oauth", Category::kNone, false, {}, consent});
  router.add({"POST", "/v5/oauth/token", Category::kNone, false, {}, token});
}

}  // namespace lmp::sim
