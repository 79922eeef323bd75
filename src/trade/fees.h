// US customs user fees (19 U.S.C. §58c, 19 CFR 24.23–24.24): the merchandise processing fee
// (formal entries: ad valorem on the entered value with the fiscal year's minimum and maximum;
// informal entries: a flat fee) and the harbor maintenance fee (ad valorem, ocean cargo only).
// Parameters are dated rows of data/us_user_fees.csv; these functions only apply them.
#pragma once

#include "core/money.h"
#include "refdata/trade_rules.h"

namespace kontor::trade {

// Formal-entry MPF: rate × entered value, clamped to [minimum, maximum], half-up to the cent.
// The entered value excludes duty, freight and insurance (19 CFR 24.23(b)(1)).
Money merchandise_processing_fee(const refdata::UsFeeRule& rule, const Money& entered_value);

// HMF: rate × value of the commercial cargo, half-up to the cent; zero unless by ocean.
Money harbor_maintenance_fee(const refdata::UsFeeRule& rule, const Money& cargo_value, bool ocean);

// Informal entries are allowed up to this value (19 CFR 143.21(a)).
inline constexpr std::int64_t kUsInformalEntryLimitUsd = 2500;

}  // namespace kontor::trade
