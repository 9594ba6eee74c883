#include "core/services/http_transfer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "core/services/http_request_fields.hpp"
#include "core/services/http_transfer_state.hpp"

namespace lmp {
namespace {

// How often a running exchange looks at its cancellation flag.
constexpr int kCancelPollMs = 25;

struct SlistDeleter {
  void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;
struct MimeDeleter {
  void operator()(curl_mime *m) const { curl_mime_free(m); }
};
using Mime = std::unique_ptr<curl_mime, MimeDeleter>;

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

void append(Slist &list, const std::string &line) {
  curl_slist *grown = curl_slist_append(list.get(), line.c_str());
  if (!grown) throw std::bad_alloc();
  (void)list.release();
  list.reset(grown);
}

bool has_header(const HttpHop &hop, std::string_view name) {
  return std::any_of(hop.headers.begin(), hop.headers.end(),
                     [&](const auto &h) { return http_fields::iequals(h.first, name); });
}

bool has_body(const HttpHop &hop) {
  return hop.body && hop.body->kind != HttpBody::Kind::kNone;
}

Slist header_list(const HttpHop &hop) {
  Slist list;
  for (const auto &[name, value] : hop.headers) {
    // libcurl drops "Name:" headers; "Name;" sends one with an empty value.
    append(list, value.empty() ? name + ";" : name + ": " + value);
  }
  const bool body = has_body(hop);
  if (!has_header(hop, "Content-Type")) {
    if (body && hop.body->kind != HttpBody::Kind::kMultipart) {
      append(list, "Content-Type: " + hop.body->content_type);
    } else if (!body) {
      append(list, "Content-Type:");  // no form-urlencoded default on an empty POST
    }
  }
  // Servers that ignore "Expect: 100-continue" would stall every large upload by a second.
  if (!has_header(hop, "Expect")) append(list, "Expect:");
  return list;
}

// CURLOPT_CONNECT_TO "host:port:address:port", so libcurl resolves nothing itself.
Slist connect_to(const HttpHop &hop) {
  Slist list;
  if (hop.url.ipv6_literal || ResolvedAddress::from_ip(hop.url.host, 0)) return list;
  const std::string ip =
      hop.address.family() == AF_INET6 ? "[" + hop.address.ip() + "]" : hop.address.ip();
  const std::string port = std::to_string(hop.url.port);
  append(list, hop.url.host + ":" + port + ":" + ip + ":" + port);
  return list;
}

// Sets the method and body; returns an io error if a file part cannot be attached.
std::optional<HttpTransportError> set_method_and_body(CURL *easy, const HttpHop &hop, Mime &mime,
                                                      HttpFileSource &file) {
  const bool body = has_body(hop);
  const bool bodyless_write =
      !body && (hop.method == "POST" || hop.method == "PUT" || hop.method == "PATCH");
  if (hop.method == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else if (hop.method == "GET" && !body) {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (bodyless_write) {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t{0});
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, "");
  } else if (body && hop.body->kind == HttpBody::Kind::kBytes) {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(hop.body->bytes.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, hop.body->bytes.data());
  } else if (body && hop.body->kind == HttpBody::Kind::kFile) {
    file.offset = hop.body->offset;
    file.length = hop.body->length;
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(file.length));
  } else if (body && hop.body->kind == HttpBody::Kind::kMultipart) {
    mime.reset(curl_mime_init(easy));
    for (const HttpMultipartPart &p : hop.body->parts) {
      curl_mimepart *part = curl_mime_addpart(mime.get());
      curl_mime_name(part, p.name.c_str());
      if (p.value) {
        curl_mime_data(part, p.value->data(), p.value->size());
      } else if (curl_mime_filedata(part, p.file->c_str()) != CURLE_OK) {
        return HttpTransportError{http_error_kind::kIo, "cannot read file '" + *p.file + "'"};
      }
      if (p.filename) curl_mime_filename(part, p.filename->c_str());
      if (p.content_type) curl_mime_type(part, p.content_type->c_str());
    }
    curl_easy_setopt(easy, CURLOPT_MIMEPOST, mime.get());
  }
  if (hop.method != "HEAD" && (hop.method != "GET" || body) && hop.method != "POST") {
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, hop.method.c_str());
  }
  return std::nullopt;
}

void set_common_options(CURL *easy, const HttpHop &hop, char *error_buffer) {
  curl_easy_setopt(easy, CURLOPT_URL, hop.url.text.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);  // HttpClient follows, checking each hop
  curl_easy_setopt(easy, CURLOPT_PROXY, "");           // never a proxy, whatever the environment
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(hop.timeout_ms));
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(hop.connect_timeout_ms));
  curl_easy_setopt(easy, CURLOPT_USERAGENT, hop.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer);
  if (!hop.range.empty()) curl_easy_setopt(easy, CURLOPT_RANGE, hop.range.c_str());
  // libcurl silently sends a request again when the reused connection it went out on closes
  // before any reply; for a POST that may have been acted on (a pin created, then the reply
  // lost) that is a duplicate. Requests that are not idempotent get a connection of their own.
  const bool idempotent = hop.method == "GET" || hop.method == "HEAD" || hop.method == "PUT" ||
                          hop.method == "DELETE" || hop.method == "OPTIONS";
  curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, idempotent ? 0L : 1L);
  if (hop.basic_auth) {
    curl_easy_setopt(easy, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    curl_easy_setopt(easy, CURLOPT_USERNAME, hop.basic_auth->first.c_str());
    curl_easy_setopt(easy, CURLOPT_PASSWORD, hop.basic_auth->second.c_str());
  }
}

