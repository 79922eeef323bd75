#include "crew/agent_logistics.h"

#include <algorithm>

#include "crew/agent_common.h"
#include "logistics/route.h"

namespace kontor::crew {
namespace {

// Packed unit figures when the listing states none: a mid-size household article (0.5 kg,
// 25 × 10 × 10 cm). Flagged on every option that uses them.
constexpr std::string_view kEstimatedKg = "0.5";
constexpr std::string_view kEstimatedM3 = "0.0025";

StatusOr<logistics::Cargo> cargo_for(const Engines& engines, const ShortlistEntry& entry,
                                     std::int64_t units, std::string& shipment, bool& estimated) {
  const catalog::Product* product = engines.catalog->catalog().product(entry.product_id);
  estimated = false;
  if (product != nullptr) {
    auto spec = logistics::cargo_spec_from_attributes(product->attributes, units);
    if (spec.ok()) {
      auto cargo = logistics::make_cargo(*spec);
      if (cargo.ok()) {
        shipment = cargo->explanation;
        return cargo;
      }
    }
  }
  estimated = true;
  logistics::CargoSpec spec;
  spec.units = units;
  spec.unit_gross_kg = Decimal::parse(kEstimatedKg).value();
  spec.unit_volume_m3 = Decimal::parse(kEstimatedM3).value();
  ASSIGN_OR_RETURN(logistics::Cargo cargo, logistics::make_cargo(spec));
  shipment =
      "estimate (the listing states no packed size and weight): " + std::string(kEstimatedKg) +
      " kg and " + std::string(kEstimatedM3) + " m3 per unit; " + cargo.explanation;
  return cargo;
}

RouteOption section_option(const ShortlistEntry& entry, const logistics::RouteOption& o,
                           std::int64_t units, Date ready, const std::string& shipment,
                           bool estimated, const std::optional<Date>& deadline) {
  RouteOption r;
  r.supplier_id = entry.supplier_id;
  r.offer_id = entry.offer_id;
  r.mode = std::string(logistics::freight_mode_name(o.mode));
  r.mode_label = std::string(logistics::freight_mode_label(o.mode));
  bool by_air =
      o.mode == logistics::FreightMode::kAir || o.mode == logistics::FreightMode::kExpress;
  r.origin_port = by_air ? o.from.airport.iata : o.from.port.unlocode;
  r.destination_port = by_air ? o.to.airport.iata : o.to.port.unlocode;
  r.cost = o.total;
  r.cost_per_unit = logistics::cost_per_unit(o, units);
  for (const auto& line : o.lines) {
    r.lines.push_back({std::string(logistics::charge_kind_name(line.charge)), line.label,
                       line.converted.value_or(line.amount), line.amount, line.minimum_applied,
                       ProvenanceRecord::from(line.provenance)});
  }
  r.ready_date = ready;
  r.transit_days_min = o.arrival_earliest - ready;
  r.transit_days = o.arrival_latest - ready;
  r.lead_time_days = entry.lead_time_days;
  r.arrival = o.arrival_latest;
  r.on_time = !deadline || o.arrival_latest <= *deadline;
  r.slack_days = deadline ? *deadline - o.arrival_latest : 0;
  r.shipment = shipment;
  if (!o.lines.empty()) r.rate_card = ProvenanceRecord::from(o.lines.front().provenance);
  if (!o.note.empty()) r.notes.push_back(o.note);
  if (estimated) r.notes.push_back("cargo size and weight estimated");
  return r;
}

void mark_global_pareto(std::vector<RouteOption>& options) {
  for (auto& a : options) {
    a.pareto = std::none_of(options.begin(), options.end(), [&a](const RouteOption& b) {
      bool no_worse = b.cost_per_unit <= a.cost_per_unit && b.arrival <= a.arrival;
      bool better = b.cost_per_unit < a.cost_per_unit || b.arrival < a.arrival;
      return no_worse && better;
    });
  }
}

}  // namespace

Status LogisticsAgent::run(const TaskSpec& task, TaskContext& context) {
  const Brief& brief = context.brief();
  const Engines& engines = context.engines();
  if (!brief.destination) return failed_precondition("brief.destination: no market to ship to");
  ASSIGN_OR_RETURN(
      std::optional<SourcingSection> sourcing,
      detail::read_typed<SourcingSection>(context, kSourcingSection, sourcing_section_from_json));
  detail::PricingDate pricing = detail::pricing_date(engines, context.as_of());
  Currency buyer = detail::buyer_currency(brief, *engines.reference);
  LogisticsSection l;
  l.destination = std::string(brief.destination->code());
  l.deadline = brief.deadline;
  l.as_of = context.as_of();
  l.currency = std::string(buyer.code());
  if (engines.rate_card == nullptr || engines.ports == nullptr) {
    l.notes.push_back("no rate card or port directory loaded: no route options");
    return detail::write_owned(context, kLogisticsSection, to_json(l));
  }
  l.rate_card = engines.rate_card->source().file;
  if (!pricing.note.empty()) l.notes.push_back(pricing.note);
  int clearance = static_cast<int>(detail::int_param(task, "clearance_days", 3));
  l.notes.push_back("arrival = ready at origin + transit (worst case) + " +
                    std::to_string(clearance) + " days for clearance and delivery");
  // Rates convert at the pricing date whatever the ship date (FX for future dates is unknown).
  logistics::FxLookup fx = [&engines, &pricing](const Currency& from, const Currency& to, Date) {
    return detail::fx_rate(engines, from, to, pricing.date);
  };
  std::int64_t units = detail::order_units(brief);
  std::int64_t done = 0;
  for (const auto& entry : sourcing ? sourcing->shortlist : std::vector<ShortlistEntry>{}) {
    context.progress(++done, static_cast<std::int64_t>(sourcing->shortlist.size()),
                     "suppliers routed");
    std::string shipment;
    bool estimated = false;
    auto cargo = cargo_for(engines, entry, units > 0 ? units : entry.quantity, shipment, estimated);
    auto origin = CountryCode::parse(entry.supplier_country);
    if (!cargo.ok() || !origin.ok()) {
      l.notes.push_back(entry.supplier_id +
                        ": no cargo: " + (cargo.ok() ? origin.status() : cargo.status()).message());
      continue;
    }
    logistics::RouteRequest request;
    request.origin = *origin;
    request.origin_port_or_city = entry.port.empty() ? entry.named_place : entry.port;
    request.destination = *brief.destination;
    request.cargo = *cargo;
    request.ship_date = context.as_of().plus_days(entry.lead_time_days);
    request.target_currency = buyer;
    request.deadline = brief.deadline;
    request.clearance_days = clearance;
    auto plan = logistics::plan_routes(*engines.rate_card, *engines.ports, request, fx);
    if (!plan.ok()) {
      l.notes.push_back(entry.supplier_id + ": no route: " + plan.status().message());
      continue;
    }
    for (const auto& w : plan->warnings) l.notes.push_back(entry.supplier_id + ": " + w);
    for (const auto& option : plan->options) {
      l.options.push_back(section_option(entry, option, cargo->units, request.ship_date, shipment,
                                         estimated, brief.deadline));
    }
  }
  mark_global_pareto(l.options);
  return detail::write_owned(context, kLogisticsSection, to_json(l));
}

}  // namespace kontor::crew
