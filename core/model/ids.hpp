// Identifiers for posts, media and other stored records: a prefix and a ULID, so that ids sort
// in creation order (pagination by id) and never collide across processes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lmp {

// Returns "<prefix>_<ULID>", e.g. new_id("post") == "post_01JD8X3Q2V7K9M4N5P6R7S8T9V", or the bare
// ULID when `prefix` is empty. The ULID is 26 Crockford base32 characters: 48 bits of Unix time in
// milliseconds then 80 random bits from OpenSSL's RAND_bytes. Ids made in this process are
// strictly increasing (within one millisecond, or if the clock steps back, the previous id's
// random part plus one), so for one prefix, string order is creation order. Thread-safe. Throws
// std::runtime_error if OpenSSL cannot supply random bytes.
std::string new_id(std::string_view prefix);

// The 26-character ULID for `unix_ms` (the low 48 bits) and the 80-bit `random` part (big-endian).
std::string encode_ulid(uint64_t unix_ms, const std::array<uint8_t, 10> &random);

// The creation time, in Unix milliseconds, of an id made by new_id (with or without its prefix),
// or nullopt when its last 26 characters are not a ULID.
std::optional<uint64_t> id_time_ms(std::string_view id);

}  // namespace lmp
