// Currency: an ISO 4217 alphabetic code with its minor unit (JPY 0, USD 2, KWD 3). The codes
// and minor units come from the reference data (refdata::CurrencyTable); this is the value type.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kontor {

class Currency {
 public:
  Currency() = default;
  // `code` must be three ASCII capitals, `minor_unit` in [0, 4].
  static StatusOr<Currency> make(std::string_view code, int minor_unit);

  std::string_view code() const { return {code_.data(), 3}; }
  int minor_unit() const { return minor_unit_; }
  bool valid() const { return code_[0] != 0; }

  // One 32-bit comparison: every Money operation checks its currencies.
  friend bool operator==(const Currency& a, const Currency& b) {
    return std::bit_cast<std::uint32_t>(a.code_) == std::bit_cast<std::uint32_t>(b.code_);
  }

 private:
  std::array<char, 4> code_{};
  int minor_unit_ = 2;
};

}  // namespace kontor
