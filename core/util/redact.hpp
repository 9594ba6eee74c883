// Secret redaction for everything letmepost writes where a person or a file may read it: log
// lines, error messages, printed JSON. One process-wide registry, safe to use from any thread.
#pragma once

#include <string>
#include <string_view>

namespace lmp {

// The text that replaces a secret.
inline constexpr std::string_view kRedactedMark = "[REDACTED]";

// Adds `secret` to the registry, so that redact() hides it from now on, for the life of the
// process. Values shorter than 6 characters are ignored (too likely to match ordinary text);
// registering the same value twice is harmless.
void register_secret(std::string_view secret);

// Returns `text` with every registered secret replaced by kRedactedMark. Also hides, registered
// or not, the credentials after "Bearer " and "Basic " (any case), and the value after the names
// access_token, refresh_token, client_secret, accessToken, refreshToken and clientSecret when
// followed by "=" or ":" (query strings, form bodies, JSON, escaped JSON inside JSON strings).
// Idempotent: redact(redact(t)) == redact(t).
std::string redact(std::string_view text);

}  // namespace lmp
