// A small adapter for the platform "faulty" that keeps the ABI contract, built once as is and
// once per FAULT_* macro, each of which breaks exactly one conformance rule (CMakeLists.txt
// names the rule each build must fail). It publishes a text post with one POST to
// {account.apiBaseUrl}/posts.
#include <boost/json.hpp>
#include <cctype>
#include <cstdlib>
#include <string>

#include "letmepost/adapter.hpp"

namespace {

namespace json = boost::json;
using letmepost::Error;

const char *const kDescribe =
    R"({"name":"faulty","displayName":"Faulty","version":"0.0.1",)"
    R"("platforms":["faulty"],"environments":["production"],)"
    R"("concurrency":"serial",)"
    R"("capabilities":{"operations":["preflight","publish","map_error"]},)"
#ifndef FAULT_MISSING_DESCRIBE_FIELD
    R"("configSchema":{"type":"object","properties":{}},)"
#endif
    R"("errors":{)"
    R"("faulty.rejected":{"retryable":false,"description":"Refused."},)"
    R"("faulty.rate_limited":{"retryable":true,"description":"429."},)"
    R"("faulty.server_error":{"retryable":true,"description":"5xx."},)"
    R"("faulty.network":{"retryable":true,"description":"No reply."}}})";

std::string error_object(const std::string &code, const std::string &message, bool retryable,
                         json::value retry_after_ms = nullptr) {
  return json::serialize(json::object{{"code", code},
                                      {"message", message},
                                      {"field", nullptr},
                                      {"retryable", retryable},
                                      {"retryAfterMs", retry_after_ms},
                                      {"platform", nullptr}});
}

// The request as an object with a string credentials.accessToken, or an adapter.invalid_request.
json::object parse_request(std::string_view text) {
  json::error_code ec;
  json::value v = json::parse(text, ec);
#ifdef FAULT_CRASH_ON_MALFORMED
  if (ec) std::abort();
#endif
  const json::object *o = ec ? nullptr : v.if_object();
  const json::value *creds = o ? o->if_contains("credentials") : nullptr;
  const json::value *token =
      creds && creds->is_object() ? creds->get_object().if_contains("accessToken") : nullptr;
  if (!token || !token->is_string()) {
    throw Error(error_object("adapter.invalid_request",
                             "The request is not an object with credentials.accessToken.", false));
  }
  return v.get_object();
}

// The error for a non-2xx reply; retry_after is the Retry-After header's seconds, or empty.
std::string error_for(int64_t status, const std::string &retry_after, const std::string &detail) {
  json::value after = nullptr;
  if (!retry_after.empty()) after = std::atoll(retry_after.c_str()) * 1000;
  if (status == 429) {
#ifdef FAULT_429_NOT_RETRYABLE
    return error_object("faulty.rate_limited", "Rate limited." + detail, false);
#else
    return error_object("faulty.rate_limited", "Rate limited." + detail, true,
                        after.is_null() ? json::value(60000) : after);
#endif
  }
  if (status >= 500) {
#ifdef FAULT_UNCATALOGUED_CODE
    return error_object("faulty.upstream_exploded", "Server error." + detail, true, after);
#else
    return error_object("faulty.server_error", "Server error." + detail, true, after);
#endif
  }
  return error_object("faulty.rejected",
                      "Refused with HTTP " + std::to_string(status) + "." + detail, false);
}

std::string string_at(const json::object &o, const char *key, const char *fallback) {
  const json::value *v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : fallback;
}

}  // namespace

class Faulty {
 public:
  static const char *describe_json() { return kDescribe; }

  Faulty(letmepost::Call &, std::string_view) {}

  ~Faulty() {
#ifdef FAULT_LATE_SERVICE_CALL
    // Says goodbye on the last operation's call, which ended long ago.
    if (last_call_) letmepost::Call(letmepost::detail::g_host, last_call_).log(LMP_LOG_INFO, "bye");
#endif
  }

  int preflight(letmepost::Call &call, std::string_view request) {
    parse_request(request);
    call.set_result(R"({"errors":[]})");
    return LMP_OK;
  }

  int publish(letmepost::Call &call, std::string_view request) {
#ifdef FAULT_LATE_SERVICE_CALL
    last_call_ = call.raw();
#endif
    const json::object r = parse_request(request);
    const std::string token(r.at("credentials").at("accessToken").get_string());
    const json::value *account = r.if_contains("account");
    const std::string base =
        account && account->is_object()
            ? string_at(account->get_object(), "apiBaseUrl", "https://faulty.invalid")
            : "https://faulty.invalid";
    const json::object send{
        {"method", "POST"},
        {"url", base + "/posts"},
        {"headers", json::object{{"Authorization", "Bearer " + token}}},
        {"body", json::object{{"json", json::object{{"text", string_at(r, "text", "")}}}}}};
    letmepost::HttpResponse reply;
    const int rc = call.http(json::serialize(send), reply);
#ifndef FAULT_IGNORES_CANCELLATION
    if (rc == LMP_CANCELLED) return LMP_CANCELLED;
#endif
    if (rc != LMP_OK) throw Error(error_object("faulty.network", "No reply from faulty.", true));
    if (reply.status() / 100 != 2) {
#ifdef FAULT_LEAKS_TOKEN
      const std::string detail = " (sent with token " + token + ")";
#else
      const std::string detail;
#endif
      throw Error(
          error_for(reply.status(), std::string(reply.header("retry-after").value_or("")), detail));
    }
    json::error_code ec;
    json::value body = json::parse(reply.body(), ec);
    const json::value *id = !ec && body.is_object() ? body.get_object().if_contains("id") : nullptr;
    if (!id || !id->is_string()) {
      throw Error(error_object("faulty.rejected", "The reply has no post id.", false));
    }
    call.set_result(json::serialize(json::object{{"id", *id}}));
    return LMP_OK;
  }

  int map_error(letmepost::Call &call, std::string_view raw) {
    json::error_code ec;
    json::value v = json::parse(raw, ec);
    const json::object *o = ec ? nullptr : v.if_object();
    const json::value *status = o ? o->if_contains("status") : nullptr;
    if (!status || !status->is_int64()) {
      throw Error(error_object("adapter.invalid_request", "map_error needs a status.", false));
    }
    std::string retry_after;
    const json::value *headers = o->if_contains("headers");
    if (headers && headers->is_object()) {
      for (const auto &kv : headers->get_object()) {
        std::string name(kv.key());
        for (char &c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name == "retry-after" && kv.value().is_string()) retry_after = kv.value().get_string();
      }
    }
    call.set_error(error_for(status->get_int64(), retry_after, ""));
    return LMP_ERROR;
  }

#ifdef FAULT_LATE_SERVICE_CALL
 private:
  lmp_call *last_call_ = nullptr;
#endif
};

extern "C" LMP_EXPORT const lmp_adapter_v1 *lmp_adapter_entry_v1(const lmp_host_api *host) {
  const lmp_adapter_v1 *table = letmepost::detail::entry<Faulty>(host);
#ifdef FAULT_WRONG_ABI_MAJOR
  // The table of an adapter built for ABI 2 behind a v1 entry point.
  static lmp_adapter_v1 other;
  if (!table) return nullptr;
  other = *table;
  other.abi_major = 2;
  return &other;
#else
  return table;
#endif
}
