#include "core/services/http_request_fields.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <limits>

namespace lmp::http_fields {

HttpTransportError bad_request(std::string what) {
  return {http_error_kind::kBadRequest, "invalid http_send request: " + std::move(what)};
}

HttpTransportError io_error(const std::string &path, std::string_view doing, int errno_value) {
  return {http_error_kind::kIo,
          "cannot " + std::string(doing) + " '" + path + "': " + std::strerror(errno_value)};
}

std::optional<std::string> scalar_text(const boost::json::value &v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64() || v.is_uint64() || v.is_double() || v.is_bool()) {
    return boost::json::serialize(v);
  }
  return std::nullopt;
}

std::optional<int64_t> integer(const boost::json::value &v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() &&
      v.get_uint64() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return static_cast<int64_t>(v.get_uint64());
  }
  return std::nullopt;
}

std::optional<std::string> unknown_key(const boost::json::object &object,
                                       std::initializer_list<std::string_view> allowed) {
  for (const auto &kv : object) {
    if (std::find(allowed.begin(), allowed.end(), kv.key()) == allowed.end()) {
      return std::string(kv.key());
    }
  }
  return std::nullopt;
}

bool is_token(std::string_view text) {
  static constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x80 && std::isalnum(u)) || kSpecials.find(c) != std::string_view::npos;
  });
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace lmp::http_fields
