#include "plugins/pinterest/settings.hpp"

#include <algorithm>
#include <functional>
#include <vector>

#include "letmepost/adapter.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

struct Key {
  const char *name;
  const char *description;
  bool is_bool;
  std::function<void(Settings &, const json::value &)> set;
};

int64_t positive(const char *name, const json::value &v) {
  if (!v.is_int64() || v.get_int64() < 0) {
    throw letmepost::Error(
        "{\"code\":\"config.invalid_value\",\"message\":" +
        letmepost::json_quote(std::string(name) + " must be a whole number >= 0") +
        ",\"field\":" + letmepost::json_quote(name) + ",\"retryable\":false}");
  }
  return v.get_int64();
}

#define LMP_INT_KEY(member, text)                                                   \
  {                                                                                 \
#member, text, false,                                                           \
        [](Settings & s, const json::value &v) { s.member = positive(#member, v); } \
  }

const std::vector<Key> &keys() {
  static const std::vector<Key> k = {
      LMP_INT_KEY(board_cache_ttl_s, "Seconds a board list stays cached per account."),
      LMP_INT_KEY(video_poll_deadline_s, "Seconds to wait for Pinterest to process a video."),
      LMP_INT_KEY(video_poll_initial_ms, "First wait between video status polls (doubles)."),
      LMP_INT_KEY(video_poll_max_ms, "Longest wait between video status polls."),
      LMP_INT_KEY(http_timeout_ms, "Timeout of one Pinterest API request."),
      LMP_INT_KEY(destination_timeout_ms, "Timeout of the destination URL check."),
      LMP_INT_KEY(max_redirects, "Redirects followed when checking a URL."),
      LMP_INT_KEY(token_refresh_margin_s, "Refresh an access token this long before it expires."),
      {"check_destination", "Check destination URLs in preflight.", true,
       [](Settings &s, const json::value &v) {
         if (!v.is_bool()) {
           throw letmepost::Error(
               R"({"code":"config.invalid_value","message":"check_destination must be true or false","field":"check_destination","retryable":false})");
         }
         s.check_destination = v.get_bool();
       }},
  };
  return k;
}
#undef LMP_INT_KEY

size_t edit_distance(const std::string &a, const std::string &b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

Settings parse_settings(const json::object &section) {
  Settings s;
  for (const auto &[name, value] : section) {
    const std::string key(name);
    auto it =
        std::find_if(keys().begin(), keys().end(), [&](const Key &k) { return key == k.name; });
    if (it == keys().end()) {
      const Key *nearest = &keys().front();
      for (const Key &k : keys()) {
        if (edit_distance(key, k.name) < edit_distance(key, nearest->name)) nearest = &k;
      }
      throw letmepost::Error("{\"code\":\"config.unknown_key\",\"message\":" +
                             letmepost::json_quote("unknown key '" + key +
                                                   "' in platforms.pinterest; did you mean '" +
                                                   nearest->name + "'?") +
                             ",\"field\":" + letmepost::json_quote(key) + ",\"retryable\":false}");
    }
    it->set(s, value);
  }
  return s;
}

json::object settings_schema() {
  json::object props;
  for (const Key &k : keys()) {
    props[k.name] =
        json::object{{"type", k.is_bool ? "boolean" : "integer"}, {"description", k.description}};
  }
  return json::object{
      {"type", "object"}, {"additionalProperties", false}, {"properties", std::move(props)}};
}

}  // namespace pinterest
