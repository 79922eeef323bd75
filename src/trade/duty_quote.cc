#include "trade/duty_quote.h"

#include "trade/landed_cost_json.h"

namespace kontor::trade {
namespace {

StatusOr<DutyQuote::Part> price_part(std::string label, const DutyRate& rate,
                                     const Provenance& provenance, const DutyBase& base) {
  auto exact = compute_duty(rate, base);
  if (!exact.ok()) return exact.status().with_context(label);
  Money rounded = exact->amount;
  if (exact->base_duty) rounded -= *exact->base_duty;
  return DutyQuote::Part{std::move(label), rate, provenance, *exact,
                         rounded.rounded(RoundingMode::kHalfUp)};
}

}  // namespace

StatusOr<DutyQuote> quote_duty(const refdata::ReferenceData& data, const DutyRequest& request) {
  DutyQuote q;
  ASSIGN_OR_RETURN(q.treatment,
                   resolve_treatment(data, request.hs_code, request.origin, request.destination,
                                     request.as_of, refdata::VatRateKind::kStandard, nullptr));
  const TariffTreatment& t = q.treatment;
  q.customs_value = request.customs_value;
  if (!(request.customs_value.currency() == t.currency)) {
    auto rate = data.fx.rate(request.customs_value.currency(), t.currency, request.as_of);
    if (!rate.ok()) return rate.status().with_context("customs_value");
    q.fx = *rate;
    q.customs_value = convert(request.customs_value, *rate).rounded(RoundingMode::kHalfUp);
  }
  DutyBase base;
  base.customs_value = q.customs_value;
  base.entry_date = request.as_of;
  base.quantities = request.measures;
  if (request.units) {
    for (auto& slot : base.quantities) {
      if (!slot) {
        slot = request.units;
        break;
      }
    }
  }
  ASSIGN_OR_RETURN(DutyQuote::Part own,
                   price_part("Customs duty (MFN)", t.duty_rate, t.duty_provenance, base));
  base.base_duty = own.rounded;
  q.total = own.rounded;
  q.parts.push_back(std::move(own));
  for (const AdditionalDuty& extra : t.additional_duties) {
    ASSIGN_OR_RETURN(DutyQuote::Part part,
                     price_part(extra.label, extra.rate, extra.provenance, base));
    q.total += part.rounded;
    q.parts.push_back(std::move(part));
  }
  return q;
}

nlohmann::json duty_quote_json(const DutyQuote& q) {
  const TariffTreatment& t = q.treatment;
  nlohmann::json parts = nlohmann::json::array();
  for (const DutyQuote::Part& p : q.parts) {
    parts.push_back({{"label", p.label},
                     {"rate_text", std::string(p.rate.text)},
                     {"form", std::string(duty_form_name(p.rate.form))},
                     {"exact", money_json(p.exact.amount)},
                     {"amount", money_json(p.rounded)},
                     {"explanation", explain(p.rate, p.exact)},
                     {"provenance", provenance_json(p.provenance)}});
  }
  nlohmann::json out = {{"tariff_line", t.line->display_code},
                        {"description", t.line->description},
                        {"tariff", t.schedule->source().title},
                        {"customs_value", money_json(q.customs_value)},
                        {"parts", parts},
                        {"duty", money_json(q.total)},
                        {"warnings", t.warnings}};
  if (q.fx) out["fx"] = fx_json(*q.fx);
  return out;
}

}  // namespace kontor::trade
