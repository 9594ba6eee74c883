// Idempotency-Key on POST requests: a repeat with the same key and body within 24 hours gets the
// first answer again; another body under the same key is a conflict.
#pragma once

#include <functional>
#include <string>

#include "core/httpd/message.hpp"
#include "core/store/store.hpp"

namespace lmp::server {

// How long a key is remembered.
inline constexpr int64_t kIdempotencyTtlMs = 24 * 3600 * 1000;

// Answers `request` with `run`, at most once per (scope, Idempotency-Key): without the header,
// simply run(). With it, a first request runs and its answer (below 500) is stored; a repeat with
// the same body replays that answer (with "Idempotent-Replayed: true"); another body gets 409
// idempotency.key_reused; a repeat while the first is still running gets 409
// idempotency.in_progress. A 5xx answer or an exception forgets the key, so a retry runs again.
httpd::Response idempotent(IdempotencyStore &store, const std::string &scope,
                           const httpd::Request &request,
                           const std::function<httpd::Response()> &run);

// The same, for a request whose body was streamed rather than kept: `body_sha256` is the hex
// SHA-256 of its body, which stands for the body in the comparison.
httpd::Response idempotent(IdempotencyStore &store, const std::string &scope,
                           const httpd::Request &request, const std::string &body_sha256,
                           const std::function<httpd::Response()> &run);

}  // namespace lmp::server
