// The hot-path form of value_goods(): fills a CustomsValuation in place. The landed-cost
// engine calls it once per supplier × route; returning the valuation through a StatusOr copies
// it twice. Internal to src/trade/.
#pragma once

#include "core/status.h"
#include "trade/valuation.h"

namespace kontor::trade::detail {

// As value_goods(input); `out` is unspecified on error.
Status value_goods_into(const ValuationInput& input, CustomsValuation& out);

}  // namespace kontor::trade::detail
