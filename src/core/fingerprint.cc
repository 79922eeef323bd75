#include "core/fingerprint.h"

#include <bit>
#include <cstdio>
#include <cstring>

namespace kontor {

// Eight bytes at a time (the bulk of a multi-megabyte input costs a few milliseconds), the
// tail byte by byte.
void Fingerprint::mix(std::string_view bytes) {
  std::uint64_t a = a_, b = b_;
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    a = (a ^ w) * 1099511628211ull;
    a ^= a >> 29;
    b = std::rotl((b + w) * 0xff51afd7ed558ccdull, 23);
  }
  for (; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    a = (a ^ c) * 1099511628211ull;
    b = std::rotl((b + c) * 0xff51afd7ed558ccdull, 23);
  }
  a_ = a, b_ = b;
}

Fingerprint& Fingerprint::add(std::string_view bytes) {
  add(static_cast<std::int64_t>(bytes.size()));
  mix(bytes);
  return *this;
}

Fingerprint& Fingerprint::add(std::int64_t number) {
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((number >> (8 * i)) & 0xFF);
  mix(std::string_view(bytes, 8));
  return *this;
}

std::string Fingerprint::hex() const {
  char out[33];
  std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(a_),
                static_cast<unsigned long long>(b_));
  return out;
}

}  // namespace kontor
