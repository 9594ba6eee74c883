#include "plugins/pinterest/client.hpp"

namespace pinterest {

namespace json = boost::json;

std::string api_base_url(const Account &account) {
  if (!account.api_base_url.empty()) return account.api_base_url;
  return account.environment == "sandbox" ? kSandboxApiBase : kProductionApiBase;
}

Reply send_http(letmepost::Call &call, const json::object &request) {
  letmepost::HttpResponse resp;
  const int rc = call.http(json::serialize(request), resp);
  if (rc == LMP_CANCELLED || call.cancelled()) throw Cancelled{};
  Reply r;
  if (rc != LMP_OK) {
    json::error_code ec;
    json::value e = json::parse(resp.transport_error(), ec);
    if (!ec && e.is_object()) {
      if (auto *k = e.as_object().if_contains("kind"); k && k->is_string()) {
        r.transport_kind = std::string(k->get_string());
      }
      if (auto *m = e.as_object().if_contains("message"); m && m->is_string()) {
        r.transport_message = std::string(m->get_string());
      }
    }
    if (r.transport_kind.empty()) r.transport_kind = "other";
    return r;
  }
  r.status = resp.status();
  for (const char *name : kReadHeaders) {
    if (auto v = resp.header(name)) r.headers[name] = std::string(*v);
  }
  r.body = std::string(resp.body());
  return r;
}

Client::Client(letmepost::Call &call, const Settings &settings, std::string base_url)
    : call_(call), settings_(settings), base_url_(std::move(base_url)) {}

Reply Client::exchange(const json::object &request, const std::string &what) {
  Reply r = send_http(call_, request);
  if (r.status != 0) {
    if (auto rl = parse_rate_limit(r, call_.now_unix_ms())) rate_limit_ = rl;
    auto rid = r.header("x-pinterest-rid");
    call_.log(r.ok() ? LMP_LOG_DEBUG : LMP_LOG_INFO,
              what + " -> " + std::to_string(r.status) +
                  (rid ? " (x-pinterest-rid " + std::string(*rid) + ")" : std::string()));
  } else {
    call_.log(LMP_LOG_INFO, what + " -> no reply (" + r.transport_kind + ")");
  }
  return r;
}

Reply Client::api(const std::string &method, const std::string &path, const json::object &query,
                  const std::optional<json::value> &body, const std::string &access_token) {
  json::object request{
      {"method", method},
      {"url", base_url_ + path},
      {"headers",
       json::object{{"Authorization", "Bearer " + access_token}, {"Accept", "application/json"}}},
      {"timeoutMs", settings_.http_timeout_ms},
      {"followRedirects", false},
  };
  if (!query.empty()) request["query"] = query;
  if (body) request["body"] = json::object{{"json", *body}};
  return exchange(request, method + " " + path);
}

Reply Client::token(const std::vector<std::pair<std::string, std::string>> &form,
                    const std::string &client_id, const std::string &client_secret) {
  json::object fields;
  for (const auto &[k, v] : form) fields[k] = v;
  json::object request{
      {"method", "POST"},
      {"url", base_url_ + "/oauth/token"},
      {"headers", json::object{{"Accept", "application/json"}}},
      {"basicAuth", json::object{{"user", client_id}, {"password", client_secret}}},
      {"body", json::object{{"form", std::move(fields)}}},
      {"timeoutMs", settings_.http_timeout_ms},
      {"followRedirects", false},
  };
  return exchange(request, "POST /oauth/token");
}

json::object Client::error_for(const Reply &reply, Subject subject) const {
  return map_reply(reply, subject, call_.now_unix_ms(), settings_.rate_limit_backoff_ms);
}

}  // namespace pinterest
