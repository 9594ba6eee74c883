// Bytes as lowercase hex, the form digests and signatures take in the config, the state database
// and webhook headers.
#pragma once

#include <boost/algorithm/hex.hpp>
#include <cstddef>
#include <iterator>
#include <string>

namespace lmp {

// The lowercase hex of the `size` bytes at `data`: two digits per byte.
inline std::string hex_lower(const unsigned char *data, std::size_t size) {
  std::string hex;
  hex.reserve(2 * size);
  boost::algorithm::hex_lower(data, data + size, std::back_inserter(hex));
  return hex;
}

}  // namespace lmp
