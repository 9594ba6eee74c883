#include "support/http_client.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <stdexcept>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace lmp::test {

namespace {

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool is_loopback_url(const std::string &url) {
  for (const char *prefix : {"http://127.0.0.1:", "http://127.0.0.1/",
                             "http://localhost:", "http://localhost/", "http://[::1]:"}) {
    if (url.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

std::size_t on_body(char *data, std::size_t size, std::size_t count, void *user) {
  static_cast<HttpReply *>(user)->body.append(data, size * count);
  return size * count;
}

std::size_t on_header(char *data, std::size_t size, std::size_t count, void *user) {
  auto *reply = static_cast<HttpReply *>(user);
  std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    reply->headers.clear();  // a new (possibly final, after 100 Continue) response starts
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  reply->headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  return size * count;
}

struct ChunkedSource {
  std::string_view rest;
};

std::size_t on_read(char *buffer, std::size_t size, std::size_t count, void *user) {
  auto *source = static_cast<ChunkedSource *>(user);
  const std::size_t n = std::min(size * count, source->rest.size());
  std::memcpy(buffer, source->rest.data(), n);
  source->rest.remove_prefix(n);
  return n;
}

struct CurlDeleter {
  void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
  void operator()(curl_slist *list) const { curl_slist_free_all(list); }
  void operator()(curl_mime *mime) const { curl_mime_free(mime); }
};

// Runs one transfer on `curl` (already given its method and body) and collects the reply.
HttpReply perform(CURL *curl, const std::string &url, const Headers &headers,
                  std::chrono::seconds timeout = TestHttp::kTimeout) {
  if (!is_loopback_url(url))
    throw std::invalid_argument("TestHttp refuses non-loopback URL " + url);
  HttpReply reply;
  std::unique_ptr<curl_slist, CurlDeleter> list;
  for (const auto &[name, value] : headers) {
    const std::string line = value.empty() ? name + ";" : name + ": " + value;
    list.reset(curl_slist_append(list.release(), line.c_str()));
  }
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list.get());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  reply.curl_code = static_cast<int>(code);
  if (code != CURLE_OK) reply.error = error[0] ? error : curl_easy_strerror(code);
  return reply;
}

std::unique_ptr<CURL, CurlDeleter> new_handle() {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  return curl;
}

}  // namespace

std::string HttpReply::header(std::string_view name) const {
  for (const auto &[key, value] : headers) {
    if (iequal(key, name)) return value;
  }
  return {};
}

boost::json::value HttpReply::json() const {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec) throw std::runtime_error("reply body is not JSON (" + ec.message() + "): " + body);
  return value;
}

HttpReply TestHttp::get(const std::string &url, const Headers &headers) {
  return request("GET", url, {}, headers);
}

HttpReply TestHttp::post(const std::string &url, const std::string &body, const Headers &headers) {
  return request("POST", url, body, headers);
}

HttpReply TestHttp::post_json(const std::string &url, const boost::json::value &value,
                              const Headers &headers) {
  Headers all = headers;
  all.emplace_back("Content-Type", "application/json");
  return request("POST", url, boost::json::serialize(value), all);
}

HttpReply TestHttp::request(const std::string &method, const std::string &url,
                            const std::string &body, const Headers &headers) {
  auto curl = new_handle();
  if (method == "HEAD") {
    curl_easy_setopt(curl.get(), CURLOPT_NOBODY, 1L);
  } else if (method != "GET" || !body.empty()) {
    curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
  }
  if (!body.empty() || method == "POST") {
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  return perform(curl.get(), url, headers);
}

HttpReply TestHttp::post_chunked(const std::string &url, const std::string &body,
                                 const Headers &headers) {
  auto curl = new_handle();
  ChunkedSource source{body};
  curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, on_read);
  curl_easy_setopt(curl.get(), CURLOPT_READDATA, &source);
  Headers all = headers;
  all.emplace_back("Transfer-Encoding", "chunked");
  return perform(curl.get(), url, all);
}

HttpReply TestHttp::post_form(const std::string &url, const std::vector<FormPart> &parts,
                              const Headers &headers, std::chrono::seconds timeout) {
  auto curl = new_handle();
  std::unique_ptr<curl_mime, CurlDeleter> mime(curl_mime_init(curl.get()));
  for (const FormPart &part : parts) {
    curl_mimepart *p = curl_mime_addpart(mime.get());
    curl_mime_name(p, part.name.c_str());
    if (!part.file_path.empty()) {
      if (curl_mime_filedata(p, part.file_path.c_str()) != CURLE_OK) {
        throw std::runtime_error("cannot read form file " + part.file_path);
      }
      curl_mime_filename(p, part.filename.empty() ? nullptr : part.filename.c_str());
    } else {
      curl_mime_data(p, part.value.data(), part.value.size());
      if (!part.filename.empty()) curl_mime_filename(p, part.filename.c_str());
    }
    if (!part.content_type.empty()) curl_mime_type(p, part.content_type.c_str());
  }
  curl_easy_setopt(curl.get(), CURLOPT_MIMEPOST, mime.get());
  return perform(curl.get(), url, headers, timeout);
}

Headers bearer(const std::string &token) {
  return {{"Authorization", "Bearer " + token}};
}

}  // namespace lmp::test
