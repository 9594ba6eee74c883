#include "plugins/pinterest/session.hpp"

#include "plugins/pinterest/errors.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

// True for a 401 that a fresh access token may cure: code 2 (authentication failed) or none.
bool token_rejected(const Reply &r) {
  if (r.status != 401) return false;
  json::error_code ec;
  json::value v = json::parse(r.body, ec);
  if (ec || !v.is_object()) return true;
  const json::value *code = v.get_object().if_contains("code");
  return !code || !code->is_number() || code->to_number<int64_t>() == 2;
}

}  // namespace

Session::Session(letmepost::Call &call, const Settings &settings, TokenKeeper &tokens,
                 const TargetRequest &request)
    : client_(call, settings, api_base_url(request.account)), tokens_(tokens), request_(request) {}

void Session::authorize() {
  if (creds_) return;
  creds_ = tokens_.ensure_fresh(client_, request_.account, request_.credentials,
                                client_.settings().token_refresh_margin_s * 1000);
}

Reply Session::api(const std::string &method, const std::string &path, const json::object &query,
                   const std::optional<json::value> &body) {
  authorize();
  Reply r = client_.api(method, path, query, body, creds_->access_token);
  if (!token_rejected(r)) return r;
  creds_ = tokens_.after_rejection(client_, request_.account, *creds_);
  return client_.api(method, path, query, body, creds_->access_token);
}

void Session::fail_with(const Reply &reply, Subject subject) const {
  fail(client_.error_for(reply, subject));
}

json::value Session::parse_body(const Reply &reply) const {
  json::error_code ec;
  json::value v = json::parse(reply.body, ec);
  if (ec) {
    json::object e = make_error("pinterest.unexpected_reply", "Pinterest answered HTTP " +
                                                                  std::to_string(reply.status) +
                                                                  " with a body that is not JSON.");
    e["platform"] = client_.error_for(reply, Subject::kGeneral).at("platform");
    fail(e);
  }
  return v;
}

}  // namespace pinterest
