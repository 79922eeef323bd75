#include "trade/margin.h"

namespace kontor::trade {

namespace {

struct Costs {
  Money landed;
  Money other;
};

// Contribution at `price` (VAT removed at `vat_rate` when set): the same arithmetic as the
// result, reused while solving for break-even.
struct Evaluation {
  Money vat;
  Money net;
  ChannelFees fees;
  Money contribution;
};

StatusOr<Evaluation> evaluate(const ChannelFeeTable& table, ChannelFeeRequest sale,
                              const Money& price, const std::optional<Decimal>& vat_rate,
                              const Costs& costs) {
  Evaluation e;
  e.vat = Money::zero(price.currency());
  if (vat_rate) {
    // VAT contained in a VAT-inclusive price: price × r / (1 + r), half-up to the minor unit as
    // on a VAT invoice (EU Directive 2006/112/EC Art. 226(8): the VAT amount payable).
    ASSIGN_OR_RETURN(Decimal vat,
                     Decimal::divide(price.amount() * *vat_rate, Decimal(1) + *vat_rate,
                                     price.currency().minor_unit(), RoundingMode::kHalfUp));
    e.vat = Money(vat, price.currency());
  }
  e.net = price - e.vat;
  sale.price = price;
  ASSIGN_OR_RETURN(e.fees, channel_fees(table, sale));
  e.contribution = e.net - e.fees.total - costs.landed - costs.other;
  return e;
}

// Solves net(P) − fees(P) − costs = 0 on the fee lines' linear pieces: with fees = a·P + b and
// net = P / (1 + v), P = (b + C)(1 + v) / (1 − a(1 + v)). Re-solves when the piece changes (a
// minimum starts or stops applying), then rounds up to the minor unit and steps up by one
// minor unit while rounding still leaves the contribution below zero.
StatusOr<Money> break_even(const ChannelFeeTable& table, const MarginRequest& request,
                           const std::optional<Decimal>& vat_rate, const Costs& costs,
                           ChannelFees fees) {
  const Currency currency = request.sale.price.currency();
  const Decimal one_plus_v = Decimal(1) + vat_rate.value_or(Decimal(0));
  const Decimal cost = costs.landed.amount() + costs.other.amount();
  Money price = request.sale.price;
  for (int round = 0; round < 6; ++round) {
    Decimal a;
    Decimal b;
    for (const ChannelFeeLine& line : fees.lines) {
      a += line.percent;
      b += line.fixed_amount;
    }
    const Decimal denominator = Decimal(1) - a * one_plus_v;
    if (denominator.sign() <= 0) return failed_precondition("fees take the whole price");
    ASSIGN_OR_RETURN(Decimal p, Decimal::divide((b + cost) * one_plus_v, denominator,
                                                currency.minor_unit(), RoundingMode::kCeiling));
    const Money next(p, currency);
    ASSIGN_OR_RETURN(Evaluation e, evaluate(table, request.sale, next, vat_rate, costs));
    const bool same_piece = next == price;
    price = next;
    fees = e.fees;
    if (same_piece) break;
  }
  const Money step(Decimal::from_scaled(1, currency.minor_unit()), currency);
  for (int i = 0; i < 100; ++i) {
    ASSIGN_OR_RETURN(Evaluation e, evaluate(table, request.sale, price, vat_rate, costs));
    if (!e.contribution.is_negative()) return price;
    price += step;
  }
  return price;
}

}  // namespace

StatusOr<MarginResult> compute_margin(const refdata::VatTable& vat, const ChannelFeeTable& fees,
                                      const MarginRequest& request) {
  const Money& price = request.sale.price;
  if (!(request.landed_cost_per_unit.currency() == price.currency())) {
    return invalid_argument("landed_cost_per_unit: currency differs from the retail price's");
  }
  Costs costs{request.landed_cost_per_unit,
              request.other_cost_per_unit.value_or(Money::zero(price.currency()))};
  if (!(costs.other.currency() == price.currency())) {
    return invalid_argument("other_cost_per_unit: currency differs from the retail price's");
  }
  MarginResult result;
  result.retail_price = price;
  Provenance vat_provenance;
  std::string vat_label;
  if (request.price_includes_vat) {
    ASSIGN_OR_RETURN(refdata::VatRate rate,
                     vat.rate(request.sale.market, request.sale.as_of, request.vat_kind));
    result.vat_rate = rate.rate;
    vat_provenance = rate.provenance;
    vat_label = std::string(rate.tax_name) + " " + (rate.rate * Decimal(100)).to_plain_string() +
                " % (" + std::string(request.sale.market.code()) + ") contained in the price";
  }
  ASSIGN_OR_RETURN(Evaluation e, evaluate(fees, request.sale, price, result.vat_rate, costs));
  if (e.net.is_zero() || e.net.is_negative()) {
    return invalid_argument("retail_price: nothing left after VAT");
  }
  result.vat = e.vat;
  result.net_revenue = e.net;
  result.fees = e.fees;
  result.landed_cost = costs.landed;
  result.other_costs = costs.other;
  result.contribution = e.contribution;
  // Margin on net revenue, a ratio for display: half-even to 2 decimals.
  ASSIGN_OR_RETURN(result.margin_percent,
                   Decimal::divide(e.contribution.amount() * Decimal(100), e.net.amount(), 2,
                                   RoundingMode::kHalfEven));
  ASSIGN_OR_RETURN(result.break_even_price,
                   break_even(fees, request, result.vat_rate, costs, e.fees));
  result.lines.push_back({"Retail price", price, {}});
  if (result.vat_rate) result.lines.push_back({vat_label, -e.vat, vat_provenance});
  for (const ChannelFeeLine& line : e.fees.lines) {
    result.lines.push_back({line.label, -line.amount, line.provenance});
  }
  result.lines.push_back({"Landed cost per unit (net of import VAT)", -costs.landed, {}});
  if (!costs.other.is_zero()) result.lines.push_back({"Other costs per unit", -costs.other, {}});
  result.lines.push_back({"Contribution margin per unit", e.contribution, {}});
  return result;
}

}  // namespace kontor::trade

namespace kontor::trade {

namespace {
nlohmann::json money_json(const Money& m) {
  return {{"amount", m.amount_text()}, {"currency", std::string(m.currency().code())}};
}
}  // namespace

nlohmann::json to_json(const MarginResult& r) {
  nlohmann::json lines = nlohmann::json::array();
  for (const MarginLine& line : r.lines) {
    nlohmann::json j = {{"label", line.label}, {"amount", money_json(line.amount)}};
    if (line.provenance.source != nullptr) j["provenance"] = line.provenance.to_string();
    lines.push_back(std::move(j));
  }
  nlohmann::json j = {{"channel", r.fees.channel},
                      {"retail_price", money_json(r.retail_price)},
                      {"vat", money_json(r.vat)},
                      {"net_revenue", money_json(r.net_revenue)},
                      {"fees", money_json(r.fees.total)},
                      {"landed_cost", money_json(r.landed_cost)},
                      {"other_costs", money_json(r.other_costs)},
                      {"contribution", money_json(r.contribution)},
                      {"margin_percent", r.margin_percent.to_string()},
                      {"break_even_price", money_json(r.break_even_price)},
                      {"lines", std::move(lines)}};
  if (r.vat_rate) j["vat_rate"] = r.vat_rate->to_plain_string();
  return j;
}

}  // namespace kontor::trade
