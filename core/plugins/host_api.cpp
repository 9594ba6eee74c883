// The lmp_host_api table: each member forwards to the services of the call it is given.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "core/plugins/call.hpp"

void lmp_call::cancel() {
  cancelled = true;
  lmp::host_clock().wake();
}

namespace lmp {
namespace {

// A service used after its operation returned is a contract violation: counted, and refused.
bool usable(const lmp_call *call) {
  if (!call) return false;
  if (!call->active.load()) {
    const_cast<lmp_call *>(call)->late_service_calls++;
    return false;
  }
  return true;
}

void set_result(lmp_call *call, const char *json, size_t len) {
  if (usable(call) && json) call->result.emplace(json, len);
}

void set_error(lmp_call *call, const char *json, size_t len) {
  if (usable(call) && json) call->error.emplace(json, len);
}

int update_credentials(lmp_call *call, const char *json, size_t len) {
  if (!usable(call) || !json || !call->on_credentials) return LMP_ERROR;
  return call->on_credentials(std::string_view(json, len)) ? LMP_OK : LMP_ERROR;
}

void progress(lmp_call *call, uint64_t done, uint64_t total) {
  if (usable(call) && call->on_progress) call->on_progress(done, total);
}

int is_cancelled(const lmp_call *call) {
  return call && call->cancelled.load() ? 1 : 0;
}

int64_t deadline(const lmp_call *call) {
  return call ? call->deadline_unix_ms : 0;
}

int64_t now_unix_ms() {
  return host_clock().now_unix_ms();
}
int64_t monotonic_ms() {
  return host_clock().monotonic_ms();
}

int sleep_ms(lmp_call *call, int64_t ms) {
  if (!usable(call)) return LMP_ERROR;
  return host_clock().sleep_ms(std::max<int64_t>(ms, 0), call->cancelled) ? LMP_OK : LMP_CANCELLED;
}

void log(lmp_call *call, int level, const char *msg, size_t len) {
  if (call && !usable(call)) return;
  static const spdlog::level::level_enum kLevels[] = {spdlog::level::debug, spdlog::level::info,
                                                      spdlog::level::warn, spdlog::level::err};
  auto lvl = kLevels[std::clamp(level, LMP_LOG_DEBUG, LMP_LOG_ERROR)];
  std::string_view text(msg ? msg : "", msg ? len : 0);
  if (call) {
    spdlog::log(lvl, "[{} {} {}] {}", call->adapter_name, call->account_id, call->request_id, text);
  } else {
    spdlog::log(lvl, "[adapter] {}", text);
  }
}

int http_send(lmp_call *call, const char *json, size_t len, lmp_http_response **out) {
  if (!out) return LMP_ERROR;
  *out = nullptr;
  if (!usable(call)) return LMP_ERROR;
  lmp_http_response &resp = call->responses.emplace_back();
  *out = &resp;
  if (!call->services->http) {
    resp.error_json = R"({"kind":"other","message":"This host offers no HTTP service."})";
    return LMP_ERROR;
  }
  if (call->cancelled.load()) return LMP_CANCELLED;
  return call->services->http(std::string_view(json ? json : "", json ? len : 0), *call, resp);
}

int http_status(const lmp_http_response *r) {
  return r ? r->status : 0;
}

int http_header(const lmp_http_response *r, const char *name, size_t name_len, const char **value,
                size_t *value_len) {
  if (!r || !name) return 0;
  std::string_view wanted(name, name_len);
  for (const auto &[k, v] : r->headers) {
    if (k.size() == wanted.size() &&
        std::equal(k.begin(), k.end(), wanted.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      if (value) *value = v.data();
      if (value_len) *value_len = v.size();
      return 1;
    }
  }
  return 0;
}

const char *http_body(const lmp_http_response *r, size_t *len) {
  if (len) *len = r ? r->body.size() : 0;
  return r ? r->body.data() : "";
}

const char *http_error(const lmp_http_response *r, size_t *len) {
  if (!r || r->error_json.empty()) {
    if (len) *len = 0;
    return nullptr;
  }
  if (len) *len = r->error_json.size();
  return r->error_json.data();
}

// Replies live until the call ends; releasing early frees their memory in long polling loops.
void http_release(lmp_http_response *r) {
  if (!r) return;
  r->body.clear();
  r->body.shrink_to_fit();
  r->headers.clear();
}

int cache_get(lmp_call *call, const char *key, size_t klen, const char **value, size_t *vlen) {
  if (!usable(call) || !call->services->cache || !key) return 0;
  auto v = call->services->cache->get(call->cache_namespace(), std::string(key, klen));
  if (!v) return 0;
  const std::string &kept = call->cache_values.emplace_back(std::move(*v));
  if (value) *value = kept.data();
  if (vlen) *vlen = kept.size();
  return 1;
}

int cache_put(lmp_call *call, const char *key, size_t klen, const char *value, size_t vlen,
              int64_t ttl_ms) {
  if (!usable(call) || !call->services->cache || !key) return LMP_ERROR;
  return call->services->cache->put(call->cache_namespace(), std::string(key, klen),
                                    std::string(value ? value : "", value ? vlen : 0), ttl_ms)
             ? LMP_OK
             : LMP_ERROR;
}

int cache_remove(lmp_call *call, const char *key, size_t klen) {
  if (!usable(call) || !call->services->cache || !key) return LMP_ERROR;
  return call->services->cache->remove(call->cache_namespace(), std::string(key, klen)) ? LMP_OK
                                                                                        : LMP_ERROR;
}

}  // namespace

const lmp_host_api *host_api() {
  static const lmp_host_api api = {
      sizeof(lmp_host_api),
      LMP_ABI_MAJOR,
      LMP_ABI_MINOR,
      0,
      LMP_VERSION,
      &set_result,
      &set_error,
      &update_credentials,
      &progress,
      &is_cancelled,
      &deadline,
      &now_unix_ms,
      &monotonic_ms,
      &sleep_ms,
      &log,
      &http_send,
      &http_status,
      &http_header,
      &http_body,
      &http_error,
      &http_release,
      &cache_get,
      &cache_put,
      &cache_remove,
  };
  return &api;
}

}  // namespace lmp
