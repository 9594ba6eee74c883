// URLs as libcurl's URL API (CURLU) reads them: the one parser the HTTP client and the SSRF guard
// share, so what is checked is exactly what libcurl connects to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lmp {

// An absolute URL, normalized by libcurl.
struct Url {
  std::string text;           // the whole normalized URL, handed to libcurl as is
  std::string scheme;         // lower-case, e.g. "https"
  std::string host;           // as libcurl resolves it: punycode, IPv4 normalized, no IPv6 brackets
  bool ipv6_literal = false;  // host is an IPv6 address (written in brackets in `text`)
  uint16_t port = 0;          // the explicit port, else the scheme's default
  std::string path;           // starts with "/"
  std::string query;          // without the "?"; empty when there is none

  // The host as it appears in a URL authority: IPv6 literals in brackets.
  std::string host_for_authority() const;
  // scheme://host:port/path, without user info, query or fragment: safe for messages and logs.
  std::string redacted() const;
  // Whether both URLs have the same scheme, host and port.
  bool same_origin(const Url &other) const;
};

// Parses an absolute URL. On failure returns nullopt and, if `error` is given, says why (the
// message never repeats the URL, which may hold credentials).
std::optional<Url> parse_url(std::string_view text, std::string *error = nullptr);

// Resolves `reference` (absolute or relative, e.g. a Location header) against `base`.
std::optional<Url> resolve_url(const Url &base, std::string_view reference,
                               std::string *error = nullptr);

// Returns `url` with "key=value" appended to its query, both percent-encoded by libcurl (throws
// as url_escape does).
Url with_query_param(const Url &url, std::string_view key, std::string_view value);

// Whether `text` parses as an absolute http:// or https:// URL with a host.
bool is_http_url(std::string_view text);

// Percent-encodes every byte but ALPHA / DIGIT / "-._~" (curl_easy_escape). Throws
// std::length_error when libcurl refuses the input for its size (over 8 MB).
std::string url_escape(std::string_view text);

}  // namespace lmp
