#include "core/decimal.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ostream>

namespace kontor {
namespace {

using M = Decimal::Mantissa;

constexpr std::array<M, 39> make_pow10() {
  std::array<M, 39> table{};
  table[0] = 1;
  for (std::size_t i = 1; i < table.size(); ++i) table[i] = table[i - 1] * 10;
  return table;
}
constexpr std::array<M, 39> kPow10 = make_pow10();

M checked_mul(M a, M b) {
  M out;
  KONTOR_CHECK(!__builtin_mul_overflow(a, b, &out));
  return out;
}
M checked_add(M a, M b) {
  M out;
  KONTOR_CHECK(!__builtin_add_overflow(a, b, &out));
  return out;
}

// n / d and n % d; with 64-bit division when both fit, which is several times faster than the
// 128-bit library routine and covers nearly every amount and rate.
void divide_with_remainder(M n, M d, M& q, M& r) {
  if (n == static_cast<std::int64_t>(n) && d == static_cast<std::int64_t>(d) && n != INT64_MIN) {
    const auto n64 = static_cast<std::int64_t>(n), d64 = static_cast<std::int64_t>(d);
    q = n64 / d64;
    r = n64 % d64;
    return;
  }
  q = n / d;
  r = n % d;
}

// Rounds the integer quotient q of numerator/denominator given the remainder r (same sign as
// the numerator, |r| < |denominator|). `negative` is the sign of the exact quotient.
M round_quotient(M q, M r, M denominator, bool negative, RoundingMode mode) {
  if (r == 0) return q;
  M abs_r = r < 0 ? -r : r;
  M abs_d = denominator < 0 ? -denominator : denominator;
  M step = negative ? -1 : 1;
  bool away = false;
  switch (mode) {
    case RoundingMode::kDown: away = false; break;
    case RoundingMode::kUp: away = true; break;
    case RoundingMode::kFloor: away = negative; break;
    case RoundingMode::kCeiling: away = !negative; break;
    case RoundingMode::kHalfUp: away = abs_r >= abs_d - abs_r; break;
    case RoundingMode::kHalfEven: {
      M twice = abs_d - abs_r;  // compare 2r with d without overflow
      if (abs_r > twice)
        away = true;
      else if (abs_r < twice)
        away = false;
      else
        away = (q % 2) != 0;
      break;
    }
  }
  return away ? q + step : q;
}

// Brings a and b to a common scale (the larger one).
// m × 10^k. A 64-bit mantissa times 10^k ≤ 10^18 cannot overflow 128 bits, so the checked
// 128-bit multiply (a library call) is only needed beyond that: amounts and rates of different
// scales (a price in cents plus a rate in 4 decimals) take the plain multiply.
M rescaled(M m, int k) {
  if (k == 0) return m;
  if (k <= 18 && m == static_cast<std::int64_t>(m)) {
    return M(static_cast<std::int64_t>(m)) * static_cast<std::int64_t>(kPow10[k]);
  }
  return checked_mul(m, kPow10[k]);
}

void align(const Decimal& a, const Decimal& b, M& ma, M& mb, int& scale) {
  if (a.scale() == b.scale()) {  // the common case (amounts of one currency): no rescaling
    scale = a.scale();
    ma = a.mantissa();
    mb = b.mantissa();
    return;
  }
  scale = std::max(a.scale(), b.scale());
  ma = rescaled(a.mantissa(), scale - a.scale());
  mb = rescaled(b.mantissa(), scale - b.scale());
}

std::string mantissa_digits(M value) {
  if (value == 0) return "0";
  std::string digits;
  bool negative = value < 0;
  // Work on the negative range so that the most negative value is representable.
  M v = negative ? value : -value;
  while (v != 0) {
    digits.push_back(static_cast<char>('0' - static_cast<int>(v % 10)));
    v /= 10;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

}  // namespace

M pow10_mantissa(int n) {
  KONTOR_CHECK(n >= 0 && n <= 38);
  return kPow10[n];
}

std::string_view rounding_mode_name(RoundingMode mode) {
  switch (mode) {
    case RoundingMode::kHalfUp: return "half-up";
    case RoundingMode::kHalfEven: return "half-even";
    case RoundingMode::kDown: return "down";
    case RoundingMode::kUp: return "up";
    case RoundingMode::kFloor: return "floor";
    case RoundingMode::kCeiling: return "ceiling";
  }
  return "unknown";
}

Decimal Decimal::from_scaled(M mantissa, int scale) {
  KONTOR_CHECK(scale >= 0 && scale <= kMaxScale);
  Decimal d;
  d.mantissa_ = mantissa;
  d.scale_ = static_cast<std::int8_t>(scale);
  return d;
}

StatusOr<Decimal> Decimal::parse(std::string_view text) {
  auto bad = [&](std::string_view why) {
    return invalid_argument("not a decimal number (" + std::string(why) + "): '" +
                            std::string(text) + "'");
  };
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  M value = 0;
  int int_digits = 0, significant_digits = 0, frac_digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') {
      if (seen_point) return bad("two decimal points");
      if (int_digits == 0) return bad("no digit before the decimal point");
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return bad("unexpected character");
    if (seen_point) {
      if (++frac_digits > kMaxScale) return bad("more than 18 fractional digits");
    } else {
      ++int_digits;
      if (significant_digits > 0 || c != '0') ++significant_digits;
      if (significant_digits > kMaxDigits) return bad("more than 18 integer digits");
    }
    value = value * 10 + (c - '0');
  }
  if (int_digits == 0) return bad("no digits");
  if (seen_point && frac_digits == 0) return bad("no digit after the decimal point");
  return from_scaled(negative ? -value : value, frac_digits);
}

std::string Decimal::to_string() const {
  std::string digits = mantissa_digits(mantissa_);
  bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (scale_ > 0) {
    if (static_cast<int>(digits.size()) <= scale_) {
      digits.insert(0, static_cast<std::size_t>(scale_ + 1 - digits.size()), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(scale_), ".");
  }
  return negative ? "-" + digits : digits;
}

Decimal Decimal::normalized() const {
  M m = mantissa_;
  int s = scale_;
  while (s > 0 && m % 10 == 0) {
    m /= 10;
    --s;
  }
  return from_scaled(m, s);
}

std::string Decimal::to_plain_string() const { return normalized().to_string(); }

Decimal Decimal::with_scale_at_least(int scale) const {
  if (scale <= scale_) return *this;
  return from_scaled(rescaled(mantissa_, scale - scale_), scale);
}

Decimal Decimal::rounded(int scale, RoundingMode mode) const {
  KONTOR_CHECK(scale <= kMaxScale && scale >= -kMaxDigits);
  if (scale >= scale_) return with_scale_at_least(scale);
  M divisor = kPow10[scale_ - scale];
  M q, r;
  divide_with_remainder(mantissa_, divisor, q, r);
  q = round_quotient(q, r, divisor, mantissa_ < 0, mode);
  if (scale >= 0) return from_scaled(q, scale);
  return from_scaled(checked_mul(q, kPow10[-scale]), 0);
}

StatusOr<Decimal> Decimal::divide(const Decimal& a, const Decimal& b, int scale,
                                  RoundingMode mode) {
  if (b.mantissa_ == 0) return invalid_argument("division by zero");
  KONTOR_CHECK(scale >= 0 && scale <= kMaxScale);
  // a/b = (ma / mb) × 10^(sb - sa); we want q = a/b × 10^scale = ma × 10^(scale + sb - sa) / mb.
  int shift = scale + b.scale_ - a.scale_;
  M numerator = a.mantissa_;
  M denominator = b.mantissa_;
  // A tiny divisor at a large scale can take the scaled operand past 128 bits: an error for
  // the caller, not a crash (found by tests/fuzz/decimal_fuzz).
  const bool overflow = shift >= 0
                            ? __builtin_mul_overflow(numerator, kPow10[shift], &numerator)
                            : __builtin_mul_overflow(denominator, kPow10[-shift], &denominator);
  if (overflow) {
    return out_of_range("division: " + a.to_string() + " / " + b.to_string() + " at scale " +
                        std::to_string(scale) + " is too large");
  }
  M q, r;
  divide_with_remainder(numerator, denominator, q, r);
  bool negative = (numerator < 0) != (denominator < 0);
  return from_scaled(round_quotient(q, r, denominator, negative, mode), scale);
}

std::ostream& operator<<(std::ostream& out, const Decimal& value) {
  return out << value.to_string();
}

Decimal Decimal::add_slow(const Decimal& a, const Decimal& b) {
  M ma, mb;
  int scale;
  align(a, b, ma, mb, scale);
  return Decimal::from_scaled(checked_add(ma, mb), scale);
}

Decimal Decimal::multiply_slow(const Decimal& a, const Decimal& b) {
  M product = checked_mul(a.mantissa_, b.mantissa_);
  int scale = a.scale_ + b.scale_;
  if (scale <= Decimal::kMaxScale) return Decimal::from_scaled(product, scale);
  // Keep every digit we can: drop trailing zeros first, round half-even only past 18 digits.
  while (scale > Decimal::kMaxScale && product % 10 == 0) {
    product /= 10;
    --scale;
  }
  if (scale <= Decimal::kMaxScale) return Decimal::from_scaled(product, scale);
  M divisor = kPow10[scale - Decimal::kMaxScale];
  M q = round_quotient(product / divisor, product % divisor, divisor, product < 0,
                       RoundingMode::kHalfEven);
  return Decimal::from_scaled(q, Decimal::kMaxScale);
}

std::strong_ordering Decimal::compare_slow(const Decimal& a, const Decimal& b) {
  M ma, mb;
  int scale;
  align(a, b, ma, mb, scale);
  return ma <=> mb;
}

}  // namespace kontor
