// What the example adapter says about itself, and the error objects it builds. Every code it can
// report is in the "errors" catalog below: the conformance checker holds it to that.
#include <algorithm>
#include <charconv>

#include "webhook.hpp"

namespace webhook {

namespace json = boost::json;

const char *describe_json() {
  return R"({
  "name": "example",
  "displayName": "Example webhook",
  "version": "0.1.0",
  "sdkAbi": "1.0",
  "platforms": ["example"],
  "environments": ["production"],
  "concurrency": "parallel",
  "capabilities": {
    "operations": ["preflight", "publish", "map_error"],
    "text": { "maxChars": 2000 },
    "media": { "image": { "formats": ["jpeg", "png"], "maxBytes": 10485760, "maxCount": 1 } },
    "options": []
  },
  "configSchema": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
      "url": { "type": "string", "description": "The endpoint, used when the account sets no api_base_url." },
      "timeout_ms": { "type": "integer", "minimum": 1000, "description": "Per request; default 30000." }
    }
  },
  "errors": {
    "config.unknown_key": { "retryable": false, "description": "platforms.example has a key the adapter does not know." },
    "config.invalid_value": { "retryable": false, "description": "A key of platforms.example has a value of the wrong type or range." },
    "adapter.invalid_request": { "retryable": false, "description": "The host sent a request the adapter cannot read." },
    "adapter.internal": { "retryable": false, "description": "The adapter failed unexpectedly." },
    "example.url_missing": { "retryable": false, "description": "Neither the account's api_base_url nor platforms.example.url is set." },
    "example.url_invalid": { "retryable": false, "description": "The endpoint is not an http:// or https:// URL." },
    "example.text_too_long": { "retryable": false, "description": "The text is longer than 2000 characters." },
    "example.media_unsupported": { "retryable": false, "description": "A media item is not a local JPEG or PNG image." },
    "example.too_many_media": { "retryable": false, "description": "More than one media item." },
    "example.unauthorized": { "retryable": false, "description": "The endpoint refused the bearer token (401 or 403)." },
    "example.rejected": { "retryable": false, "description": "The endpoint refused the post (another 4xx)." },
    "example.rate_limited": { "retryable": true, "description": "The endpoint answered 429; retry after retryAfterMs." },
    "example.server_error": { "retryable": true, "description": "The endpoint answered 5xx." },
    "example.unreachable": { "retryable": true, "description": "No reply arrived (DNS, connect, TLS, timeout)." },
    "example.bad_reply": { "retryable": false, "description": "A success reply without the JSON {\"id\"} the endpoint promises." }
  }
})";
}

json::object error(std::string_view code, std::string_view message, std::string_view field,
                   int64_t retry_after_ms) {
  const bool retryable = code == "example.rate_limited" || code == "example.server_error" ||
                         code == "example.unreachable";
  json::object e{{"code", code}, {"message", message}, {"retryable", retryable}};
  e["field"] = field.empty() ? json::value() : json::value(field);
  e["retryAfterMs"] = retry_after_ms < 0 ? json::value() : json::value(retry_after_ms);
  e["platform"] = nullptr;
  return e;
}

json::object error_for_reply(int status, std::optional<std::string_view> retry_after,
                             std::string_view body) {
  const std::string said = "The endpoint answered HTTP " + std::to_string(status) + ".";
  // Retry-After in seconds (capped at a day) is honoured on any reply; a 429 without it waits
  // one second.
  int64_t seconds = -1;
  if (retry_after) {
    std::from_chars(retry_after->data(), retry_after->data() + retry_after->size(), seconds);
  }
  seconds = std::min<int64_t>(seconds, 86400);
  const int64_t wait_ms = seconds < 0 ? (status == 429 ? 1000 : -1) : seconds * 1000;
  json::object e;
  if (status == 429) {
    e = error("example.rate_limited", said, {}, wait_ms);
  } else if (status >= 500) {
    e = error("example.server_error", said, {}, wait_ms);
  } else if (status == 401 || status == 403) {
    e = error("example.unauthorized", said + " Check the account's access_token.");
  } else {
    e = error("example.rejected", said);
  }
  json::error_code ec;
  json::value raw = json::parse(body, ec);
  e["platform"] = json::object{{"httpStatus", status},
                               {"code", nullptr},
                               {"message", nullptr},
                               {"requestId", nullptr},
                               {"raw", ec ? json::value(body) : raw}};
  return e;
}

}  // namespace webhook
