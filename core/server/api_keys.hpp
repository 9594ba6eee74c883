// The API keys of the config (hashes only), and which one a request's Authorization names.
#pragma once

#include <string_view>
#include <vector>

#include "core/config/config.hpp"

namespace lmp::server {

class ApiKeys {
 public:
  // REQUIRES: `keys` outlives this object.
  explicit ApiKeys(const std::vector<ApiKeyConfig> &keys) : keys_(keys) {}

  // The key an "Authorization: Bearer KEY" header value names, or nullptr when the header is
  // missing, malformed or names no configured key. The key's hash is compared with every
  // configured hash in constant time, so timing tells nothing about the stored hashes.
  const ApiKeyConfig *authenticate(std::string_view authorization) const;

 private:
  const std::vector<ApiKeyConfig> &keys_;
};

// Whether `key` may use the account with this id.
bool key_allows(const ApiKeyConfig &key, std::string_view account_id);

}  // namespace lmp::server