// Runs the transfer on the entry's multi handle, polling `cancelled` between socket waits.
CURLcode drive(CurlEntry &curl, HttpTransferState &state) {
  curl_multi_add_handle(curl.multi, curl.easy);
  CURLcode result = CURLE_OK;
  for (;;) {
    int running = 0;
    if (curl_multi_perform(curl.multi, &running) != CURLM_OK) {
      result = CURLE_FAILED_INIT;
      break;
    }
    bool done = false;
    int queued = 0;
    while (CURLMsg *msg = curl_multi_info_read(curl.multi, &queued)) {
      if (msg->msg == CURLMSG_DONE && msg->easy_handle == curl.easy) {
        done = true;
        result = msg->data.result;
      }
    }
    if (done) break;
    if (running == 0) {
      result = CURLE_FAILED_INIT;
      break;
    }
    if ((*state.cancelled) && (*state.cancelled)()) {
      state.was_cancelled = true;
      result = CURLE_ABORTED_BY_CALLBACK;
      break;
    }
    curl_multi_poll(curl.multi, nullptr, 0, kCancelPollMs, nullptr);
  }
  // Removing an unfinished transfer aborts it and closes its connection.
  curl_multi_remove_handle(curl.multi, curl.easy);
  return result;
}

bool is_tls_error(CURLcode rc) {
  switch (rc) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      return true;
    default:
      return false;
  }
}

// Maps a failed transfer to its kind and a message naming the method, URL and reason.
HttpTransportError to_error(CURLcode rc, const HttpHop &hop, const HttpTransferState &state,
                            const char *error_buffer) {
  namespace k = http_error_kind;
  const std::string what = hop.method + " " + hop.url.redacted();
  const std::string detail = error_buffer[0] ? std::string(" (") + error_buffer + ")" : "";
  if (state.file.failed) {
    const std::string why = state.file.error_number
                                ? std::strerror(state.file.error_number)
                                : std::string("the file ended before the promised length");
    return {k::kIo, what + ": reading '" + hop.body->file + "' failed: " + why};
  }
  if (state.was_cancelled) return {k::kCancelled, what + ": cancelled"};
  if (state.socket_refused) {
    return {
        k::kBlockedAddress,
        what + ": refused a connection to an address other than the checked " + hop.address.ip()};
  }
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {k::kDns, what + ": host name did not resolve" + detail};
    case CURLE_COULDNT_CONNECT:
      return {k::kConnect, what + ": could not connect to " + hop.address.ip() + detail};
    case CURLE_OPERATION_TIMEDOUT:
      return {k::kTimeout, what + ": timed out" + detail};
    case CURLE_TOO_MANY_REDIRECTS:
      return {k::kTooManyRedirects, what + ": too many redirects" + detail};
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return {k::kReset,
              what + ": the connection closed or broke before the reply was complete" + detail};
    case CURLE_READ_ERROR:
      return {k::kIo, what + ": a file of the body could not be read" + detail};
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_BAD_FUNCTION_ARGUMENT:
      return {k::kBadRequest, what + ": " + curl_easy_strerror(rc) + detail};
    default:
      if (is_tls_error(rc)) return {k::kTls, what + ": TLS failed" + detail};
      return {k::kOther, what + ": " + curl_easy_strerror(rc) + detail};
  }
}

}  // namespace

HttpHopResult run_http_hop(CurlEntry &curl, const HttpHop &hop,
                           const std::function<bool()> &cancelled,
                           const std::function<void(uint64_t, uint64_t)> &progress) {
  HttpHopResult result;
  HttpTransferState state;
  state.cancelled = &cancelled;
  state.progress = &progress;
  state.pinned = &hop.address;
  state.max_body_bytes = hop.max_body_bytes;
  state.sink = hop.body_sink;
  state.easy = curl.easy;

  CURL *easy = curl.easy;
  const bool file_body = has_body(hop) && hop.body->kind == HttpBody::Kind::kFile;
  char error_buffer[CURL_ERROR_SIZE] = {};
  Slist headers = header_list(hop);
  Slist pin = connect_to(hop);
  Mime mime;
  Fd file_fd(file_body ? ::open(hop.body->file.c_str(), O_RDONLY | O_CLOEXEC) : -1);
  const int open_errno = errno;
  // Declared after what the handle points into, so the handle forgets them first.
  struct ResetOnExit {
    CURL *easy;
    ~ResetOnExit() { curl_easy_reset(easy); }
  } reset_on_exit{easy};

  curl_easy_reset(easy);
  if (file_body && file_fd.get() < 0) {
    result.error = HttpTransportError{
        http_error_kind::kIo, "cannot open '" + hop.body->file + "': " + std::strerror(open_errno)};
    return result;
  }
  state.file.fd = file_fd.get();
  set_common_options(easy, hop, error_buffer);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(easy, CURLOPT_CONNECT_TO, pin.get());
  if (auto e = set_method_and_body(easy, hop, mime, state.file)) {
    result.error = std::move(e);
    return result;
  }
  install_transfer_callbacks(easy, state);

  const CURLcode rc = drive(curl, state);
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  const bool kept_what_fit = rc == CURLE_WRITE_ERROR && state.body_truncated;
  if (rc != CURLE_OK && !kept_what_fit) {
    result.error = to_error(rc, hop, state, error_buffer);
    result.connect_failed = rc == CURLE_COULDNT_CONNECT && !state.socket_refused;
    result.socket_refused = state.socket_refused;
  } else {
    const char *location = nullptr;
    curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &location);
    if (location) result.redirect_url = location;
    result.status = static_cast<int>(status);
    result.headers = std::move(state.headers);
    result.body = std::move(state.body);
    result.body_truncated = state.body_truncated;
  }
  return result;
}

}  // namespace lmp
