#include "core/server/api_error.hpp"

namespace lmp::server {

httpd::Response error_response(int status, const Error &e) {
  return httpd::Response::json(status, e.envelope());
}

ApiError not_found(const std::string &what) {
  return ApiError{404, make_error("api.not_found", "No " + what + ".")};
}

ApiError bad_request(const std::string &field, const std::string &message) {
  return ApiError{400, make_error("api.bad_request", message, field)};
}

}  // namespace lmp::server
