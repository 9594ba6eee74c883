// letmepost adapter SDK: a header-only C++20 helper over the C ABI in adapter.h.
//
// Write a class with the operations you support and name it in LMP_DEFINE_ADAPTER:
//
//   class MyAdapter {
//    public:
//     static const char *describe_json();                          // required
//     MyAdapter(letmepost::Call &call, std::string_view config);   // required (create)
//     int preflight(letmepost::Call &call, std::string_view request);  // required
//     int publish(letmepost::Call &call, std::string_view request);    // required
//     int map_error(letmepost::Call &call, std::string_view raw);      // required
//     int upload_media(letmepost::Call &, std::string_view);  // optional, like every other
//   };                                                         // operation of lmp_adapter_v1
//   LMP_DEFINE_ADAPTER(MyAdapter)
//
// The helper fills the table (optional operations the class lacks stay NULL), keeps the host
// table, and traps every exception at the boundary: a letmepost::Error is reported as its own
// error object, anything else as adapter.internal. Nothing here needs Boost or any library.
#ifndef LETMEPOST_ADAPTER_HPP
#define LETMEPOST_ADAPTER_HPP

#include <concepts>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "letmepost/adapter.h"

namespace letmepost {

// Returns s as a JSON string literal, quotes included.
inline std::string json_quote(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// Builds a minimal error object (adapter.h convention 8) from a code and a message.
inline std::string error_json(std::string_view code, std::string_view message,
                              bool retryable = false) {
  return "{\"code\":" + json_quote(code) + ",\"message\":" + json_quote(message) +
         ",\"field\":null,\"retryable\":" + (retryable ? "true" : "false") +
         ",\"retryAfterMs\":null,\"platform\":null}";
}

// An error object an adapter throws to end an operation with that exact error.
class Error : public std::exception {
 public:
  // error_object_json is a complete error object (see error_json).
  explicit Error(std::string error_object_json) : json_(std::move(error_object_json)) {}
  const char *what() const noexcept override { return json_.c_str(); }
  const std::string &json() const { return json_; }

 private:
  std::string json_;
};

// A reply from Call::http. Borrowed from the host until the operation returns or release().
class HttpResponse {
 public:
  HttpResponse() = default;
  HttpResponse(const HttpResponse &) = delete;
  HttpResponse &operator=(const HttpResponse &) = delete;
  HttpResponse(HttpResponse &&o) noexcept : host_(o.host_), resp_(o.resp_) { o.resp_ = nullptr; }
  ~HttpResponse() { release(); }

  // The HTTP status, or 0 when no reply arrived.
  int status() const { return resp_ ? host_->http_status(resp_) : 0; }
  // A header value (case-insensitive name), if the reply has it.
  std::optional<std::string_view> header(std::string_view name) const {
    const char *v = nullptr;
    size_t n = 0;
    if (resp_ && host_->http_header(resp_, name.data(), name.size(), &v, &n)) {
      return std::string_view(v, n);
    }
    return std::nullopt;
  }
  // The body, possibly empty.
  std::string_view body() const {
    size_t n = 0;
    const char *b = resp_ ? host_->http_body(resp_, &n) : nullptr;
    return b ? std::string_view(b, n) : std::string_view();
  }
  // {"kind","message"} when no reply arrived, else empty.
  std::string_view transport_error() const {
    size_t n = 0;
    const char *e = resp_ ? host_->http_error(resp_, &n) : nullptr;
    return e ? std::string_view(e, n) : std::string_view();
  }
  // Gives the reply back to the host early.
  void release() {
    if (resp_) host_->http_release(resp_);
    resp_ = nullptr;
  }

 private:
  friend class Call;
  const lmp_host_api *host_ = nullptr;
  lmp_http_response *resp_ = nullptr;
};

// The host's services, bound to the operation in progress. Valid only inside that operation.
class Call {
 public:
  Call(const lmp_host_api *host, lmp_call *call) : host_(host), call_(call) {}

  // Sets the operation's result document (the host copies it).
  void set_result(std::string_view json) {
    host_->call_set_result(call_, json.data(), json.size());
  }
  // Sets the operation's error object (the host copies it).
  void set_error(std::string_view json) { host_->call_set_error(call_, json.data(), json.size()); }
  // Reports refreshed credentials; true once the host has stored them.
  bool update_credentials(std::string_view json) {
    return host_->call_update_credentials(call_, json.data(), json.size()) == LMP_OK;
  }
  // Reports transfer progress in bytes (total 0 when unknown).
  void progress(uint64_t done, uint64_t total) {
    if (host_->call_progress) host_->call_progress(call_, done, total);
  }
  // True once the host wants the operation to stop.
  bool cancelled() const { return host_->call_is_cancelled(call_) != 0; }
  // The operation's deadline in Unix ms, 0 for none.
  int64_t deadline_unix_ms() const { return host_->call_deadline_unix_ms(call_); }
  // The host's wall clock in Unix ms.
  int64_t now_unix_ms() const { return host_->now_unix_ms(); }
  // The host's monotonic clock in ms.
  int64_t monotonic_ms() const { return host_->monotonic_ms(); }
  // Waits; false when the call was cancelled meanwhile.
  bool sleep_ms(int64_t ms) { return host_->sleep_ms(call_, ms) == LMP_OK; }
  // Logs a line through the host (which redacts secrets and adds context).
  void log(int level, std::string_view msg) { host_->log(call_, level, msg.data(), msg.size()); }
  // Sends an HTTP request (abi-json.md). Returns LMP_OK, LMP_ERROR or LMP_CANCELLED; out holds
  // the reply (or the transport error) in the first two cases.
  int http(std::string_view request_json, HttpResponse &out) {
    out.release();
    out.host_ = host_;
    return host_->http_send(call_, request_json.data(), request_json.size(), &out.resp_);
  }
  // A cached value for this adapter and account, if present and fresh.
  std::optional<std::string_view> cache_get(std::string_view key) {
    const char *v = nullptr;
    size_t n = 0;
    if (host_->cache_get(call_, key.data(), key.size(), &v, &n)) return std::string_view(v, n);
    return std::nullopt;
  }
  // Caches a value for ttl_ms; true on success.
  bool cache_put(std::string_view key, std::string_view value, int64_t ttl_ms) {
    return host_->cache_put(call_, key.data(), key.size(), value.data(), value.size(), ttl_ms) ==
           LMP_OK;
  }
  // Drops a cached value; true on success.
  bool cache_remove(std::string_view key) {
    return host_->cache_remove(call_, key.data(), key.size()) == LMP_OK;
  }
  // The raw host table and call, for what the helper does not wrap.
  const lmp_host_api *host() const { return host_; }
  lmp_call *raw() const { return call_; }

 private:
  const lmp_host_api *host_;
  lmp_call *call_;
};

namespace detail {

// The host table this library was loaded with (one per adapter library: hidden visibility).
inline const lmp_host_api *g_host = nullptr;

using Method = int (*)(lmp_instance *, lmp_call *, const char *, size_t);

// Runs body, turning any exception into an error object on the call.
template <class Body>
int guarded(lmp_call *call, Body &&body) noexcept {
  Call c(g_host, call);
  try {
    return body(c);
  } catch (const Error &e) {
    c.set_error(e.json());
  } catch (const std::exception &e) {
    c.set_error(error_json("adapter.internal", e.what()));
  } catch (...) {
    c.set_error(error_json("adapter.internal", "The adapter threw a non-standard exception."));
  }
  return LMP_ERROR;
}

template <class A, int (A::*Op)(Call &, std::string_view)>
int trampoline(lmp_instance *inst, lmp_call *call, const char *json, size_t len) noexcept {
  return guarded(call, [&](Call &c) {
    return (reinterpret_cast<A *>(inst)->*Op)(c, std::string_view(json ? json : "", len));
  });
}

template <class A>
int create(const lmp_host_api *, const char *json, size_t len, lmp_call *call,
           lmp_instance **out) noexcept {
  return guarded(call, [&](Call &c) {
    *out = reinterpret_cast<lmp_instance *>(new A(c, std::string_view(json ? json : "", len)));
    return LMP_OK;
  });
}

template <class A>
void destroy(lmp_instance *inst) noexcept {
  try {
    delete reinterpret_cast<A *>(inst);
  } catch (...) {
  }
}

// Each optional operation is set only when the class declares it.
#define LMP_DETAIL_OPTIONAL(op)                                   \
  template <class A>                                              \
  constexpr Method op##_of() {                                    \
    if constexpr (requires(A & a, Call & c, std::string_view r) { \
                    { a.op(c, r) } -> std::convertible_to<int>;   \
                  }) {                                            \
      return &trampoline<A, &A::op>;                              \
    } else {                                                      \
      return nullptr;                                             \
    }                                                             \
  }
LMP_DETAIL_OPTIONAL(upload_media)
LMP_DETAIL_OPTIONAL(list_destinations)
LMP_DETAIL_OPTIONAL(connect_begin)
LMP_DETAIL_OPTIONAL(connect_finish)
LMP_DETAIL_OPTIONAL(find_post)
LMP_DETAIL_OPTIONAL(delete_post)
LMP_DETAIL_OPTIONAL(check_account)
LMP_DETAIL_OPTIONAL(refresh_credentials)
#undef LMP_DETAIL_OPTIONAL

template <class A>
const lmp_adapter_v1 *entry(const lmp_host_api *host) noexcept {
  if (!host || host->abi_major != LMP_ABI_MAJOR || host->struct_size < LMP_HOST_API_V1_MIN_SIZE) {
    return nullptr;  // a host this helper cannot talk to; it cannot even log
  }
  g_host = host;
  static const lmp_adapter_v1 table = {
      sizeof(lmp_adapter_v1),
      LMP_ABI_MAJOR,
      LMP_ABI_MINOR,
      0,
      0,
      0,
      A::describe_json(),
      &create<A>,
      &destroy<A>,
      &trampoline<A, &A::preflight>,
      upload_media_of<A>(),
      &trampoline<A, &A::publish>,
      &trampoline<A, &A::map_error>,
      list_destinations_of<A>(),
      connect_begin_of<A>(),
      connect_finish_of<A>(),
      find_post_of<A>(),
      delete_post_of<A>(),
      check_account_of<A>(),
      refresh_credentials_of<A>(),
  };
  return &table;
}

}  // namespace detail
}  // namespace letmepost

// Defines the adapter's exported entry point for AdapterClass.
#define LMP_DEFINE_ADAPTER(AdapterClass)                                                       \
  extern "C" LMP_EXPORT const lmp_adapter_v1 *lmp_adapter_entry_v1(const lmp_host_api *host) { \
    return ::letmepost::detail::entry<AdapterClass>(host);                                     \
  }

#endif  // LETMEPOST_ADAPTER_HPP
