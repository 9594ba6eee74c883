// The transport error of an HTTP exchange that produced no reply (abi-json.md, http_error).
#pragma once

#include <string>

namespace lmp {

// The `kind` values of a transport error, exactly as adapters see them.
namespace http_error_kind {
inline constexpr const char *kDns = "dns";          // the host name did not resolve
inline constexpr const char *kConnect = "connect";  // no TCP connection could be made
inline constexpr const char *kTls = "tls";          // TLS handshake or verification failed
inline constexpr const char *kTimeout = "timeout";  // timeoutMs or connectTimeoutMs ran out
inline constexpr const char *kTooManyRedirects = "too_many_redirects";  // over maxRedirects hops
inline constexpr const char *kBlockedAddress = "blocked_address";       // refused by the SSRF guard
inline constexpr const char *kReset = "reset";  // the connection closed or broke mid-exchange
inline constexpr const char *kBadRequest = "bad_request";  // the request document is invalid
inline constexpr const char *kIo = "io";                   // a file to send could not be read
inline constexpr const char *kCancelled = "cancelled";     // the caller cancelled the exchange
inline constexpr const char *kOther = "other";             // anything else
}  // namespace http_error_kind

// Why no reply arrived. The message names the method, URL (without user info or query) or file,
// never a header value or credential.
struct HttpTransportError {
  std::string kind;  // one of http_error_kind
  std::string message;
};

}  // namespace lmp
