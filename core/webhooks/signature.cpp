#include "core/webhooks/signature.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "core/util/hex.hpp"

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
  return "t=" + t + ",v1=" + hex_lower(mac, len);
}

}  // namespace lmp
