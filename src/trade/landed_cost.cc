#include "trade/landed_cost.h"

#include <string>

#include "trade/detail/valuation_into.h"
#include "trade/fees.h"
#include "trade/import_tax.h"

namespace kontor::trade {
namespace {

using namespace std::string_view_literals;

// Every tax and fee line is rounded to the currency's minor unit, half-up, per line: the
// convention of the customs worked examples Kontor is tested against (bench/landed_cost).
constexpr RoundingMode kTaxLineRounding = RoundingMode::kHalfUp;
// Per-unit figures keep 4 decimal places so that a €0.0123 difference between quotes shows.
constexpr int kPerUnitScale = 4;
// Incoterms 2020 CIF/CIP A5: minimum cover is the contract price plus 10 %.
constexpr std::int64_t kInsuredValuePercent = 110;

class LineWriter {
 public:
  explicit LineWriter(LandedCost& out) : out_(out) {}
  Status add(const CostLine& line) {
    if (out_.line_count >= static_cast<int>(out_.line_storage.size())) {
      return internal_error("landed cost: more than 16 lines");
    }
    out_.line_storage[out_.line_count++] = line;
    return ok_status();
  }
  void note(std::string_view text) {
    if (out_.note_count < static_cast<int>(out_.note_storage.size())) {
      out_.note_storage[out_.note_count++] = text;
    }
  }

