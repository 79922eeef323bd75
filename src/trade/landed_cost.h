// Landed cost: what one shipment costs delivered and cleared at the destination, per shipment
// and per unit — goods, carriage, insurance, customs duty (and additional duties such as US
// Section 301), import VAT/GST, fees (US MPF and HMF, brokerage) — every line with its
// provenance: data file and row, tariff line, rate text, FX rate and date, rule.
//
// Two stages, so the crew can price many quotes for one product quickly:
//   resolve_treatment(): the lookups that depend only on goods, origin, destination and date
//     (tariff line and parsed duty rates, VAT rate, valuation basis, de minimis and fee rules);
//   compute_landed_cost(): pure exact arithmetic on amounts already in the customs currency.
// quote_landed_cost() does both for a request whose amounts are in any currencies, converting
// each with the dated FX table.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/fx_rate.h"
#include "core/incoterm.h"
#include "core/money.h"
#include "core/quantity.h"
#include "refdata/reference_data.h"
#include "trade/duty.h"
#include "trade/valuation.h"

namespace kontor::trade {

enum class TransportMode { kSea, kAir, kRoad, kRail, kCourier, kPost };
std::string_view transport_mode_name(TransportMode mode);  // "sea", "air", …
StatusOr<TransportMode> parse_transport_mode(std::string_view text);

// US entry type (19 CFR 143.21: informal up to $2,500 for most goods).
enum class UsEntryType { kAuto, kFormal, kInformal };

struct AdditionalDuty {
  std::string label;  // "Section 301 (list 3, 9903.88.03)"
  DutyRate rate;
  Provenance provenance;
};

// A de minimis rule with its threshold converted to the customs currency on the as-of date.
struct DeMinimisTest {
  const refdata::DeMinimisRule* rule = nullptr;
  std::optional<Money> threshold;  // none when the rule suspends de minimis
  int fx_index = -1;               // conversion used (LandedCostQuote::fx), -1 if none
};

// Everything that depends only on the goods, origin, destination and date.
struct TariffTreatment {
  CountryCode origin;
  CountryCode destination;
  std::string customs_union;  // "EU" or empty
  // Origin and destination in the same customs union on the date: no import, so no customs
  // duty and no import VAT (EU: VAT on the intra-Community acquisition is self-accounted by a
  // registered buyer, Directive 2006/112/EC art. 2(1)(b) and 200).
  bool internal_market = false;
  Date as_of;
  Currency currency;  // the customs currency of the destination
  const refdata::TariffSchedule* schedule = nullptr;
  const refdata::TariffLine* line = nullptr;
  DutyRate duty_rate;  // the general (MFN) rate of the line
  Provenance duty_provenance;
  std::vector<AdditionalDuty> additional_duties;
  std::optional<refdata::VatRate> import_tax;  // none: the destination levies no import VAT
  std::string_view import_tax_base_rule;       // what the VAT/GST is levied on, with its law
  const refdata::ValuationRule* valuation = nullptr;
  std::vector<DeMinimisTest> de_minimis;
  const refdata::UsFeeRule* mpf_formal = nullptr;  // US only
  const refdata::UsFeeRule* mpf_informal = nullptr;
  const refdata::UsFeeRule* hmf = nullptr;  // US only
  std::vector<std::string> warnings;        // e.g. "tariff data is the 2024 edition"
};

// `fx` receives the conversions of de minimis thresholds (may be null to skip de minimis
// thresholds in other currencies, which then become a warning).
StatusOr<TariffTreatment> resolve_treatment(const refdata::ReferenceData& data,
                                            std::string_view hs_code, CountryCode origin,
                                            CountryCode destination, Date as_of,
                                            refdata::VatRateKind vat_kind, std::vector<FxRate>* fx);

// Amounts in the treatment's customs currency.
struct ShipmentCosts {
  Money goods;  // invoice price of the goods under `incoterm`
  Incoterm incoterm = Incoterm::kFOB;
  std::array<std::optional<Money>, kCostElementCount> costs;  // by CostElement
  // Insurance estimated as rate × 110 % × (goods + freight) when no insurance amount is given
  // (110 %: the minimum cover of Incoterms 2020 CIF/CIP A5). The line is flagged an estimate.
  std::optional<Decimal> insurance_rate;
  std::optional<Money> vat_incidentals;  // other costs to the first place of destination
  std::optional<Money> broker_fee;
  Quantity units;                                   // what per-unit figures divide by: 2000 pcs
  std::array<std::optional<Quantity>, 4> measures;  // for specific duties: kg, l, m2, pairs…
  TransportMode mode = TransportMode::kSea;
  UsEntryType us_entry = UsEntryType::kAuto;
};

enum class LineKind {
  kGoods,
  kOriginCharges,
  kFreight,
  kInsurance,
  kDestinationDelivery,
  kDuty,
  kAdditionalDuty,
  kImportTax,
  kFee,
  kBrokerage,
};
std::string_view line_kind_name(LineKind kind);  // "goods", "duty", …

struct CostLine {
  LineKind kind = LineKind::kGoods;
  std::string_view label;      // "Customs duty (MFN)", "Merchandise processing fee"
  Money amount;                // in the customs currency, rounded where the rule says
  std::optional<Money> base;   // what a rate was applied to
  std::string_view rate_text;  // the rate as printed or as the rule states it
  Provenance provenance;
  bool estimate = false;  // an estimate the user should replace with a real figure
  int fx_index = -1;      // index into LandedCostQuote::fx when converted from a quote
};

struct LandedCost {
  Currency currency;
  CustomsValuation valuation;
  Money duty;        // customs duty plus additional duties
  Money import_tax;  // import VAT / GST (0 where none is levied)
  Money import_tax_base;
  Money fees;                     // MPF, HMF, brokerage
  Money total;                    // everything the buyer pays to have the goods at the destination
  Money total_net_of_import_tax;  // for a VAT-registered importer who recovers import VAT
  Money per_unit;                 // total ÷ units, half-up to 4 decimal places
  Money per_unit_net_of_import_tax;
  Quantity units;
  bool duty_de_minimis = false;
  bool tax_de_minimis = false;
  // Below the threshold of a rule that moves the tax to the point of sale (UK £135, AU A$1,000):
  // not paid at the border, still counted in the landed cost.
  bool tax_at_sale = false;
  std::array<CostLine, 16> line_storage;
  int line_count = 0;
  std::array<std::string_view, 8> note_storage;  // static rule texts
  int note_count = 0;

