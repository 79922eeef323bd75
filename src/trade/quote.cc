#include "trade/quote.h"

#include <array>

namespace kontor::trade {

namespace {

constexpr std::array<std::string_view, 6> kBuyerCostNames = {
    "export_clearance", "origin_delivery",      "main_carriage",
    "insurance",        "destination_delivery", "import_clearance"};

bool is_d_rule(Incoterm term) {
  return term == Incoterm::kDAP || term == Incoterm::kDPU || term == Incoterm::kDDP;
}

void fill_buyer_costs(NormalisedQuote& quote, const std::string& named_place) {
  const IncotermCosts costs = incoterm_costs(quote.incoterm);
  const std::array<bool, 6> paid_by_seller = {costs.export_clearance,     costs.origin_delivery,
                                              costs.main_carriage,        costs.insurance,
                                              costs.destination_delivery, costs.import_clearance};
  for (std::size_t i = 0; i < paid_by_seller.size(); ++i) {
    const auto cost = static_cast<BuyerCost>(i);
    if (cost == BuyerCost::kInsurance && is_d_rule(quote.incoterm)) continue;
    if (!paid_by_seller[i]) quote.buyer_pays.push_back(cost);
  }
  quote.needs_freight = !costs.main_carriage;
  // Under the D rules the seller carries the risk to the destination, so the buyer has no
  // transit to insure even though no rule obliges the seller to buy cover.
  quote.needs_insurance = !costs.insurance && !is_d_rule(quote.incoterm);
  std::string term(incoterm_name(quote.incoterm));
  if (!named_place.empty()) term += " " + named_place;
  if (quote.needs_freight && quote.needs_insurance) {
    quote.notes.push_back(term + ": main freight and cargo insurance are the buyer's to add");
  } else if (quote.needs_insurance) {
    quote.notes.push_back(term + ": freight included; cargo insurance is the buyer's to add");
  } else if (!costs.import_clearance) {
    quote.notes.push_back(term + ": carriage included; import duty, VAT and clearance to add");
  } else {
    quote.notes.push_back(term + ": delivered duty paid; check the price includes import VAT");
  }
  if (!costs.export_clearance) {
    quote.notes.push_back("EXW: export clearance in the seller's country is the buyer's task");
  }
}

const QuoteTier& tier_for(const std::vector<QuoteTier>& tiers, std::int64_t quantity) {
  const QuoteTier* chosen = &tiers.front();
  for (const QuoteTier& tier : tiers) {
    if (tier.min_quantity <= quantity && tier.min_quantity >= chosen->min_quantity) chosen = &tier;
  }
  return *chosen;
}

}  // namespace

FxLookup fx_lookup_from(const refdata::FxTable& table, int max_age_days) {
  return [table, max_age_days](const Currency& from, const Currency& to, Date date) {
    return table.rate(from, to, date, max_age_days);
  };
}

std::string_view buyer_cost_name(BuyerCost cost) {
  return kBuyerCostNames[static_cast<std::size_t>(cost)];
}

StatusOr<NormalisedQuote> normalise_quote(const QuoteTerms& terms, std::int64_t quantity,
                                          const Currency& target, Date as_of, const FxLookup& fx) {
  if (quantity <= 0) return invalid_argument("quantity: must be positive");
  if (terms.tiers.empty()) return invalid_argument("offer " + terms.offer_id + ": no price tiers");
  NormalisedQuote quote;
  quote.quantity = quantity;
  quote.incoterm = terms.incoterm;
  fill_buyer_costs(quote, terms.named_place);
  const std::int64_t moq = std::max(terms.moq, terms.tiers.front().min_quantity);
  if (quantity < moq) {
    quote.reason =
        "MOQ " + std::to_string(moq) + " not met by " + std::to_string(quantity) + " units";
    return quote;
  }
  if (terms.valid_until.days_since_epoch() != 0 && terms.valid_until < as_of) {
    quote.reason = "offer expired on " + terms.valid_until.to_string();
    return quote;
  }
  const QuoteTier& tier = tier_for(terms.tiers, quantity);
  quote.tier = tier;
  quote.unit_price = Money(tier.unit_price, terms.currency);
  quote.goods_total = quote.unit_price * Decimal(quantity);
  quote.tier_text =
      "tier from " + std::to_string(tier.min_quantity) + " units: " + quote.unit_price.to_string();
  if (terms.currency == target) {
    quote.unit_price_target = quote.unit_price;
  } else {
    if (!fx)
      return invalid_argument("fx: converting " + std::string(terms.currency.code()) + " to " +
                              std::string(target.code()) + " needs an FX lookup");
    ASSIGN_OR_RETURN(FxRate rate, fx(terms.currency, target, as_of));
    quote.unit_price_target = convert(quote.unit_price, rate);
    quote.fx = rate;
  }
  quote.goods_total_target = quote.unit_price_target * Decimal(quantity);
  quote.serviceable = true;
  return quote;
}

}  // namespace kontor::trade

namespace kontor::trade {

nlohmann::json to_json(const NormalisedQuote& q) {
  auto money = [](const Money& m) {
    return nlohmann::json{{"amount", m.amount().to_plain_string()},
                          {"currency", std::string(m.currency().code())}};
  };
  nlohmann::json buyer = nlohmann::json::array();
  for (BuyerCost cost : q.buyer_pays) buyer.push_back(std::string(buyer_cost_name(cost)));
  nlohmann::json j = {{"serviceable", q.serviceable},
                      {"quantity", q.quantity},
                      {"incoterm", std::string(incoterm_name(q.incoterm))},
                      {"buyer_pays", std::move(buyer)},
                      {"needs_freight", q.needs_freight},
                      {"needs_insurance", q.needs_insurance},
                      {"notes", q.notes}};
  if (!q.serviceable) {
    j["reason"] = q.reason;
    return j;
  }
  j["tier"] = q.tier_text;
  j["unit_price"] = money(q.unit_price);
  j["goods_total"] = money(q.goods_total);
  j["unit_price_target"] = money(q.unit_price_target);
  j["goods_total_target"] = money(q.goods_total_target);
  if (q.fx) {
    j["fx"] = {{"from", std::string(q.fx->from.code())},
               {"to", std::string(q.fx->to.code())},
               {"rate", q.fx->rate.to_plain_string()},
               {"date", q.fx->date.to_string()},
               {"provenance", q.fx->provenance.to_string()}};
  }
  return j;
}

}  // namespace kontor::trade
