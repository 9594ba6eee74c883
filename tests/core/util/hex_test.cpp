// hex_lower, and the SHA-256 digests built on it, against known values.
#include <catch2/catch.hpp>

#include "core/util/hex.hpp"
#include "core/util/sha256.hpp"

TEST_CASE("hex_lower writes two lowercase digits per byte", "[util]") {
  const unsigned char bytes[] = {0x00, 0x0f, 0xa5, 0xff, 0x10};
  CHECK(lmp::hex_lower(bytes, sizeof bytes) == "000fa5ff10");
  CHECK(lmp::hex_lower(bytes, 0).empty());
}

TEST_CASE("SHA-256 digests are lowercase hex, whole or piece by piece", "[util]") {
  // FIPS 180-2's "abc" and the empty message.
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  CHECK(lmp::sha256_hex("abc") == abc);
  CHECK(lmp::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  lmp::Sha256 pieces;
  pieces.update("a");
  pieces.update("bc");
  CHECK(pieces.hex_digest() == abc);
}
