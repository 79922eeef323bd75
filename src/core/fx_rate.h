// FxRate: one dated exchange rate with its source, and conversion of Money through it. The
// result of a conversion is exact (no rounding); callers round where their rule says.
#pragma once

#include "core/date.h"
#include "core/money.h"
#include "core/provenance.h"

namespace kontor {

struct FxRate {
  Currency from;
  Currency to;
  Decimal rate;     // units of `to` for one unit of `from`
  Date date;        // the date the rate was published for
  Provenance provenance;  // data set and row (or "identity" for from == to)

  // The rate the other way round, to `scale` significant fractional digits (half-even).
  FxRate inverted(int scale = 10) const;
};

// amount × rate, in rate.to. The amount's currency must be rate.from.
Money convert(const Money& amount, const FxRate& rate);

}  // namespace kontor
