// FxRate: one dated exchange rate with its source, and conversion of Money through it. The
// result of a conversion is exact (no rounding); callers round where their rule says.
#pragma once

#include <string>

#include "core/date.h"
#include "core/money.h"
#include "core/provenance.h"

namespace kontor {

struct FxRate {
  Currency from;
  Currency to;
  Decimal rate;           // units of `to` for one unit of `from`
  Date date;              // the date the rate was published for
  Provenance provenance;  // data set and row (or "identity" for from == to)
  // How the rate was obtained when it is not printed as such in the source: for a cross rate
  // both legs with their dates and sources ("EUR/USD 1.1252 and EUR/JPY 163.36, ECB
  // 2025-05-09"); empty for a direct rate.
  std::string detail = {};

  // The rate the other way round, to `scale` significant fractional digits (half-even).
  FxRate inverted(int scale = 10) const;
};

// amount × rate, in rate.to. The amount's currency must be rate.from.
Money convert(const Money& amount, const FxRate& rate);

}  // namespace kontor
