#include "trade/valuation.h"

#include <string>

#include "trade/detail/valuation_into.h"

namespace kontor::trade {

std::string_view cost_element_name(CostElement element) {
  switch (element) {
    case CostElement::kOriginCharges: return "origin_charges";
    case CostElement::kFreight: return "freight";
    case CostElement::kInsurance: return "insurance";
    case CostElement::kDestinationDelivery: return "destination_delivery";
  }
  return "unknown";
}

bool price_includes(Incoterm term, CostElement element) {
  const IncotermCosts costs = incoterm_costs(term);
  switch (element) {
    case CostElement::kOriginCharges: return costs.origin_delivery;
    case CostElement::kFreight: return costs.main_carriage;
    case CostElement::kInsurance: return costs.insurance;
    case CostElement::kDestinationDelivery: return costs.destination_delivery;
  }
  return false;
}

bool basis_includes(refdata::ValuationBasis basis, CostElement element) {
  switch (element) {
    case CostElement::kOriginCharges: return true;  // both FOB and CIF are "on board" values
    case CostElement::kFreight:
    case CostElement::kInsurance: return basis == refdata::ValuationBasis::kCif;
    case CostElement::kDestinationDelivery: return false;  // post-arrival costs are excluded
  }
  return false;
}

Status detail::value_goods_into(const ValuationInput& input, CustomsValuation& out) {
  if (input.incoterm == Incoterm::kDDP) {
    return invalid_argument(
        "incoterm: a DDP price contains the import duty and tax that are being computed; give "
        "the price net of them with incoterm DAP");
  }
  if (input.price.is_negative()) return invalid_argument("goods_value: must not be negative");
  out.customs_value = input.price;
  out.adjustments.fill(std::nullopt);  // `out` may hold the previous evaluation
  using namespace std::string_view_literals;
  out.rule = input.basis == refdata::ValuationBasis::kCif
                 ? "CIF basis: transaction value plus transport and insurance to the place of "
                   "entry, less costs after arrival"sv
                 : "FOB basis: transaction value excluding international freight and insurance"sv;
  for (int i = 0; i < kCostElementCount; ++i) {
    const auto element = static_cast<CostElement>(i);
    const bool in_price = price_includes(input.incoterm, element);
    const bool in_basis = basis_includes(input.basis, element);
    if (in_price == in_basis) continue;
    const auto& cost = input.costs[i];
    if (!cost.has_value()) {
      const std::string_view basis_name = refdata::valuation_basis_name(input.basis);
      std::string why = in_price ? "a " + std::string(incoterm_name(input.incoterm)) +
                                       " price includes it but the " + std::string(basis_name) +
                                       " customs value does not"
                                 : "a " + std::string(incoterm_name(input.incoterm)) +
                                       " price leaves it out but the " + std::string(basis_name) +
                                       " customs value includes it";
      return invalid_argument(std::string(cost_element_name(element)) +
                              ": needed for customs "
                              "valuation (" +
                              why + "); give the amount (0 if there is none)");
    }
    if (cost->is_negative()) {
      return invalid_argument(std::string(cost_element_name(element)) + ": must not be negative");
    }
    const Money signed_amount = in_price ? -*cost : *cost;
    out.customs_value += signed_amount;
    out.adjustments[i] = ValuationAdjustment{element, signed_amount};
  }
  if (out.customs_value.is_negative()) {
    return invalid_argument("goods_value: smaller than the costs it is said to include");
  }
  return ok_status();
}

StatusOr<CustomsValuation> value_goods(const ValuationInput& input) {
  CustomsValuation out;
  RETURN_IF_ERROR(detail::value_goods_into(input, out));
  return out;
}

}  // namespace kontor::trade
