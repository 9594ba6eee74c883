// One operation's authorized conversation with Pinterest for one account: a Client plus the
// account's tokens, refreshed ahead of expiry and once after a 401 code 2.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "plugins/pinterest/auth.hpp"
#include "plugins/pinterest/client.hpp"
#include "plugins/pinterest/request.hpp"
#include "plugins/pinterest/settings.hpp"

namespace pinterest {

class Session {
 public:
  Session(letmepost::Call &call, const Settings &settings, TokenKeeper &tokens,
          const TargetRequest &request);

  // Makes sure a usable access token is at hand (refreshing it when it expires within
  // token_refresh_margin_s). Throws pinterest.auth.* errors.
  void authorize();

  // Sends an authorized request (authorize() first when not done yet). A 401 that is not about
  // scopes (code 2, or no code) refreshes the token once and repeats the request.
  Reply api(const std::string &method, const std::string &path,
            const boost::json::object &query = {},
            const std::optional<boost::json::value> &body = std::nullopt);

  // Throws the mapped error object of a failed reply.
  [[noreturn]] void fail_with(const Reply &reply, Subject subject) const;

  // The body of a 2xx reply parsed as JSON; pinterest.unexpected_reply when it is not.
  boost::json::value parse_body(const Reply &reply) const;

  Client &client() { return client_; }
  letmepost::Call &call() { return client_.call(); }
  const Settings &settings() const { return client_.settings(); }
  const Account &account() const { return request_.account; }
  const TargetRequest &request() const { return request_; }

 private:
  Client client_;
  TokenKeeper &tokens_;
  const TargetRequest &request_;
  std::optional<Credentials> creds_;
};

}  // namespace pinterest
