// The example adapter's shared pieces: its description, its error catalog and how a reply from
// the webhook endpoint becomes an error object. The operations themselves are in webhook.cpp.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace webhook {

// The adapter's describe_json document (NUL-terminated, static).
const char *describe_json();

// An error object (adapter.h convention 8) with one of the catalog's codes. field names the
// place in the request ("text", "media[0]"), or is empty for none; retry_after_ms < 0 for none.
boost::json::object error(std::string_view code, std::string_view message,
                          std::string_view field = {}, int64_t retry_after_ms = -1);

// The error object for an endpoint reply that was not a success: 429 and 5xx are retryable
// (with retryAfterMs from a Retry-After in seconds; a 429 without one waits 1 s), 401/403 are
// credential problems, any other status is a rejection. body is kept as platform.raw (the endpoint
// never echoes tokens).
boost::json::object error_for_reply(int status, std::optional<std::string_view> retry_after,
                                    std::string_view body);

}  // namespace webhook
