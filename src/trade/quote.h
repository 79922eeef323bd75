// Quote normalisation: a supplier's offer (price tiers by quantity, MOQ, Incoterm, currency) put
// on the brief's terms — the unit price of the tier that applies at the brief's quantity, in the
// buyer's currency through a dated FX rate, and what the Incoterm leaves to the buyer (main
// freight, insurance, export clearance, …) so offers on different terms compare fairly once the
// logistics engine prices those legs.
//
// QuoteTerms is the engine's own view of an offer (crew/catalog_terms.h reads a catalog::Offer
// into it: trade sits above the catalog and does not know it).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/fx_rate.h"
#include "core/incoterm.h"
#include "core/money.h"
#include "core/provenance.h"
#include "core/status.h"
#include "refdata/fx.h"

namespace kontor::trade {

// Dated FX seam, the same type as catalog::FxLookup and logistics::FxLookup.
using FxLookup = std::function<StatusOr<FxRate>(const Currency& from, const Currency& to, Date)>;
// Wraps FxTable::rate (ECB, then Fed, then HMRC) with a maximum age in days.
FxLookup fx_lookup_from(const refdata::FxTable& table, int max_age_days = 45);

struct QuoteTier {
  std::int64_t min_quantity = 1;
  Decimal unit_price;
};

struct QuoteTerms {
  std::string offer_id;
  std::string supplier_id;
  Currency currency;
  std::vector<QuoteTier> tiers;  // ascending min_quantity
  std::int64_t moq = 1;
  Incoterm incoterm = Incoterm::kFOB;
  std::string named_place;
  int lead_time_days = 0;
  Date valid_until;  // default Date(): no validity stated
};

// A cost the buyer still has to pay (and the logistics engine to price) under the Incoterm.
enum class BuyerCost {
  kExportClearance,
  kOriginDelivery,
  kMainCarriage,
  kInsurance,
  kDestinationDelivery,
  kImportClearance,
};
std::string_view buyer_cost_name(BuyerCost cost);  // "main_carriage", …

struct NormalisedQuote {
  bool serviceable = false;
  std::string reason;  // why not: "MOQ 3000 not met by 2000 pcs", "offer expired …"
  std::int64_t quantity = 0;
  std::optional<QuoteTier> tier;  // the tier that applies
  std::string tier_text;          // "tier from 1000 pcs: 4.20 USD"
  Money unit_price;               // offer currency, exact as quoted
  Money goods_total;              // unit_price × quantity, offer currency
  Money unit_price_target;        // in the target currency, exact (no rounding)
  Money goods_total_target;       // unit_price_target × quantity
  std::optional<FxRate> fx;       // when the currencies differ
  Incoterm incoterm = Incoterm::kFOB;
  std::vector<BuyerCost> buyer_pays;  // what the price leaves out, in shipping order
  bool needs_freight = false;         // main carriage not included (EXW/FCA/FAS/FOB)
  bool needs_insurance = false;    // cargo insurance not bought by the seller (all but CIF/CIP…)
  std::vector<std::string> notes;  // "FOB Ningbo: freight and insurance to add", …
};

// quantity > 0. Not serviceable (ok status, serviceable=false, reason) when the quantity is below
// the MOQ or the offer expired before `as_of`. Errors: invalid_argument for empty tiers or
// quantity ≤ 0; the FX lookup's error when a conversion is needed and fails.
StatusOr<NormalisedQuote> normalise_quote(const QuoteTerms& terms, std::int64_t quantity,
                                          const Currency& target, Date as_of, const FxLookup& fx);

// {"serviceable", "reason", "quantity", "tier", "unit_price", "goods_total", "unit_price_target",
// "goods_total_target", "fx": {rate, date, provenance}, "incoterm", "buyer_pays": [...], "notes"}.
nlohmann::json to_json(const NormalisedQuote& quote);

}  // namespace kontor::trade
