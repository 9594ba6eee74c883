// Talking HTTP through the host: the API base URL of an account, request building (bearer
// token, JSON and form bodies, timeouts) and reply capture (status, the headers the adapter reads,
// x-pinterest-rid, rate limits). The adapter never does I/O itself: everything goes through
// letmepost::Call.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "letmepost/adapter.hpp"
#include "plugins/pinterest/error_map.hpp"
#include "plugins/pinterest/rate_limit.hpp"
#include "plugins/pinterest/reply.hpp"
#include "plugins/pinterest/request.hpp"
#include "plugins/pinterest/settings.hpp"

namespace pinterest {

inline constexpr const char *kSandboxApiBase = "https://api-sandbox.pinterest.com/v5";
inline constexpr const char *kProductionApiBase = "https://api.pinterest.com/v5";

// Thrown when the host cancelled the call; the operation then returns LMP_CANCELLED.
struct Cancelled {};

// The API base URL (no trailing slash) for account: apiBaseUrl when set, else its environment's.
std::string api_base_url(const Account &account);

// Sends one http_send request document (abi-json.md) and copies the reply, or the transport
// failure, into a Reply. Throws Cancelled when the host cancelled the call.
Reply send_http(letmepost::Call &call, const boost::json::object &request);

// A Pinterest API client bound to one call and one account's base URL.
class Client {
 public:
  Client(letmepost::Call &call, const Settings &settings, std::string base_url);

  // Sends METHOD base_url + path with the bearer token. query values are strings; body, when
  // given, is sent as JSON (with any {"$base64File": PATH} embedded by the host). Records the
  // rate-limit headers of the reply.
  Reply api(const std::string &method, const std::string &path, const boost::json::object &query,
            const std::optional<boost::json::value> &body, const std::string &access_token);

  // POST base_url/oauth/token with HTTP Basic client authentication and a form body.
  Reply token(const std::vector<std::pair<std::string, std::string>> &form,
              const std::string &client_id, const std::string &client_secret);

  // The error object for a failed reply (the mapper with this call's clock and settings).
  boost::json::object error_for(const Reply &reply, Subject subject) const;

  // The latest rate-limit headers seen from Pinterest in this call, if any.
  const std::optional<RateLimit> &rate_limit() const { return rate_limit_; }

  letmepost::Call &call() { return call_; }
  const Settings &settings() const { return settings_; }
  const std::string &base_url() const { return base_url_; }

 private:
  Reply exchange(const boost::json::object &request, const std::string &what);

  letmepost::Call &call_;
  const Settings &settings_;
  std::string base_url_;
  std::optional<RateLimit> rate_limit_;
};

}  // namespace pinterest
