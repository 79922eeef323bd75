#include "logistics/route.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace kontor::logistics {

namespace {

constexpr std::array<FreightMode, kFreightModeCount> kAllModes = {
    FreightMode::kSeaLcl, FreightMode::kSeaFcl20, FreightMode::kSeaFcl40,
    FreightMode::kAir,    FreightMode::kExpress,  FreightMode::kRail};

std::int64_t containers_for(FreightMode mode, const Cargo& cargo) {
  switch (mode) {
    case FreightMode::kSeaFcl20: return cargo.containers_20;
    case FreightMode::kSeaFcl40:
    case FreightMode::kRail: return cargo.containers_40;
    default: return 0;
  }
}

const Decimal& chargeable_kg(FreightMode mode, const Cargo& cargo) {
  return mode == FreightMode::kExpress ? cargo.express_chargeable_kg : cargo.air_chargeable_kg;
}

// What a row's rate multiplies, and the unit for the label.
std::pair<Decimal, std::string_view> basis_quantity(ChargeBasis basis, FreightMode mode,
                                                    const Cargo& cargo) {
  switch (basis) {
    case ChargeBasis::kPerWm: return {cargo.revenue_tonnes, "w/m"};
    case ChargeBasis::kPerCbm: return {cargo.volume_m3, "m3"};
    case ChargeBasis::kPerContainer: return {Decimal(containers_for(mode, cargo)), "container(s)"};
    case ChargeBasis::kPerChargeableKg: return {chargeable_kg(mode, cargo), "chargeable kg"};
    case ChargeBasis::kPerShipment: return {Decimal(1), "shipment"};
  }
  return {Decimal(1), "shipment"};
}

bool in_bracket(const RateLine& line, const Decimal& kg) {
  if (line.weight_from_kg && !(*line.weight_from_kg < kg)) return false;
  if (line.weight_to_kg && *line.weight_to_kg < kg) return false;
  return true;
}

RouteCostLine cost_line(const RateLine& row, FreightMode mode, const Cargo& cargo) {
  auto [quantity, unit] = basis_quantity(row.basis, mode, cargo);
  RouteCostLine line;
  line.charge = row.charge;
  line.quantity = quantity.normalized();
  line.rate = row.rate;
  Decimal amount = quantity * row.rate;
  line.label = row.description + ": " + line.quantity.to_plain_string() + " " + std::string(unit) +
               " × " + row.rate.to_plain_string() + " " + std::string(row.currency.code());
  if (row.min_charge && amount < *row.min_charge) {
    amount = *row.min_charge;
    line.minimum_applied = true;
    line.label += " (minimum " + row.min_charge->to_plain_string() + " " +
                  std::string(row.currency.code()) + " applied)";
  }
  // Carriers invoice each charge in whole minor units, half-up.
  line.amount = Money(amount, row.currency).rounded(RoundingMode::kHalfUp);
  line.provenance = row.provenance;
  return line;
}

struct ModeContext {
  const RateCard& card;
  const RouteRequest& request;
  const PortCall& from;
  const PortCall& to;
  const FxLookup& fx;
  std::map<std::string, FxRate> fx_cache;
  // Every option is totalled in one currency so options compare: the target, else the
  // currency of the first freight rate priced.
  std::optional<Currency> plan_currency;
};

// Converts every line into `currency`; false (with a warning) when a rate is missing.
bool convert_lines(ModeContext& ctx, RouteOption& option, std::vector<std::string>& warnings) {
  option.total = Money::zero(option.currency);
  for (RouteCostLine& line : option.lines) {
    if (line.amount.currency() == option.currency) {
      option.total += line.amount;
      continue;
    }
    const std::string key = std::string(line.amount.currency().code());
    auto cached = ctx.fx_cache.find(key);
    if (cached == ctx.fx_cache.end()) {
      if (!ctx.fx) {
        warnings.push_back(std::string(freight_mode_name(option.mode)) + ": charges in " + key +
                           " need an FX rate to " + std::string(option.currency.code()));
        return false;
      }
      auto rate = ctx.fx(line.amount.currency(), option.currency, ctx.request.ship_date);
      if (!rate.ok()) {
        warnings.push_back(std::string(freight_mode_name(option.mode)) + ": " +
                           rate.status().message());
        return false;
      }
      cached = ctx.fx_cache.emplace(key, *rate).first;
    }
    bool recorded = false;
    for (const FxRate& used : option.fx) recorded |= used.from == cached->second.from;
    if (!recorded) option.fx.push_back(cached->second);
    line.converted = convert(line.amount, cached->second).rounded(RoundingMode::kHalfUp);
    option.total += *line.converted;
  }
  return true;
}

std::optional<RouteOption> price_mode(ModeContext& ctx, FreightMode mode,
                                      std::vector<std::string>& warnings) {
  const Cargo& cargo = ctx.request.cargo;
  const Date date = ctx.request.ship_date;
  const std::string lane = ctx.from.region + "→" + ctx.to.region;
  std::vector<const RateLine*> freight =
      ctx.card.find(mode, ChargeKind::kFreight, ctx.from.region, ctx.to.region, date);
  std::erase_if(freight,
                [&](const RateLine* row) { return !in_bracket(*row, chargeable_kg(mode, cargo)); });
  if (freight.empty()) {
    warnings.push_back(std::string(freight_mode_name(mode)) + ": no rate on " + lane + " on " +
                       date.to_string());
    return std::nullopt;
  }
  // Within one region (EU→EU) only a lane priced for it explicitly applies, not the fallback.
  if (ctx.from.region == ctx.to.region &&
      (freight.front()->origin_region == "*" || freight.front()->destination_region == "*")) {
    warnings.push_back(std::string(freight_mode_name(mode)) + ": not offered within " +
                       ctx.from.region);
    return std::nullopt;
  }
  RouteOption option;
  option.mode = mode;
  option.from = ctx.from;
  option.to = ctx.to;
  option.containers = containers_for(mode, cargo);
  if (!ctx.plan_currency) {
    ctx.plan_currency = ctx.request.target_currency.value_or(freight.front()->currency);
  }
  option.currency = *ctx.plan_currency;
  if (freight.front()->origin_region == "*" && freight.front()->destination_region == "*") {
    warnings.push_back(std::string(freight_mode_name(mode)) + ": " + lane +
                       " priced from the card's generic fallback row; get a quote");
  }
  for (const RateLine* row : freight) {
    option.lines.push_back(cost_line(*row, mode, cargo));
    option.transit_days_min = std::max(option.transit_days_min, row->transit_days_min);
    option.transit_days_max = std::max(option.transit_days_max, row->transit_days_max);
  }
  for (ChargeKind charge : {ChargeKind::kOrigin, ChargeKind::kDestination}) {
    for (const RateLine* row : ctx.card.find(mode, charge, ctx.from.region, ctx.to.region, date)) {
      if (in_bracket(*row, chargeable_kg(mode, cargo))) {
        option.lines.push_back(cost_line(*row, mode, cargo));
      }
    }
  }
  if (!convert_lines(ctx, option, warnings)) return std::nullopt;
  const int clearance = ctx.request.clearance_days;
  option.arrival_earliest = date.plus_days(option.transit_days_min + clearance);
  option.arrival_latest = date.plus_days(option.transit_days_max + clearance);
  if (ctx.request.deadline) option.meets_deadline = option.arrival_latest <= *ctx.request.deadline;
  return option;
}

std::string option_note(const RouteOption& option, const Cargo& cargo) {
  const std::string suggested(container_choice_name(cargo.suggested));
  switch (option.mode) {
    case FreightMode::kSeaLcl:
      return cargo.suggested == ContainerChoice::kLcl
                 ? "LCL suits " + cargo.volume_m3.to_plain_string() + " m3"
                 : "cargo of " + cargo.volume_m3.to_plain_string() + " m3 suggests " + suggested;
    case FreightMode::kSeaFcl20:
    case FreightMode::kSeaFcl40:
    case FreightMode::kRail:
      return std::to_string(option.containers) + " container(s) for " +
             cargo.volume_m3.to_plain_string() + " m3 / " + cargo.gross_kg.to_plain_string() +
             " kg";
    case FreightMode::kAir: return cargo.air_chargeable_kg.to_plain_string() + " chargeable kg";
    case FreightMode::kExpress:
      return cargo.express_chargeable_kg.to_plain_string() + " chargeable kg, door to door";
  }
  return "";
}

}  // namespace

