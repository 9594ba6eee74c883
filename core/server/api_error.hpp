// Failures of the HTTP API: an HTTP status with the error envelope of interfaces.md.
#pragma once

#include <string>

#include "core/httpd/message.hpp"
#include "core/model/error.hpp"

namespace lmp::server {

// Thrown by a handler to answer `status` with {"error": error}.
struct ApiError {
  int status;
  Error error;
};

// {"error": e} with the given status.
httpd::Response error_response(int status, const Error &e);

// 404 api.not_found naming what was not found, e.g. "post 'post_1'". Also what another API key's
// post or account gets, so ids do not leak.
ApiError not_found(const std::string &what);

// 400 api.bad_request naming the parameter and what was wrong.
ApiError bad_request(const std::string &field, const std::string &message);

}  // namespace lmp::server
