#include "plugins/pinterest/text.hpp"

#include <algorithm>
#include <cctype>

namespace pinterest {

namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// The length of the UTF-8 sequence that starts with lead, or 0 when lead cannot start one.
size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

size_t count_code_points(std::string_view s) {
  size_t count = 0;
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = sequence_length(static_cast<unsigned char>(s[i]));
    bool whole = n > 0 && i + n <= s.size();
    for (size_t k = 1; whole && k < n; ++k) {
      whole = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    i += whole ? n : 1;
    ++count;
  }
  return count;
}

bool is_http_url(std::string_view url) {
  return !url_origin(url).empty();
}

std::string url_origin(std::string_view url) {
  std::string lowered;
  for (size_t i = 0; i < url.size() && i < 8; ++i) lowered += lower(url[i]);
  size_t start = 0;
  if (lowered.rfind("http://", 0) == 0) {
    start = 7;
  } else if (lowered.rfind("https://", 0) == 0) {
    start = 8;
  } else {
    return "";
  }
  const size_t end = url.find_first_of("/?#", start);
  const std::string_view authority =
      url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (authority.empty() || authority.find_first_of(" \t\r\n") != std::string_view::npos) {
    return "";
  }
  // A userinfo part ("user@host") is not part of the origin.
  const size_t at = authority.rfind('@');
  const std::string_view host_port =
      at == std::string_view::npos ? authority : authority.substr(at + 1);
  if (host_port.empty() || host_port.front() == ':') return "";
  return std::string(lowered.substr(0, start)) + std::string(host_port);
}

std::string percent_encode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string query_string(const std::vector<std::pair<std::string, std::string>> &params) {
  std::string out;
  for (const auto &[k, v] : params) {
    if (!out.empty()) out += '&';
    out += percent_encode(k) + "=" + percent_encode(v);
  }
  return out;
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [](char a, char b) { return lower(a) == lower(b); }) != haystack.end();
}

}  // namespace pinterest
