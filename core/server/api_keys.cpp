#include "core/server/api_keys.hpp"

#include <openssl/crypto.h>

#include <algorithm>

#include "core/httpd/message.hpp"
#include "core/util/sha256.hpp"

namespace lmp::server {

const ApiKeyConfig *ApiKeys::authenticate(std::string_view authorization) const {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size() ||
      !httpd::iequals(authorization.substr(0, kScheme.size()), kScheme)) {
    return nullptr;
  }
  const std::string hash = sha256_hex(authorization.substr(kScheme.size()));
  const ApiKeyConfig *found = nullptr;
  // No early exit: every configured hash is compared.
  for (const ApiKeyConfig &k : keys_) {
    if (k.key_sha256.size() == hash.size() &&
        CRYPTO_memcmp(k.key_sha256.data(), hash.data(), hash.size()) == 0) {
      found = &k;
    }
  }
  return found;
}

bool key_allows(const ApiKeyConfig &key, std::string_view account_id) {
  return std::find(key.accounts.begin(), key.accounts.end(), account_id) != key.accounts.end();
}

}  // namespace lmp::server
