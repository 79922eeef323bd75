#include "core/fx_rate.h"

namespace kontor {

FxRate FxRate::inverted(int scale) const {
  FxRate out = *this;
  out.from = to;
  out.to = from;
  out.rate = Decimal::divide(Decimal(1), rate, scale, RoundingMode::kHalfEven).value();
  return out;
}

Money convert(const Money& amount, const FxRate& rate) {
  KONTOR_CHECK(amount.currency() == rate.from);
  return Money(amount.amount() * rate.rate, rate.to);
}

}  // namespace kontor