Money cost_per_unit(const RouteOption& option, std::int64_t units) {
  KONTOR_CHECK(units > 0);
  const Decimal value =
      Decimal::divide(option.total.amount(), Decimal(units), 4, RoundingMode::kHalfUp).value();
  return Money(value, option.total.currency());
}

void mark_pareto(std::vector<RouteOption>& options) {
  for (RouteOption& a : options) {
    a.pareto = true;
    for (const RouteOption& b : options) {
      const bool no_worse = b.total <= a.total && b.arrival_latest <= a.arrival_latest;
      const bool better = b.total < a.total || b.arrival_latest < a.arrival_latest;
      if (&a != &b && no_worse && better) {
        a.pareto = false;
        break;
      }
    }
  }
}

StatusOr<RoutePlan> plan_routes(const RateCard& card, const PortDirectory& ports,
                                const RouteRequest& request, const FxLookup& fx) {
  if (request.target_currency && !fx) {
    return invalid_argument("target_currency: converting needs an FX lookup");
  }
  if (request.cargo.units <= 0) return invalid_argument("cargo: no units (use make_cargo)");
  RoutePlan plan;
  plan.request = request;
  ASSIGN_OR_RETURN(plan.from, ports.port_of_loading(request.origin, request.origin_port_or_city));
  ASSIGN_OR_RETURN(plan.to, ports.port_of_discharge(request.destination));
  ModeContext ctx{card, request, plan.from, plan.to, fx, {}, {}};
  for (FreightMode mode : kAllModes) {
    std::optional<RouteOption> option = price_mode(ctx, mode, plan.warnings);
    if (!option) continue;
    if (mode == FreightMode::kSeaLcl || mode == FreightMode::kSeaFcl20 ||
        mode == FreightMode::kSeaFcl40) {
      option->sea_distance_nm =
          ports.sea_distance_nm(plan.from.port.unlocode, plan.to.port.unlocode);
    }
    option->note = option_note(*option, request.cargo);
    plan.options.push_back(std::move(*option));
  }
  if (plan.options.empty()) {
    return not_found("route " + plan.from.region + "→" + plan.to.region + ": no mode priced on " +
                     request.ship_date.to_string() + " in " + card.source().file);
  }
  std::stable_sort(plan.options.begin(), plan.options.end(),
                   [](const RouteOption& a, const RouteOption& b) {
                     if (a.total != b.total) return a.total < b.total;
                     return a.arrival_latest < b.arrival_latest;
                   });
  mark_pareto(plan.options);
  for (std::size_t i = 0; i < plan.options.size(); ++i) {
    if (plan.options[i].meets_deadline.value_or(true)) {
      plan.recommended = i;
      break;
    }
  }
  return plan;
}

}  // namespace kontor::logistics
