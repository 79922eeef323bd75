// Fingerprint: a digest of content, for telling whether derived data (a cache entry) was made
// from the same inputs. Two independent 64-bit lanes (FNV-1a style and multiply–rotate, over
// 64-bit words) give 128 bits; it detects accidental change, it is no defence against a forger (use
// BLAKE2b for that, as the audit chain does). Each add() is length-prefixed, so ("ab","c") ≠
// ("a","bc").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kontor {

class Fingerprint {
 public:
  Fingerprint& add(std::string_view bytes);
  Fingerprint& add(std::int64_t number);
  // The digest so far as 32 lower-case hex digits.
  std::string hex() const;

 private:
  void mix(std::string_view bytes);
  std::uint64_t a_ = 14695981039346656037ull;  // FNV offset basis
  std::uint64_t b_ = 0x9e3779b97f4a7c15ull;
};

}  // namespace kontor
