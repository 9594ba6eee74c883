#include "core/webhooks/signature.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace lmp {

std::string webhook_signature(std::string_view secret, int64_t unix_s, std::string_view body) {
  const std::string t = std::to_string(unix_s);
  std::string signed_text = t + "." + std::string(body);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
           reinterpret_cast<const unsigned char *>(signed_text.data()), signed_text.size(), mac,
           &len) == nullptr) {
    throw std::runtime_error("OpenSSL could not compute a webhook signature");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) {
    hex += kHex[mac[i] >> 4];
    hex += kHex[mac[i] & 0xF];
  }
  return "t=" + t + ",v1=" + hex;
}

}  // namespace lmp
