// Route options: for one shipment (origin, destination market, cargo, ship date) every freight
// mode the rate card prices on that lane, each with its cost explained line by line (freight,
// minimum charge applied, origin and destination charges; each line names its rate-card row),
// transit time, arrival window and — when asked — the cost converted with a dated FX rate. Then
// the cost/time Pareto set and which options arrive by a deadline.
//
// Money stays in the rate card's currency per line; option totals are in one currency (the
// card's, or `target_currency` through the FX lookup, each conversion recorded). Amounts are
// exact; per-line amounts are rounded half-up to the currency's minor unit, as carriers invoice.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/date.h"
#include "core/fx_rate.h"
#include "core/money.h"
#include "core/provenance.h"
#include "core/status.h"
#include "logistics/cargo.h"
#include "logistics/ports.h"
#include "logistics/rate_card.h"

namespace kontor::logistics {

// Dated FX seam, the same signature as catalog::FxLookup (catalog::fx_lookup(table) fits).
using FxLookup = std::function<StatusOr<FxRate>(const Currency& from, const Currency& to, Date)>;

struct RouteRequest {
  CountryCode origin;               // supplier country
  std::string origin_port_or_city;  // supplier's port ("Ningbo") or city; may be empty
  CountryCode destination;          // market
  Cargo cargo;
  Date ship_date;                           // cargo ready at the port of loading
  std::optional<Currency> target_currency;  // convert totals (needs fx)
  std::optional<Date> deadline;             // goods must have arrived by this date
  // Days from arrival at the port/airport to in stock (clearance, delivery); added to arrival.
  int clearance_days = 0;
};

struct RouteCostLine {
  ChargeKind charge = ChargeKind::kFreight;
  std::string label;  // "Ocean freight CN→EU, 3.6 w/m × 65.00 USD"
  Money amount;       // in the line's rate-card currency, rounded half-up to minor unit
  Decimal quantity;   // w/m, containers, kg or 1 (per shipment)
  Decimal rate;
  bool minimum_applied = false;    // the row's min_charge replaced quantity × rate
  std::optional<Money> converted;  // in the option's currency when it differs
  Provenance provenance;           // the rate-card row
};

struct RouteOption {
  FreightMode mode = FreightMode::kSeaLcl;
  PortCall from;
  PortCall to;
  std::int64_t containers = 0;  // FCL only
  std::vector<RouteCostLine> lines;
  Money total;             // in `currency`
  Currency currency;       // card currency or the requested target
  std::vector<FxRate> fx;  // conversions used
  int transit_days_min = 0;
  int transit_days_max = 0;
  Date arrival_earliest;               // ship_date + transit min + clearance
  Date arrival_latest;                 // ship_date + transit max + clearance
  std::optional<bool> meets_deadline;  // arrival_latest ≤ deadline; none without a deadline
  bool pareto = false;  // no other option is both cheaper and faster (latest arrival)
  std::optional<int> sea_distance_nm;  // sea modes between major ports
  std::string note;                    // "LCL suggested for 3.6 m3", "below express bracket", …
};

struct RoutePlan {
  RouteRequest request;
  PortCall from;
  PortCall to;
  std::vector<RouteOption> options;   // cheapest first (ties: faster first)
  std::vector<std::string> warnings;  // modes with no rate on the lane, FX failures
  // Index into options of the cheapest option that meets the deadline (or the cheapest overall
  // without a deadline); nullopt when none meets it.
  std::optional<std::size_t> recommended;
};

// Every mode with a freight rate on the lane on ship_date. not_found when no mode is priced on
// the lane; invalid_argument when target_currency is set without fx. A mode whose conversion
// fails is left out with a warning.
StatusOr<RoutePlan> plan_routes(const RateCard& card, const PortDirectory& ports,
                                const RouteRequest& request, const FxLookup& fx = nullptr);

// The option's total per unit of cargo, half-up to 4 decimal places (the per-unit rule of
// trade/landed_cost.h), for adding freight to a landed cost per unit.
Money cost_per_unit(const RouteOption& option, std::int64_t units);

// Marks RouteOption::pareto over (total, arrival_latest); options must share one currency.
void mark_pareto(std::vector<RouteOption>& options);

// {"mode": "sea_lcl", "total": {"amount": "…", "currency": "USD"}, "lines": [...]} with
// provenance strings; for case sections and reports.
nlohmann::json to_json(const RouteOption& option);
nlohmann::json to_json(const RoutePlan& plan);

// A readable table, one option per block with its cost lines (the golden-file format).
std::string to_text(const RoutePlan& plan);

}  // namespace kontor::logistics
