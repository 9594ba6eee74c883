// The few cryptographic and encoding helpers the simulator needs, on OpenSSL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lmp::sim {

// Standard base64 (with padding) of `bytes`.
std::string base64_encode(std::string_view bytes);
// Decodes standard base64 (length a multiple of 4, '=' padding only at the end). nullopt when
// `text` is not exactly that (no whitespace, no "data:" prefix, no URL-safe alphabet).
std::optional<std::string> base64_decode(std::string_view text);
// Lowercase hex of `bytes`.
std::string hex(std::string_view bytes);
// HMAC-SHA256 of `data` under `key`, as lowercase hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// `n` random bytes from OpenSSL's CSPRNG.
std::string random_bytes(std::size_t n);
// A random token of `n` characters from [a-zA-Z0-9].
std::string random_token(std::size_t n);

// Compares two secrets in time independent of where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace lmp::sim
