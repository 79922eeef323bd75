// The lookup stage of the landed-cost engine: resolve_treatment() and quote_landed_cost().
#include <algorithm>
#include <cstdio>
#include <string>

#include "trade/landed_cost.h"

namespace kontor::trade {
namespace {

bool origin_in_scope(std::string_view scope, CountryCode origin) {
  if (scope.empty()) return true;
  std::size_t start = 0;
  while (start <= scope.size()) {
    std::size_t end = scope.find(',', start);
    if (end == std::string_view::npos) end = scope.size();
    if (scope.substr(start, end - start) == origin.code()) return true;
    start = end + 1;
  }
  return false;
}

// "… effective with respect to entries on or after September 27, 2024, …" in a chapter 99
// heading: the first day the heading applies, if its text states one.
std::optional<Date> effective_from(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
  constexpr std::string_view kMarker = "on or after ";
  std::size_t at = text.find(kMarker);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = text.substr(at + kMarker.size());
  for (int m = 0; m < 12; ++m) {
    if (rest.substr(0, kMonths[m].size()) != kMonths[m]) continue;
    int day = 0, year = 0;
    if (std::sscanf(std::string(rest.substr(kMonths[m].size(), 12)).c_str(), " %d, %d", &day,
                    &year) != 2) {
      return std::nullopt;
    }
    auto date = Date::from_ymd(year, m + 1, day);
    if (date.ok()) return *date;
  }
  return std::nullopt;
}

// Sum of the ad valorem components: how Section 301 lists compare with each other.
Decimal additional_ad_valorem(const DutyRate& rate) {
  Decimal sum(0);
  for (const DutyComponent& c : rate) {
    if (c.is_ad_valorem()) sum += c.rate;
  }
  return sum;
}

// The Section 301 heading that applies on the date: a heading the HTS marks "provision
// suspended" (list 4B) or whose entries start after the as-of date is skipped; of the rest,
// the highest rate wins, because later lists (the 2024 review's increases) set the rate for
// lines earlier lists covered rather than adding to it.
Status add_section301(const refdata::ReferenceData& data, TariffTreatment& t) {
  std::vector<AdditionalDuty> found;
  for (const refdata::Section301Entry* e : data.section301.find(t.line->code)) {
    const refdata::TariffLine* heading = data.us_hts.find(e->ch99_code);
    const std::string_view text = heading ? std::string_view(heading->description) : "";
    const std::string label = "Section 301 (list " + e->list + ", " + e->ch99_code + ")";
    if (text.find("provision suspended") != std::string_view::npos) {
      t.warnings.push_back(label + " is suspended (HTS: provision suspended); not applied");
      continue;
    }
    if (auto from = effective_from(text); from && t.as_of < *from) {
      t.warnings.push_back(label + " applies from " + from->to_string() + "; not applied");
      continue;
    }
    ASSIGN_OR_RETURN(DutyRate rate, parse_duty_rate(e->ch99_rate_text, "US"));
    found.push_back({label, rate,
                     Provenance{&data.section301.source(), e->line, e->ch99_code, e->ch99_rate_text,
                                "Section 301 (19 U.S.C. 2411): additional duty on products of "
                                "China"}});
  }
  const AdditionalDuty* best = nullptr;
  for (const AdditionalDuty& d : found) {
    if (best == nullptr || additional_ad_valorem(d.rate) > additional_ad_valorem(best->rate)) {
      best = &d;
    }
  }
  if (best == nullptr) return ok_status();
  if (found.size() > 1) {
    t.warnings.push_back("line " + t.line->display_code + " is on " + std::to_string(found.size()) +
                         " Section 301 lists in force; the highest rate is applied (" +
                         best->label + ")");
  }
  t.additional_duties.push_back(*best);
  return ok_status();
}

Status add_de_minimis(const refdata::ReferenceData& data, TariffTreatment& t,
                      std::vector<FxRate>* fx) {
  for (const refdata::DeMinimisRule* rule :
       data.rules.de_minimis(t.destination, t.customs_union, t.as_of)) {
    if (!origin_in_scope(rule->origin_scope, t.origin)) continue;
    DeMinimisTest test{rule, std::nullopt, -1};
    if (!rule->suspended) {
      ASSIGN_OR_RETURN(Currency cur, data.currencies.find(rule->currency));
      Money threshold(rule->threshold, cur);
      if (!(cur == t.currency)) {
        if (fx == nullptr) continue;
        ASSIGN_OR_RETURN(FxRate rate, data.fx.rate(cur, t.currency, t.as_of));
        fx->push_back(rate);
        test.fx_index = static_cast<int>(fx->size()) - 1;
        threshold = convert(threshold, rate);
      }
      test.threshold = threshold;
    }
    t.de_minimis.push_back(test);
  }
  return ok_status();
}

void add_edition_warning(TariffTreatment& t) {
  const std::string_view j = t.schedule->jurisdiction();
  const DataSource& s = t.schedule->source();
  if (j == "US" && t.as_of >= Date::from_ymd(2025, 2, 4).value()) {
    t.warnings.push_back("US tariff data is " + s.title + " (" + s.edition +
                         "): duties imposed since, such as the 2025 IEEPA tariffs, are not "
                         "included");
  } else if (j == "EU" && t.as_of >= Date::from_ymd(2021, 1, 1).value()) {
    t.warnings.push_back("EU tariff data is " + s.title + " (" + s.edition +
                         "): check TARIC for the rate in force on " + t.as_of.to_string());
  } else if (j == "GB" && t.as_of >= Date::from_ymd(2022, 1, 1).value()) {
    t.warnings.push_back("UK tariff data is " + s.title + " (" + s.edition +
                         "): check the UK Trade Tariff for the rate in force on " +
                         t.as_of.to_string());
  }
}

}  // namespace

namespace {

// CBP publishes the user-fee parameters per fiscal year, a few weeks before it starts. A date past
// the last fiscal year in the data uses that year's parameters, with a warning saying so, rather
// than refusing every US quote until the table is updated.
StatusOr<const refdata::UsFeeRule*> us_fee_in_force(const refdata::ReferenceData& data,
                                                    refdata::UsFeeKind kind, Date as_of,
                                                    std::string_view variant,
                                                    std::vector<std::string>& warnings) {
  auto fee = data.rules.us_fee(kind, as_of, variant);
  if (fee.ok() || fee.status().code() != StatusCode::kFailedPrecondition) return fee;
  const refdata::UsFeeRule* latest = nullptr;
  for (const refdata::UsFeeRule& r : data.rules.us_fee_rules()) {
    if (r.kind != kind || (!variant.empty() && r.variant != variant)) continue;
    if (r.valid_to < as_of && (latest == nullptr || latest->valid_to < r.valid_to)) latest = &r;
  }
  if (latest == nullptr) return fee;
  warnings.push_back(std::string(refdata::us_fee_kind_name(kind)) + ": no parameters in force on " +
                     as_of.to_string() + " in the data; the latest known (valid " +
                     latest->valid_from.to_string() + " to " + latest->valid_to.to_string() +
                     ") are used: check CBP's current user-fee notice");
  return latest;
}

}  // namespace

StatusOr<TariffTreatment> resolve_treatment(const refdata::ReferenceData& data,
                                            std::string_view hs_code, CountryCode origin,
                                            CountryCode destination, Date as_of,
                                            refdata::VatRateKind vat_kind,
                                            std::vector<FxRate>* fx) {
  TariffTreatment t;
  t.origin = origin;
  t.destination = destination;
  t.as_of = as_of;
  RETURN_IF_ERROR(data.countries.find(origin).status().with_context("origin"));
  RETURN_IF_ERROR(data.countries.find(destination).status().with_context("destination"));
  // The provenance below keeps a view of the union's name: it must point into the reference
  // data, not into `t`, whose string moves with it.
  const std::string_view customs_union = data.countries.customs_union(destination, as_of);
  t.customs_union = std::string(customs_union);
  t.internal_market =
      !t.customs_union.empty() && data.countries.customs_union(origin, as_of) == t.customs_union;
  ASSIGN_OR_RETURN(t.schedule, data.tariff_for(destination, as_of));
  ASSIGN_OR_RETURN(t.currency, data.currencies.find(t.schedule->currency()));
  auto line = t.schedule->resolve(hs_code);
  if (!line.ok()) return line.status().with_context("hs_code");
  t.line = *line;
  auto rate = parse_duty_rate(t.line->general_rate, t.schedule->jurisdiction());
  if (!rate.ok()) return rate.status().with_context("tariff line " + t.line->display_code);
  t.duty_rate = std::move(rate).value();
  t.duty_provenance = Provenance{&t.schedule->source(), t.line->rate_line, t.line->display_code,
                                 t.line->general_rate, "general (MFN) rate of the tariff line"};
  if (t.internal_market) {
    t.duty_provenance = Provenance{&data.countries.customs_unions_source(), 0, customs_union,
                                   "no customs duty within the customs union",
                                   "TFEU art. 28-30: free movement of goods in the customs union"};
  }
  if (destination.code() == "US" && origin.code() == "CN") {
    RETURN_IF_ERROR(add_section301(data, t));
  }
  if (destination.code() != "US") {
    auto vat = data.vat.rate(destination, as_of, vat_kind);
    if (!vat.ok()) return vat.status().with_context("import VAT");
    t.import_tax = *vat;
  }
  ASSIGN_OR_RETURN(t.valuation, data.rules.valuation(destination, t.customs_union));
  RETURN_IF_ERROR(add_de_minimis(data, t, fx));
  if (destination.code() == "US") {
    ASSIGN_OR_RETURN(t.mpf_formal,
                     us_fee_in_force(data, refdata::UsFeeKind::kMpfFormal, as_of, "", t.warnings));
    std::vector<std::string> said;  // the formal fee's warning already covers the fiscal year
    auto informal =
        us_fee_in_force(data, refdata::UsFeeKind::kMpfInformal, as_of, "automated", said);
    if (informal.ok()) t.mpf_informal = *informal;
    ASSIGN_OR_RETURN(t.hmf, us_fee_in_force(data, refdata::UsFeeKind::kHmf, as_of, "", t.warnings));
  }
  add_edition_warning(t);
  return t;
}

namespace {

// Converts an amount into the customs currency at the dated rate, half-up to the minor unit
// (each converted amount is one figure on the declaration). Records the rate in `fx`.
StatusOr<Money> to_customs_currency(const refdata::ReferenceData& data, const Money& amount,
                                    const Currency& target, Date as_of, std::vector<FxRate>& fx,
                                    int& fx_index, std::string_view field) {
  fx_index = -1;
  if (amount.currency() == target) return amount;
  auto rate = data.fx.rate(amount.currency(), target, as_of);
  if (!rate.ok()) return rate.status().with_context(field);
  for (std::size_t i = 0; i < fx.size(); ++i) {
    if (fx[i].from == rate->from && fx[i].date == rate->date) fx_index = static_cast<int>(i);
  }
  if (fx_index < 0) {
    fx.push_back(*rate);
    fx_index = static_cast<int>(fx.size()) - 1;
  }
  return convert(amount, *rate).rounded(RoundingMode::kHalfUp);
}

}  // namespace

StatusOr<LandedCostQuote> quote_landed_cost(const refdata::ReferenceData& data,
                                            const LandedCostRequest& request) {
  LandedCostQuote quote;
  ASSIGN_OR_RETURN(quote.treatment,
                   resolve_treatment(data, request.hs_code, request.origin, request.destination,
                                     request.as_of, request.vat_kind, &quote.fx));
  const Currency& cur = quote.treatment.currency;
  ShipmentCosts costs;
  int goods_fx = -1;
  std::array<int, kCostElementCount> cost_fx{-1, -1, -1, -1};
  ASSIGN_OR_RETURN(costs.goods, to_customs_currency(data, request.goods_value, cur, request.as_of,
                                                    quote.fx, goods_fx, "goods_value"));
  for (int i = 0; i < kCostElementCount; ++i) {
    if (!request.costs[i]) continue;
    ASSIGN_OR_RETURN(
        costs.costs[i],
        to_customs_currency(data, *request.costs[i], cur, request.as_of, quote.fx, cost_fx[i],
                            cost_element_name(static_cast<CostElement>(i))));
  }
  int unused = -1;
  if (request.vat_incidentals) {
    ASSIGN_OR_RETURN(costs.vat_incidentals,
                     to_customs_currency(data, *request.vat_incidentals, cur, request.as_of,
                                         quote.fx, unused, "vat_incidentals"));
  }
  if (request.broker_fee) {
    ASSIGN_OR_RETURN(costs.broker_fee,
                     to_customs_currency(data, *request.broker_fee, cur, request.as_of, quote.fx,
                                         unused, "broker_fee"));
  }
  costs.incoterm = request.incoterm;
  costs.insurance_rate = request.insurance_rate;
  costs.units = request.units;
  costs.measures = request.measures;
  costs.mode = request.mode;
  costs.us_entry = request.us_entry;
  ASSIGN_OR_RETURN(quote.cost, compute_landed_cost(quote.treatment, costs));
  for (int i = 0; i < quote.cost.line_count; ++i) {
    CostLine& line = quote.cost.line_storage[i];
    switch (line.kind) {
      case LineKind::kGoods: line.fx_index = goods_fx; break;
      case LineKind::kOriginCharges: line.fx_index = cost_fx[0]; break;
      case LineKind::kFreight: line.fx_index = cost_fx[1]; break;
      case LineKind::kInsurance: line.fx_index = cost_fx[2]; break;
      case LineKind::kDestinationDelivery: line.fx_index = cost_fx[3]; break;
      default: break;
    }
  }
  quote.total_buyer = quote.cost.total;
  quote.per_unit_buyer = quote.cost.per_unit;
  if (request.buyer_currency && !(*request.buyer_currency == cur)) {
    auto rate = data.fx.rate(cur, *request.buyer_currency, request.as_of);
    if (!rate.ok()) return rate.status().with_context("buyer_currency");
    quote.buyer_fx = *rate;
    quote.total_buyer = convert(quote.cost.total, *rate).rounded(RoundingMode::kHalfUp);
    ASSIGN_OR_RETURN(Decimal each,
                     Decimal::divide(quote.total_buyer.amount(), request.units.value(), 4,
                                     RoundingMode::kHalfUp));
    quote.per_unit_buyer = Money(each, *request.buyer_currency);
  }
  return quote;
}

}  // namespace kontor::trade
