// The signature on each webhook delivery, so receivers can tell the host sent it
// (docs/webhooks.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lmp {

// The header that carries the signature.
inline constexpr const char *kWebhookSignatureHeader = "Letmepost-Signature";

// The Letmepost-Signature value "t=<unix_s>,v1=<hex>", where hex is the lowercase
// HMAC-SHA256, keyed by `secret`, of "<unix_s>.<body>". Throws std::runtime_error if OpenSSL
// fails.
std::string webhook_signature(std::string_view secret, int64_t unix_s, std::string_view body);

}  // namespace lmp
