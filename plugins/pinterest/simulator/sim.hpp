// What every route handler works with: the simulator's state and services (Sim) and the
// request being answered (Call).
#pragma once

#include <map>
#include <string>

#include <boost/json/value.hpp>

#include "core/httpd/server.hpp"
#include "plugins/pinterest/simulator/clock.hpp"
#include "plugins/pinterest/simulator/faults.hpp"
#include "plugins/pinterest/simulator/options.hpp"
#include "plugins/pinterest/simulator/rate_limits.hpp"
#include "plugins/pinterest/simulator/request_log.hpp"
#include "plugins/pinterest/simulator/state.hpp"

namespace lmp::sim {

// The simulator's services, shared by all handlers (each is thread-safe, or guarded by
// State::mutex).
struct Sim {
  Sim(SimOptions options, const Fixtures &fixtures);

  // A fresh x-pinterest-rid value.
  std::string new_request_id();
  // The upload URL of the S3-style endpoint.
  std::string upload_url() const { return base_url + kUploadPath; }

  static constexpr const char *kUploadPath = "/s3/pinterest-media-upload/";

  SimOptions options;
  SimClock clock;
  State state;
  RequestLog log;
  Faults faults;
  RateLimiter rate_limits;
  std::string base_url;     // "http://127.0.0.1:PORT", set before serving starts
  std::string signing_key;  // random per run; signs upload policies
};

// The request being answered.
struct Call {
  Sim &sim;
  const httpd::Request &request;
  std::map<std::string, std::string> params;  // the route pattern's {name} segments
  std::string rid;                            // this reply's x-pinterest-rid
  const User *user = nullptr;                 // the bearer token's user, for routes that need one

  // The path parameter `name` ("" if absent).
  std::string param(const std::string &name) const;
};

// A streamed request body whose handler can say what the request log should show of it.
class LoggedBodyStream : public httpd::BodyStream {
 public:
  // The body as the request log shows it (credentials redacted).
  virtual boost::json::value log_body() const = 0;
};

}  // namespace lmp::sim
