// Rate cards: what carriage costs, lane by lane, as a table the user can replace
// (data/rate_cards.csv by default, `--rate-cards FILE` to override; the format and the public
// sources of the indicative default figures are in data/rate_cards.md). A lane is region to
// region (regions: data/freight_regions.csv); "*" matches any region.
//
// One row is one charge of one mode on one lane:
//   mode     sea_lcl | sea_fcl_20 | sea_fcl_40 | air | express | rail
//   charge   freight | origin | destination
//   basis    per_wm (LCL: per revenue tonne = max(m3, tonnes)) | per_container |
//            per_chargeable_kg | per_shipment | per_cbm
//   rate, currency, min_charge (per shipment, in the same currency; empty = none),
//   weight_from_kg / weight_to_kg (express brackets on chargeable kg: from < w ≤ to),
//   transit_days_min / transit_days_max (freight rows: port to port / door to door for express),
//   valid_from / valid_to (dates), source (where the figure comes from).
// Every figure computed from a row carries that row (file and line) as its provenance.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/currency.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/provenance.h"
#include "core/status.h"

namespace kontor::logistics {

enum class FreightMode { kSeaLcl, kSeaFcl20, kSeaFcl40, kAir, kExpress, kRail };
inline constexpr int kFreightModeCount = 6;
std::string_view freight_mode_name(FreightMode mode);  // "sea_lcl", "sea_fcl_40", …
StatusOr<FreightMode> parse_freight_mode(std::string_view text);
// "Sea freight, LCL", "Air freight", … for reports.
std::string_view freight_mode_label(FreightMode mode);

enum class ChargeKind { kFreight, kOrigin, kDestination };
std::string_view charge_kind_name(ChargeKind kind);

enum class ChargeBasis { kPerWm, kPerContainer, kPerChargeableKg, kPerShipment, kPerCbm };
std::string_view charge_basis_name(ChargeBasis basis);

struct RateLine {
  FreightMode mode = FreightMode::kSeaLcl;
  ChargeKind charge = ChargeKind::kFreight;
  std::string origin_region;       // "CN" or "*"
  std::string destination_region;  // "EU" or "*"
  ChargeBasis basis = ChargeBasis::kPerShipment;
  Decimal rate;
  Currency currency;
  std::optional<Decimal> min_charge;
  std::optional<Decimal> weight_from_kg;  // exclusive lower bound
  std::optional<Decimal> weight_to_kg;    // inclusive upper bound
  int transit_days_min = 0;
  int transit_days_max = 0;
  Date valid_from;
  Date valid_to;
  std::string description;  // "Ocean freight CN→EU, LCL"
  std::string rate_text;    // the rate column as printed: "75"
  std::string source_text;  // the source column
  // File and line; key = description, text = rate_text, rule = source_text (views into this
  // row, valid while the RateCard lives).
  Provenance provenance;
};

class RateCard {
 public:
  RateCard();  // empty; load() builds a real one
  // Reads and validates a rate card CSV. Errors are data_loss "FILE line N, field 'F': reason"
  // (unknown mode, bad decimal, valid_to before valid_from, bracket bounds reversed, …).
  static StatusOr<RateCard> load(const std::string& path);
  // The same from text already in memory; `file` names it in messages and provenance.
  static StatusOr<RateCard> parse(std::string_view text, const std::string& file);
  // data/rate_cards.csv in the repo's data directory.
  static StatusOr<RateCard> load_default(const std::string& repo_dir);

  // Rows of `mode` and `charge` valid on `date` whose lane matches: the exact region beats "*"
  // (origin first). For express freight every bracket row of the best lane is returned.
  std::vector<const RateLine*> find(FreightMode mode, ChargeKind charge,
                                    std::string_view origin_region,
                                    std::string_view destination_region, Date date) const;

  const std::vector<RateLine>& lines() const;
  const DataSource& source() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace kontor::logistics
