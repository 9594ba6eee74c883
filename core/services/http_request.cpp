#include "core/services/http_request.hpp"

#include <algorithm>
#include <cctype>

#include "core/services/http_body.hpp"
#include "core/services/http_request_fields.hpp"

namespace lmp {
namespace {

using http_fields::bad_request;
using RequestResult = std::variant<HttpRequest, HttpTransportError>;

bool has_line_break(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

std::optional<HttpTransportError> read_url(const boost::json::object &o, HttpRequest &out) {
  const auto *url = o.if_contains("url");
  if (!url || !url->is_string()) return bad_request("'url' is required and must be a string");
  std::string why;
  auto parsed = parse_url(std::string_view(url->get_string()), &why);
  if (!parsed) return bad_request("'url': " + why);
  if (parsed->scheme != "http" && parsed->scheme != "https") {
    return bad_request("'url' must be an http or https URL, not " + parsed->scheme);
  }
  out.url = std::move(*parsed);
  if (const auto *query = o.if_contains("query")) {
    if (!query->is_object()) return bad_request("'query' must be an object");
    for (const auto &kv : query->get_object()) {
      auto text = http_fields::scalar_text(kv.value());
      if (!text) {
        return bad_request("'query." + std::string(kv.key()) +
                           "' must be a string, number or boolean");
      }
      out.url = with_query_param(out.url, kv.key(), *text);
    }
  }
  return std::nullopt;
}

std::optional<HttpTransportError> read_headers(const boost::json::object &o, HttpRequest &out) {
  const auto *headers = o.if_contains("headers");
  if (!headers) return std::nullopt;
  if (!headers->is_object()) return bad_request("'headers' must be an object");
  for (const auto &kv : headers->get_object()) {
    const std::string name(kv.key());
    if (!http_fields::is_token(name)) return bad_request("header name '" + name + "' is invalid");
    auto value = http_fields::scalar_text(kv.value());
    // The value is never echoed: it may be a token.
    if (!value) return bad_request("header '" + name + "' must be a string");
    if (has_line_break(*value)) {
      return bad_request("header '" + name + "' has a line break or NUL in its value");
    }
    out.headers.emplace_back(name, std::move(*value));
  }
  return std::nullopt;
}

std::optional<HttpTransportError> read_basic_auth(const boost::json::object &o, HttpRequest &out) {
  const auto *auth = o.if_contains("basicAuth");
  if (!auth) return std::nullopt;
  const auto *object = auth->if_object();
  const auto *user = object ? object->if_contains("user") : nullptr;
  const auto *password = object ? object->if_contains("password") : nullptr;
  if (!user || !user->is_string() || !password || !password->is_string() ||
      http_fields::unknown_key(*object, {"user", "password"})) {
    return bad_request("'basicAuth' must be {\"user\": STRING, \"password\": STRING}");
  }
  out.basic_auth.emplace(std::string(user->get_string()), std::string(password->get_string()));
  return std::nullopt;
}

std::optional<HttpTransportError> read_positive(const boost::json::object &o, std::string_view key,
                                                std::optional<int64_t> &out) {
  const auto *v = o.if_contains(key);
  if (!v) return std::nullopt;
  out = http_fields::integer(*v);
  if (!out || *out <= 0)
    return bad_request("'" + std::string(key) + "' must be a positive integer");
  return std::nullopt;
}

std::optional<HttpTransportError> read_bool(const boost::json::object &o, std::string_view key,
                                            bool &out) {
  const auto *v = o.if_contains(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) return bad_request("'" + std::string(key) + "' must be true or false");
  out = v->get_bool();
  return std::nullopt;
}

std::optional<HttpTransportError> read_limits(const boost::json::object &o, HttpRequest &out) {
  if (auto e = read_positive(o, "timeoutMs", out.timeout_ms)) return e;
  if (auto e = read_positive(o, "connectTimeoutMs", out.connect_timeout_ms)) return e;
  if (auto e = read_bool(o, "followRedirects", out.follow_redirects)) return e;
  if (auto e = read_bool(o, "untrustedUrl", out.untrusted_url)) return e;
  if (const auto *v = o.if_contains("maxRedirects")) {
    auto n = http_fields::integer(*v);
    if (!n || *n < 0) return bad_request("'maxRedirects' must be a non-negative integer");
    out.max_redirects = *n;
  }
  if (const auto *v = o.if_contains("maxBodyBytes")) {
    auto n = http_fields::integer(*v);
    if (!n || *n < 0) return bad_request("'maxBodyBytes' must be a non-negative integer");
    out.max_body_bytes = static_cast<uint64_t>(*n);
  }
  if (const auto *v = o.if_contains("range")) {
    const auto *s = v->if_string();
    const bool ok = s && !s->empty() && std::all_of(s->begin(), s->end(), [](char c) {
                      return (c >= '0' && c <= '9') || c == '-' || c == ',';
                    });
    if (!ok) return bad_request("'range' must look like \"0-1023\"");
    out.range = std::string(*s);
  }
  return std::nullopt;
}

}  // namespace

std::variant<HttpRequest, HttpTransportError> parse_http_request(
    const boost::json::value &request) {
  const auto *o = request.if_object();
  if (!o) return bad_request("the request must be a JSON object");
  if (auto k =
          http_fields::unknown_key(*o, {"method", "url", "query", "headers", "basicAuth", "body",
                                        "timeoutMs", "connectTimeoutMs", "followRedirects",
                                        "maxRedirects", "untrustedUrl", "range", "maxBodyBytes"})) {
    return bad_request("unknown key '" + *k + "'");
  }
  HttpRequest out;
  const auto *method = o->if_contains("method");
  if (!method || !method->is_string() || !http_fields::is_token(method->get_string())) {
    return bad_request("'method' is required and must be an HTTP method such as \"GET\"");
  }
  out.method = std::string(method->get_string());
  // Methods are case-sensitive on the wire; every standard one is upper case.
  std::transform(out.method.begin(), out.method.end(), out.method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  try {
    if (auto e = read_url(*o, out)) return *e;
  } catch (const std::length_error &e) {
    return bad_request(std::string("'query': ") + e.what());
  }
  if (auto e = read_headers(*o, out)) return *e;
  if (auto e = read_basic_auth(*o, out)) return *e;
  if (auto e = read_limits(*o, out)) return *e;
  if (const auto *body = o->if_contains("body"); body && !body->is_null()) {
    auto parsed = parse_http_body(*body);
    if (auto *e = std::get_if<HttpTransportError>(&parsed)) return *e;
    out.body = std::move(std::get<HttpBody>(parsed));
  }
  return out;
}

}  // namespace lmp
