#include "core/model/ids.hpp"

#include <openssl/rand.h>

#include <chrono>
#include <mutex>
#include <stdexcept>

namespace lmp {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr size_t kUlidLength = 26;
constexpr size_t kTimeChars = 10;

// The value of one Crockford base32 digit (upper or lower case), or -1.
int digit_value(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  const size_t at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Adds one to a big-endian number; returns false when it wraps around to zero.
bool increment(std::array<uint8_t, 10> &bytes) {
  for (size_t i = bytes.size(); i-- > 0;) {
    if (++bytes[i] != 0) return true;
  }
  return false;
}

struct Generator {
  std::mutex mutex;
  uint64_t last_ms = 0;
  std::array<uint8_t, 10> last_random{};
};

Generator &generator() {
  static Generator g;
  return g;
}

}  // namespace

std::string encode_ulid(uint64_t unix_ms, const std::array<uint8_t, 10> &random) {
  std::string out(kUlidLength, '0');
  for (size_t i = kTimeChars; i-- > 0;) {
    out[i] = kAlphabet[unix_ms & 31];
    unix_ms >>= 5;
  }
  // 80 random bits make exactly 16 characters of 5 bits, read from the most significant bit.
  for (size_t k = 0; k < kUlidLength - kTimeChars; ++k) {
    unsigned value = 0;
    for (size_t bit = k * 5; bit < k * 5 + 5; ++bit) {
      value = (value << 1) | ((random[bit / 8] >> (7 - bit % 8)) & 1u);
    }
    out[kTimeChars + k] = kAlphabet[value];
  }
  return out;
}

std::string new_id(std::string_view prefix) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  uint64_t ms =
      static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()) &
      ((uint64_t{1} << 48) - 1);
  std::array<uint8_t, 10> random{};

  Generator &g = generator();
  {
    std::lock_guard<std::mutex> lock(g.mutex);
    if (ms <= g.last_ms) {
      // Same millisecond, or the clock stepped back: stay after the previous id.
      ms = g.last_ms;
      random = g.last_random;
      if (!increment(random)) ++ms;
    } else if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
      throw std::runtime_error("OpenSSL could not supply random bytes for a new id");
    }
    g.last_ms = ms;
    g.last_random = random;
  }

  std::string id(prefix);
  if (!id.empty()) id += '_';
  id += encode_ulid(ms, random);
  return id;
}

std::optional<uint64_t> id_time_ms(std::string_view id) {
  if (id.size() < kUlidLength) return std::nullopt;
  const std::string_view ulid = id.substr(id.size() - kUlidLength);
  // 26 characters hold 130 bits; a ULID is 128, so the first digit is at most 7.
  if (digit_value(ulid[0]) < 0 || digit_value(ulid[0]) > 7) return std::nullopt;
  uint64_t ms = 0;
  for (size_t i = 0; i < kUlidLength; ++i) {
    const int value = digit_value(ulid[i]);
    if (value < 0) return std::nullopt;
    if (i < kTimeChars) ms = (ms << 5) | static_cast<uint64_t>(value);
  }
  return ms;
}

}  // namespace lmp
