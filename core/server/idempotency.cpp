#include "core/server/idempotency.hpp"

#include "core/model/error.hpp"
#include "core/server/api_error.hpp"
#include "core/services/clock.hpp"
#include "core/util/sha256.hpp"

namespace lmp::server {

namespace {

// Request ids in bodies are not part of what was asked: the hash covers the method, path and
// body (by its hash, so that a streamed body compares like a kept one).
std::string request_hash(const httpd::Request &request, const std::string &body_sha256) {
  return sha256_hex(request.method + ' ' + request.path + '\n' + body_sha256);
}

}  // namespace

httpd::Response idempotent(IdempotencyStore &store, const std::string &scope,
                           const httpd::Request &request,
                           const std::function<httpd::Response()> &run) {
  if (!request.has_header("Idempotency-Key")) return run();
  return idempotent(store, scope, request, sha256_hex(request.body), run);
}

httpd::Response idempotent(IdempotencyStore &store, const std::string &scope,
                           const httpd::Request &request, const std::string &body_sha256,
                           const std::function<httpd::Response()> &run) {
  if (!request.has_header("Idempotency-Key")) return run();
  const std::string key = request.header("Idempotency-Key");
  if (key.empty() || key.size() > 255) {
    throw bad_request("Idempotency-Key", "Idempotency-Key must be 1 to 255 characters.");
  }
  const std::string hash = request_hash(request, body_sha256);
  const int64_t now = host_clock().now_unix_ms();
  if (auto held = store.claim(scope, key, hash, now, now + kIdempotencyTtlMs)) {
    if (held->request_sha256 != hash) {
      throw ApiError{409, make_error("idempotency.key_reused",
                                     "Idempotency-Key '" + key +
                                         "' was used for another request in the last 24 hours.",
                                     std::string("Idempotency-Key"))};
    }
    if (!held->status_code) {
      throw ApiError{
          409, make_error("idempotency.in_progress",
                          "The first request with Idempotency-Key '" + key + "' is still running.",
                          std::string("Idempotency-Key"), true)};
    }
    httpd::Response replay;
    replay.status = *held->status_code;
    replay.body = held->response_json;
    replay.set_header("Content-Type", "application/json");
    replay.set_header("Idempotent-Replayed", "true");
    return replay;
  }
  httpd::Response response;
  try {
    response = run();
  } catch (...) {
    store.release(scope, key);
    throw;
  }
  if (response.status >= 500) {
    store.release(scope, key);
  } else {
    store.complete(scope, key, response.status, response.body, std::nullopt);
  }
  return response;
}

}  // namespace lmp::server
