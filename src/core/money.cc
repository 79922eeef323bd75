#include "core/money.h"

#include <ostream>

namespace kontor {

std::string Money::amount_text() const {
  return amount_.normalized().with_scale_at_least(currency_.minor_unit()).to_string();
}

std::string Money::to_string() const { return amount_text() + " " + std::string(currency_.code()); }

std::ostream& operator<<(std::ostream& out, const Money& money) { return out << money.to_string(); }

}  // namespace kontor
