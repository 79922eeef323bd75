#include "trade/fees.h"

namespace kontor::trade {

Money merchandise_processing_fee(const refdata::UsFeeRule& rule, const Money& entered_value) {
  Money fee = (entered_value * rule.rate).rounded(RoundingMode::kHalfUp);
  if (rule.minimum && fee.amount() < *rule.minimum) fee = Money(*rule.minimum, fee.currency());
  if (rule.maximum && fee.amount() > *rule.maximum) fee = Money(*rule.maximum, fee.currency());
  return fee;
}

Money harbor_maintenance_fee(const refdata::UsFeeRule& rule, const Money& cargo_value, bool ocean) {
  if (!ocean) return Money::zero(cargo_value.currency());
  return (cargo_value * rule.rate).rounded(RoundingMode::kHalfUp);
}

}  // namespace kontor::trade
