#include "core/util/redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <shared_mutex>
#include <utility>
#include <vector>

namespace lmp {

namespace {

constexpr size_t kMinSecretLength = 6;

// Authorization schemes whose following token is a credential.
constexpr std::array<std::string_view, 2> kAuthSchemes = {"bearer ", "basic "};
// Names whose value (after "=" or ":") is a credential; matched in any case.
constexpr std::array<std::string_view, 6> kSecretNames = {"access_token",  "refresh_token",
                                                          "client_secret", "accesstoken",
                                                          "refreshtoken",  "clientsecret"};

struct Registry {
  std::shared_mutex mutex;
  std::vector<std::string> secrets;
};

// Never destroyed, so threads that log during static destruction still find it.
Registry &registry() {
  static Registry *r = new Registry;
  return *r;
}

// [begin, end) byte ranges of `text` to hide.
using Spans = std::vector<std::pair<size_t, size_t>>;

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Position of `needle` (lower-case) in `text` at or after `from`, ignoring case; npos if none.
size_t find_ci(std::string_view text, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (lower(text[i]) != needle[0]) continue;
    size_t j = 1;
    while (j < needle.size() && lower(text[i + j]) == needle[j]) ++j;
    if (j == needle.size()) return i;
  }
  return std::string_view::npos;
}

void add_registered(std::string_view text, Spans &spans) {
  Registry &r = registry();
  std::shared_lock lock(r.mutex);
  for (const std::string &s : r.secrets) {
    for (size_t pos = text.find(s); pos != std::string_view::npos; pos = text.find(s, pos + 1)) {
      spans.emplace_back(pos, pos + s.size());
    }
  }
}

// RFC 7235 token68: the shape of a Bearer or Basic credential.
bool is_token68_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("-._~+/=").find(c) != std::string_view::npos;
}

void add_auth_credentials(std::string_view text, Spans &spans) {
  for (std::string_view scheme : kAuthSchemes) {
    for (size_t pos = find_ci(text, scheme, 0); pos != std::string_view::npos;
         pos = find_ci(text, scheme, pos + 1)) {
      if (pos > 0 && is_word_char(text[pos - 1])) continue;
      size_t begin = pos + scheme.size(), end = begin;
      while (end < text.size() && is_token68_char(text[end])) ++end;
      if (end > begin) spans.emplace_back(begin, end);
    }
  }
}

// The first position at or after `i` that holds none of `chars`.
size_t skip(std::string_view text, size_t i, std::string_view chars) {
  while (i < text.size() && chars.find(text[i]) != std::string_view::npos) ++i;
  return i;
}

// The span of the value after a secret name ending at `i`: `name=v`, `name: v`, `"name":"v"`,
// `\"name\":\"v\"`. Empty when no value follows.
std::pair<size_t, size_t> value_after_name(std::string_view text, size_t i) {
  i = skip(text, i, "\\\"' ");
  if (i >= text.size() || (text[i] != '=' && text[i] != ':')) return {i, i};
  i = skip(text, i + 1, " ");
  const size_t quoted_at = skip(text, i, "\\");
  const bool quoted =
      quoted_at < text.size() && (text[quoted_at] == '"' || text[quoted_at] == '\'');
  const size_t begin = quoted ? quoted_at + 1 : i;
  const std::string_view stop = quoted ? "\"'\\" : "&\"'\\ \t\r\n,;<>()[]{}";
  size_t end = begin;
  while (end < text.size() && stop.find(text[end]) == std::string_view::npos) ++end;
  return {begin, end};
}

void add_named_values(std::string_view text, Spans &spans) {
  for (std::string_view name : kSecretNames) {
    for (size_t pos = find_ci(text, name, 0); pos != std::string_view::npos;
         pos = find_ci(text, name, pos + 1)) {
      auto [begin, end] = value_after_name(text, pos + name.size());
      // "null" is JSON's absent value, not a secret.
      if (end > begin && text.substr(begin, end - begin) != "null") spans.emplace_back(begin, end);
    }
  }
}

}  // namespace

void register_secret(std::string_view secret) {
  if (secret.size() < kMinSecretLength) return;
  Registry &r = registry();
  std::unique_lock lock(r.mutex);
  if (std::find(r.secrets.begin(), r.secrets.end(), secret) != r.secrets.end()) return;
  r.secrets.emplace_back(secret);
}

std::string redact(std::string_view text) {
  Spans spans;
  add_registered(text, spans);
  add_auth_credentials(text, spans);
  add_named_values(text, spans);
  if (spans.empty()) return std::string(text);
  std::sort(spans.begin(), spans.end());
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (auto [begin, end] : spans) {
    if (end <= copied) continue;
    if (begin >= copied) {
      out.append(text.substr(copied, begin - copied));
      out.append(kRedactedMark);
    }
    copied = end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace lmp
