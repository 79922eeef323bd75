// Customs valuation: from the invoice price under its Incoterm to the customs value on the
// destination's basis (CIF for the EU, the UK and most countries; FOB for the US, Canada,
// Australia and the others in data/valuation_basis.csv). The price is adjusted by exactly the
// cost elements that the Incoterm and the basis disagree on — an element both include (or
// both leave out) is never needed, and an element that is needed but not given is an error,
// never a silent zero (an explicit 0 is accepted, e.g. no insurance bought).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/incoterm.h"
#include "core/money.h"
#include "core/provenance.h"
#include "refdata/trade_rules.h"

namespace kontor::trade {

// The cost elements between a seller's door and the buyer's named place.
enum class CostElement {
  kOriginCharges,        // carriage to the port/place of shipment, export clearance, loading
  kFreight,              // main carriage to the port/place of arrival in the destination
  kInsurance,            // cargo insurance for the main carriage
  kDestinationDelivery,  // carriage after arrival to the named place (D-rules)
};
inline constexpr int kCostElementCount = 4;
std::string_view cost_element_name(CostElement element);  // "origin_charges", "freight", …

// Amounts already in the destination currency (see landed_cost.h for conversion).
struct ValuationInput {
  Money price;  // invoice price of the goods under `incoterm`
  Incoterm incoterm = Incoterm::kFOB;
  std::array<std::optional<Money>, kCostElementCount> costs;  // by CostElement
  refdata::ValuationBasis basis = refdata::ValuationBasis::kCif;
};

struct ValuationAdjustment {
  CostElement element;
  Money amount;  // positive: added to the price; negative: deducted from it
};

struct CustomsValuation {
  Money customs_value;
  std::array<std::optional<ValuationAdjustment>, kCostElementCount> adjustments;
  std::string_view rule;  // "CIF: price + elements the Incoterm leaves out (UCC Art. 70-71)"
};

// Whether the seller's price under `term` includes `element`.
bool price_includes(Incoterm term, CostElement element);
// Whether the customs value on `basis` includes `element`.
bool basis_includes(refdata::ValuationBasis basis, CostElement element);

// invalid_argument naming the missing element ("freight: a FOB price leaves out the main
// carriage that the CIF basis includes; give the freight (0 if none)"); DDP prices, which
// contain the import duty and tax themselves, are rejected with a way forward.
StatusOr<CustomsValuation> value_goods(const ValuationInput& input);

}  // namespace kontor::trade
