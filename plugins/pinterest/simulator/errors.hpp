// Error replies in Pinterest's envelope ({"code", "message"}) and in S3's XML.
#pragma once

#include <stdexcept>
#include <string>

#include "core/httpd/message.hpp"

namespace lmp::sim {

// A Pinterest error a route handler throws; the dispatcher turns it into the reply.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, int code, const std::string &message)
      : std::runtime_error(message), status(status), code(code) {}
  int status;
  int code;
};

// {"code": code, "message": message} with `status`.
httpd::Response pinterest_error(int status, int code, const std::string &message);

// An S3 error document (<Error><Code>...) with `status` and Content-Type application/xml.
httpd::Response s3_error(int status, const std::string &code, const std::string &message,
                         const std::string &request_id);

// The texts Pinterest uses, kept in one place (REFERENCE.md §6).
namespace msg {
inline constexpr const char *kAuthFailed = "Authentication failed.";
inline constexpr const char *kRateLimited =
    "This request exceeded a rate limit. This can be caused by a user making too many requests "
    "in a short time. Try again later.";
inline constexpr const char *kTrialProduction =
    "Apps with Trial access may not create Pins in production https://api.pinterest.com - use "
    "API Sandbox https://api-sandbox.pinterest.com instead.";
}  // namespace msg

}  // namespace lmp::sim
