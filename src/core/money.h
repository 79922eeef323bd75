// Money: an exact Decimal amount in a Currency. Amounts keep every digit the computation
// produced; rounding to the currency's minor unit happens only where a rule says, with the mode
// named at the call site. Adding or comparing different currencies is a programming error: go
// through an FxRate first.
#pragma once

#include <compare>
#include <iosfwd>
#include <string>

#include "core/currency.h"
#include "core/decimal.h"

namespace kontor {

class Money {
 public:
  Money() = default;
  Money(Decimal amount, Currency currency) : amount_(amount), currency_(currency) {}
  static Money zero(Currency currency) { return Money(Decimal(0), currency); }

  const Decimal& amount() const { return amount_; }
  const Currency& currency() const { return currency_; }
  bool is_zero() const { return amount_.is_zero(); }
  bool is_negative() const { return amount_.is_negative(); }

  // Rounded to the currency's minor unit (USD cents, JPY yen).
  Money rounded(RoundingMode mode) const {
    return Money(amount_.rounded(currency_.minor_unit(), mode), currency_);
  }
  // Rounded to a stated number of fractional digits, for rules that say so.
  Money rounded_to(int scale, RoundingMode mode) const {
    return Money(amount_.rounded(scale, mode), currency_);
  }

  // "1234.50 EUR": the amount at (at least) the currency's minor unit, then the code.
  std::string to_string() const;
  // The amount alone as text at (at least) the minor unit: "1234.50".
  std::string amount_text() const;

  Money operator-() const { return Money(-amount_, currency_); }
  // Inline: the pricing loop adds money in its hottest path.
  friend Money operator+(const Money& a, const Money& b) {
    KONTOR_CHECK(a.currency_ == b.currency_);
    return Money(a.amount_ + b.amount_, a.currency_);
  }
  friend Money operator-(const Money& a, const Money& b) {
    KONTOR_CHECK(a.currency_ == b.currency_);
    return Money(a.amount_ - b.amount_, a.currency_);
  }
  friend Money operator*(const Money& m, const Decimal& factor) {
    return Money(m.amount_ * factor, m.currency_);
  }
  Money& operator+=(const Money& o) {
    KONTOR_CHECK(currency_ == o.currency_);
    amount_ += o.amount_;
    return *this;
  }
  Money& operator-=(const Money& o) {
    KONTOR_CHECK(currency_ == o.currency_);
    amount_ -= o.amount_;
    return *this;
  }

  friend std::strong_ordering operator<=>(const Money& a, const Money& b) {
    KONTOR_CHECK(a.currency_ == b.currency_);
    return a.amount_ <=> b.amount_;
  }
  friend bool operator==(const Money& a, const Money& b) { return (a <=> b) == 0; }

 private:
  Decimal amount_;
  Currency currency_;
};

// Prints to_string(), for test failure messages and logs.
std::ostream& operator<<(std::ostream& out, const Money& money);

}  // namespace kontor
