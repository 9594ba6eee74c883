#include "plugins/pinterest/describe.hpp"

#include <boost/json.hpp>
#include <string>

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/limits.hpp"
#include "plugins/pinterest/settings.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

std::string build() {
  json::object errors;
  for (const auto &e : catalog()) {
    errors[e.code] = json::object{{"retryable", e.retryable}, {"description", e.description}};
  }
  json::object capabilities{
      {"operations",
       json::array{"preflight", "upload_media", "publish", "map_error", "list_destinations",
                   "connect_begin", "connect_finish", "find_post", "delete_post", "check_account",
                   "refresh_credentials"}},
      {"text", json::object{{"maxChars", 500}}},
      {"title", json::object{{"maxChars", 100}}},
      {"altText", json::object{{"maxChars", 500}}},
      {"link", json::object{{"maxChars", 2048}, {"schemes", json::array{"http", "https"}}}},
      {"media",
       json::object{
           {"image", json::object{{"formats", json::array{"jpeg", "png", "webp"}},
                                  {"base64Formats", json::array{"jpeg", "png"}},
                                  {"maxBytes", 10 * 1024 * 1024},
                                  {"carousel", json::object{{"min", 2}, {"max", 5}}}}},
           {"video", json::object{{"formats", json::array{"mp4", "mov", "m4v"}},
                                  {"codecs", json::array{"h264", "hevc"}},
                                  {"maxBytes", limits::kVideoBytes},
                                  {"minDurationMs", limits::kVideoMinMs},
                                  {"maxDurationMs", limits::kVideoMaxMs},
                                  {"aspectRatio", json::object{{"min", 0.5}, {"max", 1.91}}},
                                  {"local", true},
                                  {"coverFormats", json::array{"jpeg", "png"}}}},
       }},
      {"options",
       json::array{"boardId", "boardName", "boardSectionId", "title", "destinationUrl", "altText"}},
  };
  json::object d{{"name", "pinterest"},
                 {"displayName", "Pinterest"},
                 {"version", "0.1.0"},
                 {"sdkAbi", "1.0"},
                 {"platforms", json::array{"pinterest"}},
                 {"environments", json::array{"sandbox", "production"}},
                 {"concurrency", "parallel"},
                 {"capabilities", std::move(capabilities)},
                 {"configSchema", settings_schema()},
                 {"errors", std::move(errors)}};
  return json::serialize(d);
}

}  // namespace

const char *describe_json() {
  static const std::string text = build();
  return text.c_str();
}

}  // namespace pinterest
