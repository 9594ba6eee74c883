#include "core/httpd/message.hpp"

#include <boost/json/serialize.hpp>

namespace lmp::httpd {

namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const std::string *find_header(const HeaderList &headers, std::string_view name) {
  for (const auto &[key, value] : headers) {
    if (iequals(key, name)) return &value;
  }
  return nullptr;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string url_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', digits[c >> 4], digits[c & 15]};
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view item = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (item.empty()) continue;
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) {
      out.emplace_back(url_decode(item), "");
    } else {
      out.emplace_back(url_decode(item.substr(0, eq)), url_decode(item.substr(eq + 1)));
    }
  }
  return out;
}

std::string Request::header(std::string_view name) const {
  const std::string *value = find_header(headers, name);
  return value ? *value : std::string{};
}

bool Request::has_header(std::string_view name) const {
  return find_header(headers, name) != nullptr;
}

std::map<std::string, std::string> Request::query_params() const {
  std::map<std::string, std::string> out;
  for (auto &[key, value] : parse_form(query)) out[key] = std::move(value);
  return out;
}

Response Response::json(int status, const boost::json::value &value) {
  return text(status, boost::json::serialize(value), "application/json");
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers.emplace_back("Content-Type", std::move(content_type));
  return response;
}

Response &Response::set_header(std::string name, std::string value) {
  std::erase_if(headers, [&](const auto &h) { return iequals(h.first, name); });
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::string Response::header(std::string_view name) const {
  const std::string *value = find_header(headers, name);
  return value ? *value : std::string{};
}

}  // namespace lmp::httpd
