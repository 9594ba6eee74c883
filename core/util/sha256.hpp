// SHA-256 of bytes, as the lowercase hex the config, the state database and the media library
// use to name and compare content.
#pragma once

#include <string>
#include <string_view>

namespace lmp {

// The lowercase hex SHA-256 of data (OpenSSL). Throws std::runtime_error if OpenSSL fails.
std::string sha256_hex(std::string_view data);

}  // namespace lmp
