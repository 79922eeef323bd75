#include "core/money.h"

#include <ostream>

namespace kontor {

Money operator+(const Money& a, const Money& b) {
  KONTOR_CHECK(a.currency_ == b.currency_);
  return Money(a.amount_ + b.amount_, a.currency_);
}

Money operator-(const Money& a, const Money& b) {
  KONTOR_CHECK(a.currency_ == b.currency_);
  return Money(a.amount_ - b.amount_, a.currency_);
}

std::strong_ordering operator<=>(const Money& a, const Money& b) {
  KONTOR_CHECK(a.currency_ == b.currency_);
  return a.amount_ <=> b.amount_;
}

std::string Money::amount_text() const {
  return amount_.normalized().with_scale_at_least(currency_.minor_unit()).to_string();
}

std::string Money::to_string() const { return amount_text() + " " + std::string(currency_.code()); }

std::ostream& operator<<(std::ostream& out, const Money& money) {
  return out << money.to_string();
}

}  // namespace kontor
