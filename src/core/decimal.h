// Decimal: an exact decimal number, a 128-bit integer mantissa scaled by 10^-scale. Kontor's
// only number type for money, rates and quantities; binary floating point never touches them.
//
// Addition, subtraction and multiplication are exact (a product keeps every digit up to
// kMaxScale fractional digits; beyond that, which money × rate never reaches, it is rounded
// half-even at the 18th digit). Division and rounding are explicit: the caller names the scale
// and the RoundingMode, so every rounding in the code points at the rule that demands it.
// Magnitudes are bounded by kMaxDigits integer digits at parse time; arithmetic that would
// overflow 128 bits is a programming error (KONTOR_CHECK), not silent wrap-around.
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kontor {

enum class RoundingMode {
  kHalfUp,    // ties away from zero: 2.345 -> 2.35, -2.345 -> -2.35 (commercial rounding)
  kHalfEven,  // ties to the even neighbour: 2.345 -> 2.34, 2.355 -> 2.36 (banker's)
  kDown,      // toward zero (truncate)
  kUp,        // away from zero
  kFloor,     // toward negative infinity
  kCeiling,   // toward positive infinity
};

std::string_view rounding_mode_name(RoundingMode mode);

class Decimal {
 public:
  using Mantissa = __int128;
  static constexpr int kMaxScale = 18;
  static constexpr int kMaxDigits = 18;  // significant integer digits accepted by parse()

  constexpr Decimal() = default;
  // An integer.
  constexpr Decimal(std::int64_t units) : mantissa_(units), scale_(0) {}  // NOLINT: implicit
  // mantissa × 10^-scale, e.g. from_scaled(1234, 2) == 12.34.
  static Decimal from_scaled(Mantissa mantissa, int scale);

  // Strict parse of "-12.345", "+7", "0.5"; ".5", "5.", exponents and separators are rejected.
  static StatusOr<Decimal> parse(std::string_view text);

  Mantissa mantissa() const { return mantissa_; }
  int scale() const { return scale_; }
  bool is_zero() const { return mantissa_ == 0; }
  bool is_negative() const { return mantissa_ < 0; }
  int sign() const { return mantissa_ < 0 ? -1 : (mantissa_ > 0 ? 1 : 0); }

  // Plain decimal text with exactly scale() fractional digits: "12.340", "-0.5", "7".
  std::string to_string() const;
  // Text with trailing fractional zeros removed: 12.340 -> "12.34", 7.00 -> "7".
  std::string to_plain_string() const;
  // The same value with trailing fractional zeros removed (scale as small as possible).
  Decimal normalized() const;
  // The same value at a larger scale (exact); a smaller scale needs rounded().
  Decimal with_scale_at_least(int scale) const;

  // Rounded to `scale` fractional digits (may be negative: -2 rounds to hundreds).
  Decimal rounded(int scale, RoundingMode mode) const;

  // a / b to `scale` fractional digits with `mode`. Division by zero is an error.
  static StatusOr<Decimal> divide(const Decimal& a, const Decimal& b, int scale, RoundingMode mode);

  Decimal operator-() const { return raw(-mantissa_, scale_); }
  // The common cases (equal scales; factors within 64 bits) are inline because the pricing loop
  // spends most of its time here; the rest (rescaling, 128-bit products, overflow) is out of line.
  friend Decimal operator+(const Decimal& a, const Decimal& b) {
    Mantissa sum;
    if (a.scale_ == b.scale_ && !__builtin_add_overflow(a.mantissa_, b.mantissa_, &sum)) {
      return raw(sum, a.scale_);
    }
    return add_slow(a, b);
  }
  friend Decimal operator-(const Decimal& a, const Decimal& b) {
    Mantissa difference;
    if (a.scale_ == b.scale_ && !__builtin_sub_overflow(a.mantissa_, b.mantissa_, &difference)) {
      return raw(difference, a.scale_);
    }
    return add_slow(a, -b);
  }
  friend Decimal operator*(const Decimal& a, const Decimal& b) {
    const int scale = a.scale_ + b.scale_;
    if (fits_64(a.mantissa_) && fits_64(b.mantissa_) && scale <= kMaxScale) {
      // Two 64-bit factors cannot overflow a 128-bit product.
      return raw(
          Mantissa(static_cast<std::int64_t>(a.mantissa_)) * static_cast<std::int64_t>(b.mantissa_),
          scale);
    }
    return multiply_slow(a, b);
  }
  Decimal& operator+=(const Decimal& o) { return *this = *this + o; }
  Decimal& operator-=(const Decimal& o) { return *this = *this - o; }
  Decimal& operator*=(const Decimal& o) { return *this = *this * o; }

  // Numeric comparison: 1.50 == 1.5.
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    if (a.scale_ == b.scale_) return a.mantissa_ <=> b.mantissa_;
    return compare_slow(a, b);
  }
  friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

  Decimal abs() const { return mantissa_ < 0 ? -*this : *this; }
  static Decimal min(const Decimal& a, const Decimal& b) { return a < b ? a : b; }
  static Decimal max(const Decimal& a, const Decimal& b) { return a < b ? b : a; }

 private:
  static constexpr Decimal raw(Mantissa mantissa, int scale) {
    Decimal d;
    d.mantissa_ = mantissa;
    d.scale_ = static_cast<std::int8_t>(scale);
    return d;
  }
  static constexpr bool fits_64(Mantissa m) { return m == static_cast<std::int64_t>(m); }
  static Decimal add_slow(const Decimal& a, const Decimal& b);
  static Decimal multiply_slow(const Decimal& a, const Decimal& b);
  static std::strong_ordering compare_slow(const Decimal& a, const Decimal& b);

  Mantissa mantissa_ = 0;
  std::int8_t scale_ = 0;
};

// Prints to_string(), for test failure messages and logs.
std::ostream& operator<<(std::ostream& out, const Decimal& value);

// 10^n as a mantissa, n in [0, 38].
Decimal::Mantissa pow10_mantissa(int n);

}  // namespace kontor
