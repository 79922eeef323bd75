// Duty: the customs duty of one tariff line on one shipment, from a parsed DutyRate
// (trade/duty_rate.h), the customs value and the declared quantities. Exact: every term keeps
// all its digits and nothing is rounded here — the landed-cost engine rounds the duty line by
// its rule. Quantities are converted exactly to the rate's unit (lb → kg, dozen → pieces);
// a quantity of another kind is never guessed: a rate that needs the net weight, given only
// pieces, is an error naming what is missing.
//
// compute_duty() is on the landed-cost hot path: it allocates nothing on success, and the
// result lists each term (component, base used, amount) so a report can explain the figure:
// "3.6% × 12345.00 USD = 444.42 USD; 0.25 USD/kg × 200 kg = 50.00 USD".
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/money.h"
#include "core/quantity.h"
#include "core/status.h"
#include "trade/duty_rate.h"

namespace kontor::trade {

// A quantity measured on a basis other than the plain declared quantity: the drained weight,
// the lead content, the proof litres, the number of jewels…
struct QualifiedQuantity {
  DutyBasis basis = DutyBasis::kDeclared;
  Quantity quantity;
};

// The value of a part for ad valorem components on a part ("6% on the case").
struct PartValue {
  DutyBasis basis = DutyBasis::kDeclared;
  Money value;
};

struct DutyBase {
  // The customs value in the tariff's currency (USD for the US, EUR for the EU, GBP for GB).
  Money customs_value;
  // The declared quantities, at most one per kind of measure: net weight, number of pieces,
  // volume, area, pairs, length. A rate uses the one of its unit's kind, converted exactly.
  std::array<std::optional<Quantity>, 4> quantities;
  std::array<std::optional<QualifiedQuantity>, 4> qualified_quantities;
  std::array<std::optional<PartValue>, 4> part_values;
  // Alcoholic strength in % vol (12.5 for 12.5 % vol): EU "EUR / % vol / hl", and US proof
  // litres when they are not declared (proof litres = litres × strength / 50).
  std::optional<Decimal> alcohol_strength;
  // Sucrose content in % (EU "EUR / 100 kg / net / % sacchar.").
  std::optional<Decimal> sucrose_content;
  // The date of entry, for EU/UK seasonal rates.
  std::optional<Date> entry_date;
  // The duty of the base line, for kAdditional rates (chapter 99 "… + 25%").
  std::optional<Money> base_duty;
};

// One component's share of the duty.
struct DutyTerm {
  // What the rate was applied to: for ad valorem the value in the customs currency, for
  // specific the quantity in the component's unit (jewels above the threshold, proof litres…).
  Decimal base;
  Decimal amount;              // exact, in the customs value's currency
  std::uint8_t component = 0;  // index into DutyRate::components
  DutyClause clause = DutyClause::kMain;
};

struct DutyAmount {
  static constexpr int kMaxTerms = 4;  // components of one season (the parser's limit)
  enum class Limit : std::uint8_t { kNone, kMinimum, kMaximum };

  Money amount;  // the duty, exact, in the customs value's currency
  std::uint8_t term_count = 0;
  Limit limit = Limit::kNone;  // which EU clause set the duty ("MIN": the minimum applied)
  std::int8_t season = -1;     // the season used for a seasonal rate
  std::array<DutyTerm, kMaxTerms> terms;
  std::optional<Money> base_duty;  // included in `amount` for kAdditional rates

  const DutyTerm* begin() const { return terms.data(); }
  const DutyTerm* end() const { return terms.data() + term_count; }
};

// The duty of `rate` on `base`.
// Errors (each message quotes the rate text):
//   failed_precondition — the rate is kNotComputable ("needs a customs expert: …"), or a
//     seasonal rate does not cover the date of entry;
//   invalid_argument — a quantity, part value, strength, date or base duty the rate needs was
//     not given ("duty rate '25¢/kg + 3.6%' needs the net weight in kg"), a quantity cannot be
//     converted to the rate's unit, or a specific rate's currency differs from the customs
//     value's.
// MIN/MAX clauses as the EU tariff means them: "A MIN B" is the greater of A and B, "A MAX B"
// the smaller. An additional rate adds its components to the base duty; "minus 0.5%" never
// takes the duty below zero.
StatusOr<DutyAmount> compute_duty(const DutyRate& rate, const DutyBase& base);
// The same into `out` (overwritten), for hot loops: no copy of the result.
Status compute_duty(const DutyRate& rate, const DutyBase& base, DutyAmount& out);

// "3.6% × 12345.00 USD = 444.42 USD", "0.25 USD/kg × 200 kg = 50.00 USD" (amounts shown to at
// least the currency's minor unit, every digit kept).
std::string explain(const DutyRate& rate, const DutyTerm& term, const Currency& currency);
// Every term, then the clause or base duty that decided the total, joined with "; ".
std::string explain(const DutyRate& rate, const DutyAmount& amount);

}  // namespace kontor::trade
