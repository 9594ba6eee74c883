#include "core/services/http_transfer_state.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <string_view>

namespace lmp {
namespace {

size_t on_body(char *data, size_t size, size_t count, void *user) {
  auto &s = *static_cast<HttpTransferState *>(user);
  const size_t n = size * count;
  if (s.sink && *s.sink) {
    long status = 0;
    curl_easy_getinfo(s.easy, CURLINFO_RESPONSE_CODE, &status);
    if (status / 100 == 2) return (*s.sink)(std::string_view(data, n)) ? n : 0;
  }
  const uint64_t room = s.max_body_bytes - std::min<uint64_t>(s.max_body_bytes, s.body.size());
  if (n <= room) {
    s.body.append(data, n);
    return n;
  }
  // Keep what fits; returning less than given stops the transfer (CURLE_WRITE_ERROR).
  s.body.append(data, static_cast<size_t>(room));
  s.body_truncated = true;
  return 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

size_t on_header(char *data, size_t size, size_t count, void *user) {
  auto &s = *static_cast<HttpTransferState *>(user);
  const size_t n = size * count;
  const std::string_view line(data, n);
  if (line.empty()) return n;
  if (line.rfind("HTTP/", 0) == 0) {
    s.headers.clear();  // a new response (after 1xx): only the final one's headers count
    return n;
  }
  if ((line.front() == ' ' || line.front() == '\t') && !s.headers.empty()) {
    s.headers.back().second += " " + std::string(trim(line));  // obsolete line folding
    return n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  s.headers.emplace_back(std::move(name), std::string(trim(line.substr(colon + 1))));
  return n;
}

int on_progress(void *user, curl_off_t download_total, curl_off_t download_now,
                curl_off_t upload_total, curl_off_t upload_now) {
  auto &s = *static_cast<HttpTransferState *>(user);
  if (*s.cancelled && (*s.cancelled)()) {
    s.was_cancelled = true;
    return 1;
  }
  if (s.sink) {  // a download: the reply body is what progresses
    if (*s.progress && download_now > 0 && download_now != s.last_upload_reported) {
      s.last_upload_reported = download_now;
      (*s.progress)(static_cast<uint64_t>(download_now),
                    static_cast<uint64_t>(std::max<curl_off_t>(download_total, 0)));
    }
    return 0;
  }
  if (*s.progress && upload_total > 0 && upload_now != s.last_upload_reported) {
    s.last_upload_reported = upload_now;
    (*s.progress)(static_cast<uint64_t>(upload_now), static_cast<uint64_t>(upload_total));
  }
  return 0;
}

curl_socket_t on_open_socket(void *user, curlsocktype purpose, curl_sockaddr *address) {
  auto &s = *static_cast<HttpTransferState *>(user);
  if (purpose != CURLSOCKTYPE_IPCXN || !s.pinned->same_endpoint(&address->addr)) {
    s.socket_refused = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

size_t on_read(char *buffer, size_t size, size_t count, void *user) {
  auto &f = static_cast<HttpTransferState *>(user)->file;
  const uint64_t want = std::min<uint64_t>(size * count, f.length - f.position);
  if (want == 0) return 0;
  ssize_t got;
  do {
    got =
        ::pread(f.fd, buffer, static_cast<size_t>(want), static_cast<off_t>(f.offset + f.position));
  } while (got < 0 && errno == EINTR);
  if (got <= 0) {
    f.failed = true;
    f.error_number = got < 0 ? errno : 0;
    return CURL_READFUNC_ABORT;
  }
  f.position += static_cast<uint64_t>(got);
  return static_cast<size_t>(got);
}

int on_seek(void *user, curl_off_t offset, int origin) {
  auto &f = static_cast<HttpTransferState *>(user)->file;
  if (origin != SEEK_SET || offset < 0 || static_cast<uint64_t>(offset) > f.length) {
    return CURL_SEEKFUNC_FAIL;
  }
  f.position = static_cast<uint64_t>(offset);
  return CURL_SEEKFUNC_OK;
}

}  // namespace

void install_transfer_callbacks(CURL *easy, HttpTransferState &state) {
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &state);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &state);
  curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &state);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &state);
  if (state.file.fd >= 0) {
    curl_easy_setopt(easy, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(easy, CURLOPT_READDATA, &state);
    curl_easy_setopt(easy, CURLOPT_SEEKFUNCTION, on_seek);
    curl_easy_setopt(easy, CURLOPT_SEEKDATA, &state);
  }
}

}  // namespace lmp