 private:
  LandedCost& out_;
};

LineKind line_kind_for(CostElement element) {
  switch (element) {
    case CostElement::kOriginCharges: return LineKind::kOriginCharges;
    case CostElement::kFreight: return LineKind::kFreight;
    case CostElement::kInsurance: return LineKind::kInsurance;
    case CostElement::kDestinationDelivery: return LineKind::kDestinationDelivery;
  }
  return LineKind::kGoods;
}

std::string_view element_label(CostElement element) {
  switch (element) {
    case CostElement::kOriginCharges: return "Origin charges (to port, export clearance)";
    case CostElement::kFreight: return "Freight (main carriage)";
    case CostElement::kInsurance: return "Cargo insurance";
    case CostElement::kDestinationDelivery: return "Delivery after arrival";
  }
  return "";
}

// The duty base: the customs value and whatever quantities the rate may need.
DutyBase duty_base(const Money& customs_value, const ShipmentCosts& costs, Date entry) {
  DutyBase base;
  base.customs_value = customs_value;
  base.entry_date = entry;
  base.quantities = costs.measures;
  // The units sold count as a declared quantity too (pieces, pairs, dozens, sets).
  for (auto& slot : base.quantities) {
    if (!slot) {
      slot = costs.units;
      break;
    }
  }
  return base;
}

// The duty of a rate, rounded as a line; for an additional rate ("the duty provided in the
// applicable subheading + 25%") only what it adds to the base duty.
StatusOr<Money> rounded_duty(const DutyRate& rate, const DutyBase& base) {
  DutyAmount amount;  // filled in place: this runs per supplier × route, a StatusOr copy costs
  RETURN_IF_ERROR(compute_duty(rate, base, amount));
  Money duty = amount.amount;
  if (amount.base_duty) duty -= *amount.base_duty;
  return duty.rounded(kTaxLineRounding);
}

}  // namespace

std::string_view transport_mode_name(TransportMode mode) {
  switch (mode) {
    case TransportMode::kSea: return "sea";
    case TransportMode::kAir: return "air";
    case TransportMode::kRoad: return "road";
    case TransportMode::kRail: return "rail";
    case TransportMode::kCourier: return "courier";
    case TransportMode::kPost: return "post";
  }
  return "unknown";
}

StatusOr<TransportMode> parse_transport_mode(std::string_view text) {
  for (auto mode : {TransportMode::kSea, TransportMode::kAir, TransportMode::kRoad,
                    TransportMode::kRail, TransportMode::kCourier, TransportMode::kPost}) {
    if (text == transport_mode_name(mode)) return mode;
  }
  if (text == "ocean") return TransportMode::kSea;
  if (text == "express") return TransportMode::kCourier;
  return invalid_argument("mode: expected sea, air, road, rail, courier or post, got '" +
                          std::string(text) + "'");
}

std::string_view line_kind_name(LineKind kind) {
  switch (kind) {
    case LineKind::kGoods: return "goods";
    case LineKind::kOriginCharges: return "origin_charges";
    case LineKind::kFreight: return "freight";
    case LineKind::kInsurance: return "insurance";
    case LineKind::kDestinationDelivery: return "destination_delivery";
    case LineKind::kDuty: return "duty";
    case LineKind::kAdditionalDuty: return "additional_duty";
    case LineKind::kImportTax: return "import_tax";
    case LineKind::kFee: return "fee";
    case LineKind::kBrokerage: return "brokerage";
  }
  return "unknown";
}

namespace {

// Goods, then each cost element the buyer pays on top of the price, as landed-cost lines.
Status add_goods_and_transport(const ShipmentCosts& costs, const std::optional<Money>& insurance,
                               bool insurance_estimated, LineWriter& lines, Money& total) {
  RETURN_IF_ERROR(lines.add({.kind = LineKind::kGoods,
                             .label = "Goods (invoice price)",
                             .amount = costs.goods,
                             .rate_text = incoterm_name(costs.incoterm),
                             .provenance = {.rule = "invoice price under the stated Incoterm"}}));
  total = costs.goods;
  for (int i = 0; i < kCostElementCount; ++i) {
    const auto element = static_cast<CostElement>(i);
    if (price_includes(costs.incoterm, element)) continue;  // already in the price
    std::optional<Money> amount = element == CostElement::kInsurance ? insurance : costs.costs[i];
    if (!amount) continue;
    const bool estimate = element == CostElement::kInsurance && insurance_estimated;
    RETURN_IF_ERROR(
        lines.add({.kind = line_kind_for(element),
                   .label = element_label(element),
                   .amount = *amount,
                   .provenance = {.rule = estimate ? "estimate: rate x 110% x (goods + freight), "
                                                     "Incoterms 2020 CIF/CIP A5 minimum cover"
                                                   : "given by the user"},
                   .estimate = estimate}));
    total += *amount;
  }
  return ok_status();
}

// Insurance as given, or estimated from a premium rate when the user gave one.
std::optional<Money> insurance_amount(const ShipmentCosts& costs, bool& estimated) {
  const auto& given = costs.costs[static_cast<int>(CostElement::kInsurance)];
  estimated = false;
  if (given || !costs.insurance_rate) return given;
  Money insured = costs.goods;
  const auto& freight = costs.costs[static_cast<int>(CostElement::kFreight)];
  if (freight && !price_includes(costs.incoterm, CostElement::kFreight)) insured += *freight;
  insured = insured * Decimal::from_scaled(kInsuredValuePercent, 2);
  estimated = true;
  return (insured * *costs.insurance_rate).rounded(RoundingMode::kHalfUp);
}

// The intrinsic value compared with de minimis thresholds: the customs value without the
// transport and insurance a CIF value adds.
Money intrinsic_value(const CustomsValuation& valuation) {
  Money value = valuation.customs_value;
  for (const auto& adj : valuation.adjustments) {
    if (adj && (adj->element == CostElement::kFreight || adj->element == CostElement::kInsurance) &&
        !adj->amount.is_negative()) {
      value -= adj->amount;
    }
  }
  return value;
}

// Applies the de minimis rules in force: below a threshold, the duty and/or import tax is not
// collected at import. Each rule that applies (or that suspends de minimis) adds its own note
// from data/de_minimis.csv, e.g. that UK VAT on such goods is charged at the point of sale.
void apply_de_minimis(const TariffTreatment& t, const Money& intrinsic, LandedCost& out,
                      LineWriter& lines) {
  for (const DeMinimisTest& test : t.de_minimis) {
    if (!test.threshold) {
      lines.note(test.rule->note);
      continue;
    }
    const bool below =
        test.rule->strictly_below ? intrinsic < *test.threshold : intrinsic <= *test.threshold;
    if (!below) continue;
    const auto scope = test.rule->scope;
    if (scope != refdata::DeMinimisScope::kImportTax) out.duty_de_minimis = true;
    if (scope != refdata::DeMinimisScope::kDuty) {
      (test.rule->collected_at_sale ? out.tax_at_sale : out.tax_de_minimis) = true;
    }
    lines.note(test.rule->note);
  }
}

Status apply_duties(const TariffTreatment& t, const ShipmentCosts& costs, LandedCost& out,
                    LineWriter& lines) {
  const Money& value = out.valuation.customs_value;
  DutyBase base = duty_base(value, costs, t.as_of);
  Money duty = Money::zero(t.currency);
  if (!out.duty_de_minimis && !t.internal_market) {
    ASSIGN_OR_RETURN(duty, rounded_duty(t.duty_rate, base));
  }
  RETURN_IF_ERROR(
      lines.add({.kind = LineKind::kDuty,
                 .label = t.internal_market     ? "Customs duty (none: within the customs union)"sv
                          : out.duty_de_minimis ? "Customs duty (not collected: de minimis)"sv
                                                : "Customs duty (MFN)"sv,
                 .amount = duty,
                 .base = value,
                 .rate_text = t.duty_provenance.text,
                 .provenance = t.duty_provenance}));
  out.duty = duty;
  base.base_duty = duty;
  for (const AdditionalDuty& extra : t.additional_duties) {
    Money amount = Money::zero(t.currency);
    if (!out.duty_de_minimis) {
      ASSIGN_OR_RETURN(amount, rounded_duty(extra.rate, base));
    }
    RETURN_IF_ERROR(lines.add({.kind = LineKind::kAdditionalDuty,
                               .label = extra.label,
                               .amount = amount,
                               .base = value,
                               .rate_text = extra.provenance.text,
                               .provenance = extra.provenance}));
    out.duty += amount;
  }
  return ok_status();
}

Status apply_import_tax(const TariffTreatment& t, const ShipmentCosts& costs, LandedCost& out,
                        LineWriter& lines) {
  const ImportTaxRule rule = import_tax_rule(t.destination, t.customs_union);
  out.import_tax = Money::zero(t.currency);
  out.import_tax_base = Money::zero(t.currency);
  if (t.internal_market) {
    lines.note(
        "no import VAT within the customs union: a VAT-registered buyer self-accounts "
        "VAT on the intra-Community acquisition (Directive 2006/112/EC art. 2(1)(b), "
        "art. 200) and deducts it as input tax");
    return ok_status();
  }
  if (rule.base == ImportTaxBase::kNone || !t.import_tax) {
    lines.note(rule.law);
    return ok_status();
  }
  ImportTaxBaseInput in{out.valuation.customs_value, out.duty, Money::zero(t.currency),
                        Money::zero(t.currency)};
  const auto& delivery = costs.costs[static_cast<int>(CostElement::kDestinationDelivery)];
  if (delivery) in.incidentals += *delivery;
  if (costs.vat_incidentals) in.incidentals += *costs.vat_incidentals;
  for (CostElement e : {CostElement::kFreight, CostElement::kInsurance}) {
    const auto& c = costs.costs[static_cast<int>(e)];
    if (c && !basis_includes(t.valuation->basis, e)) in.transport_not_in_value += *c;
  }
  out.import_tax_base = import_tax_base(rule, in);
  if (!out.tax_de_minimis) {
    out.import_tax = (out.import_tax_base * t.import_tax->rate).rounded(kTaxLineRounding);
  }
  if (rule.general_rule) lines.note(rule.law);
  // string_view literals: the label's length is known at compile time, not measured per call.
  std::string_view label =
      out.tax_de_minimis ? "Import VAT/GST (not collected: de minimis)"sv
      : out.tax_at_sale  ? "VAT/GST charged at the point of sale (not at the border: low value)"sv
                         : "Import VAT/GST"sv;
  return lines.add({.kind = LineKind::kImportTax,
                    .label = label,
                    .amount = out.import_tax,
                    .base = out.import_tax_base,
                    .rate_text = t.import_tax->rate_text,
                    .provenance = t.import_tax->provenance});
}

Status apply_fees(const TariffTreatment& t, const ShipmentCosts& costs, LandedCost& out,
                  LineWriter& lines) {
  out.fees = Money::zero(t.currency);
  if (t.destination.code() == "US") {
    const Money& value = out.valuation.customs_value;
    bool formal = costs.us_entry == UsEntryType::kFormal ||
                  (costs.us_entry == UsEntryType::kAuto &&
                   value.amount() > Decimal(kUsInformalEntryLimitUsd));
    const refdata::UsFeeRule* mpf = formal ? t.mpf_formal : t.mpf_informal;
    if (mpf == nullptr) {
      return failed_precondition(std::string("no ") + (formal ? "formal" : "informal") +
                                 " MPF parameters in data/us_user_fees.csv for " +
                                 t.as_of.to_string());
    }
    Money fee = formal ? merchandise_processing_fee(*mpf, value)
                       : Money(mpf->flat.value_or(Decimal(0)), t.currency);
    RETURN_IF_ERROR(lines.add({.kind = LineKind::kFee,
                               .label = formal ? "Merchandise processing fee (formal entry)"sv
                                               : "Merchandise processing fee (informal entry)"sv,
                               .amount = fee,
                               .base = value,
                               .rate_text = mpf->provenance.text,
                               .provenance = mpf->provenance}));
    out.fees += fee;
    if (t.hmf != nullptr && costs.mode == TransportMode::kSea) {
      Money hmf = harbor_maintenance_fee(*t.hmf, value, true);
      RETURN_IF_ERROR(lines.add({.kind = LineKind::kFee,
                                 .label = "Harbor maintenance fee (ocean)",
                                 .amount = hmf,
                                 .base = value,
                                 .rate_text = t.hmf->provenance.text,
                                 .provenance = t.hmf->provenance}));
      out.fees += hmf;
    }
  }
  if (costs.broker_fee) {
    RETURN_IF_ERROR(lines.add({.kind = LineKind::kBrokerage,
                               .label = "Customs broker / clearance",
                               .amount = *costs.broker_fee,
                               .provenance = {.rule = "given by the user"}}));
    out.fees += *costs.broker_fee;
  }
  return ok_status();
}

StatusOr<Money> per_unit(const Money& total, const Quantity& units) {
  if (units.value() <= Decimal(0)) return invalid_argument("quantity: must be greater than zero");
  ASSIGN_OR_RETURN(Decimal each, Decimal::divide(total.amount(), units.value(), kPerUnitScale,
                                                 RoundingMode::kHalfUp));
  return Money(each, total.currency());
}

}  // namespace

Status compute_landed_cost(const TariffTreatment& t, const ShipmentCosts& costs, LandedCost& out) {
  if (!(costs.goods.currency() == t.currency)) {
    return invalid_argument("goods_value: must be in the customs currency " +
                            std::string(t.currency.code()) + " (convert it first)");
  }
  // Reset what the steps below do not assign in every path; the line and note arrays are
  // reused as they are (only their first *_count entries are meaningful).
  out.currency = t.currency;
  out.units = costs.units;
  out.duty_de_minimis = out.tax_de_minimis = out.tax_at_sale = false;
  out.line_count = out.note_count = 0;
  LineWriter lines(out);
  bool insurance_estimated = false;
  const std::optional<Money> insurance = insurance_amount(costs, insurance_estimated);
  ValuationInput valuation{costs.goods, costs.incoterm, costs.costs, t.valuation->basis};
  valuation.costs[static_cast<int>(CostElement::kInsurance)] = insurance;
  RETURN_IF_ERROR(detail::value_goods_into(valuation, out.valuation));

  Money total;
  RETURN_IF_ERROR(add_goods_and_transport(costs, insurance, insurance_estimated, lines, total));
  if (costs.vat_incidentals) {
    RETURN_IF_ERROR(lines.add({.kind = LineKind::kDestinationDelivery,
                               .label = "Incidental costs to the first destination",
                               .amount = *costs.vat_incidentals,
                               .provenance = {.rule = "given by the user"}}));
    total += *costs.vat_incidentals;
  }
  if (!t.internal_market) apply_de_minimis(t, intrinsic_value(out.valuation), out, lines);
  RETURN_IF_ERROR(apply_duties(t, costs, out, lines));
  RETURN_IF_ERROR(apply_import_tax(t, costs, out, lines));
  RETURN_IF_ERROR(apply_fees(t, costs, out, lines));

  out.total = total + out.duty + out.import_tax + out.fees;
  out.total_net_of_import_tax = out.total - out.import_tax;
  ASSIGN_OR_RETURN(out.per_unit, per_unit(out.total, costs.units));
  ASSIGN_OR_RETURN(out.per_unit_net_of_import_tax,
                   per_unit(out.total_net_of_import_tax, costs.units));
  if (!out.import_tax.is_zero()) {
    lines.note(
        "import VAT/GST is usually recoverable as input tax by a registered importer: "
        "see total_net_of_import_tax");
  }
  return ok_status();
}

StatusOr<LandedCost> compute_landed_cost(const TariffTreatment& t, const ShipmentCosts& costs) {
  LandedCost out;
  RETURN_IF_ERROR(compute_landed_cost(t, costs, out));
  return out;
}

}  // namespace kontor::trade
