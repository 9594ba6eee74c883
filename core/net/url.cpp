#include "core/net/url.hpp"

#include <curl/curl.h>

#include <limits>
#include <memory>
#include <stdexcept>

namespace lmp {
namespace {

struct UrlHandleDeleter {
  void operator()(CURLU *h) const { curl_url_cleanup(h); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlHandleDeleter>;

struct CurlStringDeleter {
  void operator()(char *p) const { curl_free(p); }
};

// Reads one part; nullopt when the part is absent or cannot be produced.
std::optional<std::string> get_part(CURLU *h, CURLUPart part, unsigned flags, CURLUcode *rc) {
  char *raw = nullptr;
  *rc = curl_url_get(h, part, &raw, flags);
  if (*rc != CURLUE_OK) return std::nullopt;
  std::unique_ptr<char, CurlStringDeleter> owned(raw);
  return std::string(raw);
}

void set_error(std::string *error, std::string message) {
  if (error) *error = std::move(message);
}

// Fills a Url from a handle that holds an absolute URL.
std::optional<Url> extract(CURLU *h, std::string *error) {
  CURLUcode rc = CURLUE_OK;
  Url url;
  auto text = get_part(h, CURLUPART_URL, CURLU_PUNYCODE, &rc);
  auto scheme = text ? get_part(h, CURLUPART_SCHEME, 0, &rc) : std::nullopt;
  auto host = scheme ? get_part(h, CURLUPART_HOST, CURLU_PUNYCODE, &rc) : std::nullopt;
  auto port = host ? get_part(h, CURLUPART_PORT, CURLU_DEFAULT_PORT, &rc) : std::nullopt;
  if (text && scheme && !host && (rc == CURLUE_OUT_OF_MEMORY || rc == CURLUE_LACKS_IDN)) {
    // libidn2 under the C locale cannot convert a non-ASCII host name to punycode.
    set_error(error, "invalid URL: the international host name could not be converted to ASCII");
    return std::nullopt;
  }
  if (!port) {
    set_error(error, std::string("invalid URL: ") + curl_url_strerror(rc));
    return std::nullopt;
  }
  if (host->empty()) {
    set_error(error, "invalid URL: no host");
    return std::nullopt;
  }
  url.text = std::move(*text);
  url.scheme = std::move(*scheme);
  url.host = std::move(*host);
  if (url.host.size() >= 2 && url.host.front() == '[' && url.host.back() == ']') {
    url.host = url.host.substr(1, url.host.size() - 2);
    url.ipv6_literal = true;
  }
  unsigned long port_number = std::stoul(*port);
  if (port_number == 0 || port_number > 65535) {
    set_error(error, "invalid URL: bad port number");
    return std::nullopt;
  }
  url.port = static_cast<uint16_t>(port_number);
  url.path = get_part(h, CURLUPART_PATH, 0, &rc).value_or("/");
  url.query = get_part(h, CURLUPART_QUERY, 0, &rc).value_or("");
  return url;
}

UrlHandle new_handle() {
  return UrlHandle(curl_url());
}

}  // namespace

std::string Url::host_for_authority() const {
  return ipv6_literal ? "[" + host + "]" : host;
}

std::string Url::redacted() const {
  return scheme + "://" + host_for_authority() + ":" + std::to_string(port) + path;
}

bool Url::same_origin(const Url &other) const {
  return scheme == other.scheme && host == other.host && port == other.port;
}

std::optional<Url> parse_url(std::string_view text, std::string *error) {
  UrlHandle h = new_handle();
  const std::string copy(text);
  if (CURLUcode rc = curl_url_set(h.get(), CURLUPART_URL, copy.c_str(), 0); rc != CURLUE_OK) {
    set_error(error, std::string("invalid URL: ") + curl_url_strerror(rc));
    return std::nullopt;
  }
  return extract(h.get(), error);
}

std::optional<Url> resolve_url(const Url &base, std::string_view reference, std::string *error) {
  UrlHandle h = new_handle();
  const std::string copy(reference);
  CURLUcode rc = curl_url_set(h.get(), CURLUPART_URL, base.text.c_str(), 0);
  if (rc == CURLUE_OK) rc = curl_url_set(h.get(), CURLUPART_URL, copy.c_str(), 0);
  if (rc != CURLUE_OK) {
    set_error(error, std::string("invalid URL: ") + curl_url_strerror(rc));
    return std::nullopt;
  }
  return extract(h.get(), error);
}

Url with_query_param(const Url &url, std::string_view key, std::string_view value) {
  UrlHandle h = new_handle();
  const std::string pair = url_escape(key) + "=" + url_escape(value);
  // Both calls take text that parse_url produced or that url_escape made safe, so they succeed.
  curl_url_set(h.get(), CURLUPART_URL, url.text.c_str(), 0);
  curl_url_set(h.get(), CURLUPART_QUERY, pair.c_str(), CURLU_APPENDQUERY);
  return extract(h.get(), nullptr).value_or(url);
}

bool is_http_url(std::string_view text) {
  auto url = parse_url(text);
  return url && (url->scheme == "http" || url->scheme == "https");
}

std::string url_escape(std::string_view text) {
  // libcurl reads a zero length as "use strlen", and a string_view need not end in NUL.
  if (text.empty()) return {};
  // Since libcurl 7.82 the handle argument is unused, so no easy handle is needed.
  char *raw = text.size() > static_cast<size_t>(std::numeric_limits<int>::max())
                  ? nullptr
                  : curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
  if (!raw) throw std::length_error("value too long to percent-encode");
  std::unique_ptr<char, CurlStringDeleter> owned(raw);
  return std::string(raw);
}

}  // namespace lmp