  const CostLine* begin() const { return line_storage.data(); }
  const CostLine* end() const { return line_storage.data() + line_count; }
};

// Pure arithmetic; no lookups, no allocation on success.
StatusOr<LandedCost> compute_landed_cost(const TariffTreatment& treatment,
                                         const ShipmentCosts& costs);
// The same into `out` (overwritten), for hot loops such as pricing every supplier × shipping
// option: no copy of the ~3 KB result. On error `out` is unspecified.
Status compute_landed_cost(const TariffTreatment& treatment, const ShipmentCosts& costs,
                           LandedCost& out);

// A request in the user's terms: amounts in any currency.
struct LandedCostRequest {
  std::string hs_code;
  CountryCode origin;
  CountryCode destination;
  Money goods_value;
  Incoterm incoterm = Incoterm::kFOB;
  std::array<std::optional<Money>, kCostElementCount> costs;
  std::optional<Decimal> insurance_rate;
  std::optional<Money> vat_incidentals;
  std::optional<Money> broker_fee;
  Quantity units;
  std::array<std::optional<Quantity>, 4> measures;
  TransportMode mode = TransportMode::kSea;
  UsEntryType us_entry = UsEntryType::kAuto;
  refdata::VatRateKind vat_kind = refdata::VatRateKind::kStandard;
  Date as_of;
  std::optional<Currency> buyer_currency;  // default: the customs currency
};

struct LandedCostQuote {
  TariffTreatment treatment;
  LandedCost cost;                 // in the customs currency
  std::vector<FxRate> fx;          // every conversion used, referenced by CostLine::fx_index
  std::optional<FxRate> buyer_fx;  // customs currency → buyer currency, when they differ
  Money total_buyer;               // total and per unit in the buyer's currency
  Money per_unit_buyer;
};

StatusOr<LandedCostQuote> quote_landed_cost(const refdata::ReferenceData& data,
                                            const LandedCostRequest& request);

}  // namespace kontor::trade
