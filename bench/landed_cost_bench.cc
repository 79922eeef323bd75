// Landed-cost evaluations per second on one core for a resolved tariff line (target:
// >= 2,000,000/s): compute_landed_cost() on a TariffTreatment resolved once, as the crew does
// when it prices every supplier x shipping option of one product. Also the full quote with
// lookups and FX, for comparison.
#include <benchmark/benchmark.h>

#include "trade/landed_cost.h"

namespace kontor::trade {
namespace {

const refdata::ReferenceData& data() {
  static const auto snapshot =
      refdata::ReferenceData::load(refdata::DataPaths::from_environment()).value();
  return *snapshot;
}

Money money(std::string_view amount, std::string_view currency) {
  return Money(Decimal::parse(amount).value(), data().currencies.find(currency).value());
}

struct Case {
  const char* hs;
  const char* origin;
  const char* destination;
};

// Vacuum flasks CN→DE (EU ad valorem, CIF basis, VAT); backpacks CN→US (ad valorem + Section
// 301, MPF, HMF); shiitake KR→US, a compound "8.8¢/kg + 20%" line (needs the weight).
constexpr Case kCases[] = {
    {"9617000000", "CN", "DE"}, {"4202923120", "CN", "US"}, {"0709540000", "KR", "US"}};

void BM_ComputeLandedCost(benchmark::State& state) {
  const Case& c = kCases[state.range(0)];
  std::vector<FxRate> fx;
  auto t = resolve_treatment(
      data(), c.hs, CountryCode::parse(c.origin).value(), CountryCode::parse(c.destination).value(),
      Date::parse("2025-05-09").value(), refdata::VatRateKind::kStandard, &fx);
  if (!t.ok()) {
    state.SkipWithError(t.status().message().c_str());
    return;
  }
  const std::string cur(t->currency.code());
  ShipmentCosts costs;
  costs.goods = money("8400.00", cur);
  costs.incoterm = Incoterm::kFOB;
  costs.costs[static_cast<int>(CostElement::kFreight)] = money("1150.00", cur);
  costs.costs[static_cast<int>(CostElement::kInsurance)] = money("28.50", cur);
  costs.units = Quantity(Decimal(2000), Unit::kPiece);
  costs.measures[0] = Quantity(Decimal(700), Unit::kKilogram);
  LandedCost out;
  const bool by_value = state.range(1) != 0;
  for (auto _ : state) {
    if (by_value) {
      auto r = compute_landed_cost(*t, costs);
      benchmark::DoNotOptimize(r);
    } else {
      Status s = compute_landed_cost(*t, costs, out);
      benchmark::DoNotOptimize(s);
      benchmark::DoNotOptimize(out.total);
    }
  }
  state.SetLabel(std::string(c.hs) + " " + c.origin + "->" + c.destination +
                 (by_value ? " (StatusOr by value)" : " (into a reused result)"));
  state.SetItemsProcessed(state.iterations());
}
// Second argument: 0 = into a reused LandedCost (the crew's pricing loop), 1 = StatusOr by value.
BENCHMARK(BM_ComputeLandedCost)->ArgsProduct({{0, 1, 2}, {0}})->Args({0, 1});

void BM_QuoteWithLookupsAndFx(benchmark::State& state) {
  LandedCostRequest r;
  r.hs_code = "9617.00.00";
  r.origin = CountryCode::parse("CN").value();
  r.destination = CountryCode::parse("DE").value();
  r.goods_value = money("8400.00", "USD");
  r.costs[static_cast<int>(CostElement::kFreight)] = money("1150.00", "USD");
  r.costs[static_cast<int>(CostElement::kInsurance)] = money("28.50", "USD");
  r.units = Quantity(Decimal(2000), Unit::kPiece);
  r.as_of = Date::parse("2025-05-09").value();
  for (auto _ : state) {
    auto q = quote_landed_cost(data(), r);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QuoteWithLookupsAndFx);

}  // namespace
}  // namespace kontor::trade

BENCHMARK_MAIN();
