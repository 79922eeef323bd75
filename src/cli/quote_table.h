// The landed-cost quote as a terminal table: every line with its amount and its source.
#pragma once

#include "trade/landed_cost.h"

namespace kontor::cli {

void print_quote(const trade::LandedCostQuote& quote);

}  // namespace kontor::cli
