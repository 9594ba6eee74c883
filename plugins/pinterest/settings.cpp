#include "plugins/pinterest/settings.hpp"

#include <algorithm>
#include <cstdint>
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
  int64_t min, max;  // bounds of an integer key
  std::function<void(Settings &, const json::value &)> set;
};

constexpr int64_t kNoMax = INT64_MAX / 1000;  // any larger value would overflow as ms

// A config.* error whose field is the key's path in the YAML.
[[noreturn]] void config_error(const char *code, const std::string &message,
                               const std::string &key) {
  throw letmepost::Error(json::serialize(json::object{{"code", code},
                                                      {"message", message},
                                                      {"field", "platforms.pinterest." + key},
                                                      {"retryable", false},
                                                      {"retryAfterMs", nullptr},
                                                      {"platform", nullptr}}));
}

int64_t bounded(const char *name, const json::value &v, int64_t min, int64_t max) {
  const bool whole = v.is_int64() || (v.is_uint64() && v.get_uint64() <= uint64_t(INT64_MAX));
  const int64_t n = v.is_int64() ? v.get_int64() : whole ? int64_t(v.get_uint64()) : 0;
  if (!whole || n < min || n > max) {
    const std::string range = max == kNoMax
                                  ? " >= " + std::to_string(min)
                                  : " from " + std::to_string(min) + " to " + std::to_string(max);
    config_error("config.invalid_value",
                 "platforms.pinterest." + std::string(name) + " must be a whole number" + range,
                 name);
  }
  return n;
}

Key int_key(const char *name, int64_t Settings::*member, int64_t min, int64_t max,
            const char *description) {
  Key k{name, description, false, min, max, {}};
  k.set = [=](Settings &s, const json::value &v) { s.*member = bounded(name, v, min, max); };
  return k;
}

Key bool_key(const char *name, bool Settings::*member, const char *description) {
  Key k{name, description, true, 0, 1, {}};
  k.set = [=](Settings &s, const json::value &v) {
    if (!v.is_bool()) {
      config_error("config.invalid_value",
                   "platforms.pinterest." + std::string(name) + " must be true or false", name);
    }
    s.*member = v.get_bool();
  };
  return k;
}

const std::vector<Key> &keys() {
  static const std::vector<Key> k = {
      int_key("board_cache_ttl_s", &Settings::board_cache_ttl_s, 0, kNoMax,
              "Seconds a board list stays cached per account."),
      int_key("board_page_size", &Settings::board_page_size, 1, 250,
              "Boards and sections asked for per page (1..250)."),
      int_key("video_poll_deadline_s", &Settings::video_poll_deadline_s, 0, kNoMax,
              "Seconds to wait for a video to process."),
      int_key("video_poll_initial_ms", &Settings::video_poll_initial_ms, 0, kNoMax,
              "First wait between video polls (doubles)."),
      int_key("video_poll_max_ms", &Settings::video_poll_max_ms, 0, kNoMax,
              "Longest wait between video status polls."),
      int_key("http_timeout_ms", &Settings::http_timeout_ms, 1, kNoMax,
              "Timeout of one Pinterest API request."),
      int_key("destination_timeout_ms", &Settings::destination_timeout_ms, 1, kNoMax,
              "Timeout of the destination URL check."),
      int_key("media_check_timeout_ms", &Settings::media_check_timeout_ms, 1, kNoMax,
              "Timeout of the remote image check."),
      int_key("image_sniff_bytes", &Settings::image_sniff_bytes, 16, 16777216,
              "Bytes fetched to sniff a remote image."),
      int_key("max_redirects", &Settings::max_redirects, 0, 20,
              "Redirects followed when checking a URL."),
      bool_key("check_destination", &Settings::check_destination,
               "Check destination URLs in preflight."),
      bool_key("check_media", &Settings::check_media,
               "Check remote images (type, size) in preflight."),
      int_key("token_refresh_margin_s", &Settings::token_refresh_margin_s, 0, kNoMax,
              "Refresh a token this long before expiry."),
      int_key("rate_limit_backoff_ms", &Settings::rate_limit_backoff_ms, 0, kNoMax,
              "Wait suggested after a bare 429."),
      int_key("find_post_max_pages", &Settings::find_post_max_pages, 1, 100,
              "Board pages find_post reads, newest first."),
      int_key("find_post_slack_s", &Settings::find_post_slack_s, 0, kNoMax,
              "Clock skew find_post allows on created_at."),
  };
  return k;
}

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
      config_error(
          "config.unknown_key",
          "unknown key '" + key + "' in platforms.pinterest; did you mean '" + nearest->name + "'?",
          key);
    }
    it->set(s, value);
  }
  return s;
}

json::object settings_schema() {
  json::object props;
  for (const Key &k : keys()) {
    json::object p{{"type", k.is_bool ? "boolean" : "integer"}, {"description", k.description}};
    if (!k.is_bool) {
      p["minimum"] = k.min;
      if (k.max != kNoMax) p["maximum"] = k.max;
    }
    props[k.name] = std::move(p);
  }
  return json::object{
      {"type", "object"}, {"additionalProperties", false}, {"properties", std::move(props)}};
}

}  // namespace pinterest
