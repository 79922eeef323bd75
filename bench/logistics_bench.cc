// Route options per second: plan_routes() prices every freight mode of one lane (sea LCL, FCL
// 20'/40', air, express, rail) from the rate card with line-by-line explanations, arrival
// dates, the deadline check and the Pareto set — what the logistics agent runs for each
// supplier × market. Also the cost of converting into the buyer's currency, of the cargo
// arithmetic alone, and of loading the port directory and rate card.
#include <benchmark/benchmark.h>

#include "logistics/route.h"
#include "refdata/data_paths.h"

namespace kontor::logistics {
namespace {

const refdata::DataPaths& paths() {
  static const refdata::DataPaths p = refdata::DataPaths::from_environment();
  return p;
}
const PortDirectory& ports() {
  static const PortDirectory d = PortDirectory::load(paths()).value();
  return d;
}
const RateCard& card() {
  static const RateCard c = RateCard::load_default(paths().repo_dir).value();
  return c;
}

CargoSpec bottles() {
  CargoSpec spec;
  spec.units = 2000;
  spec.carton_length_cm = Decimal(50);
  spec.carton_width_cm = Decimal(40);
  spec.carton_height_cm = Decimal(30);
  spec.carton_gross_kg = Decimal(8);
  spec.units_per_carton = 24;
  return spec;
}

RouteRequest request() {
  RouteRequest r;
  r.origin = CountryCode::parse("CN").value();
  r.origin_port_or_city = "Ningbo";
  r.destination = CountryCode::parse("DE").value();
  r.cargo = make_cargo(bottles()).value();
  r.ship_date = Date::parse("2025-03-03").value();
  r.deadline = Date::parse("2025-04-15").value();
  return r;
}

void BM_PlanRoutes(benchmark::State& state) {
  const RouteRequest r = request();
  std::int64_t options = 0;
  for (auto _ : state) {
    auto plan = plan_routes(card(), ports(), r);
    options += static_cast<std::int64_t>(plan->options.size());
    benchmark::DoNotOptimize(plan);
  }
  state.SetItemsProcessed(options);  // items/s = route options per second
}
BENCHMARK(BM_PlanRoutes);

void BM_PlanRoutesConverted(benchmark::State& state) {
  RouteRequest r = request();
  r.target_currency = Currency::make("EUR", 2).value();
  const FxRate rate{Currency::make("USD", 2).value(),
                    *r.target_currency,
                    Decimal::parse("0.92").value(),
                    r.ship_date,
                    {},
                    ""};
  FxLookup fx = [&rate](const Currency&, const Currency&, Date) -> StatusOr<FxRate> {
    return rate;
  };
  std::int64_t options = 0;
  for (auto _ : state) {
    auto plan = plan_routes(card(), ports(), r, fx);
    options += static_cast<std::int64_t>(plan->options.size());
    benchmark::DoNotOptimize(plan);
  }
  state.SetItemsProcessed(options);
}
BENCHMARK(BM_PlanRoutesConverted);

void BM_MakeCargo(benchmark::State& state) {
  const CargoSpec spec = bottles();
  for (auto _ : state) benchmark::DoNotOptimize(make_cargo(spec));
}
BENCHMARK(BM_MakeCargo);

void BM_LoadPortsAndRateCard(benchmark::State& state) {
  for (auto _ : state) {
    auto directory = PortDirectory::load(paths());
    auto rates = RateCard::load_default(paths().repo_dir);
    benchmark::DoNotOptimize(directory);
    benchmark::DoNotOptimize(rates);
  }
}
BENCHMARK(BM_LoadPortsAndRateCard)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kontor::logistics

BENCHMARK_MAIN();
