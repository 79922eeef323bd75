// Reference-data load times: the whole immutable snapshot (ReferenceData::load, target < 1 s
// in a Release build) and each big table on its own. Data from $KONTOR_DATA_DIR (default
// ../shared/data) and the repo's data/.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "refdata/reference_data.h"

namespace kontor::refdata {
namespace {

const DataPaths& paths() {
  static const DataPaths p = DataPaths::from_environment();
  return p;
}
std::string shared(const char* file) { return paths().shared_dir + "/" + file; }

// Stops the benchmark with the reason when a load fails (a broken data set is not a timing).
template <typename T>
void keep(benchmark::State& state, const StatusOr<T>& result) {
  if (!result.ok()) {
    state.SkipWithError(result.status().to_string().c_str());
    return;
  }
  benchmark::DoNotOptimize(&result.value());
}

void BM_FullLoad(benchmark::State& state) {
  for (auto _ : state) keep(state, ReferenceData::load(paths()));
}
BENCHMARK(BM_FullLoad)->Unit(benchmark::kMillisecond);

void BM_UsHts2024(benchmark::State& state) {
  for (auto _ : state) keep(state, TariffSchedule::load_us_hts(shared("tariff_us_hts_2024.csv")));
}
BENCHMARK(BM_UsHts2024)->Unit(benchmark::kMillisecond);

void BM_EuCet2020(benchmark::State& state) {
  for (auto _ : state) {
    keep(state, TariffSchedule::load_uk_eu(
                    shared("tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv"), "cet_duty_rate"));
  }
}
BENCHMARK(BM_EuCet2020)->Unit(benchmark::kMillisecond);

void BM_Fx(benchmark::State& state) {
  for (auto _ : state) {
    keep(state,
         FxTable::load(shared("fx_ecb_eurofxref_hist.csv"), shared("fx_fred_usd_rates_monthly.csv"),
                       shared("fx_hmrc_monthly_rates_gbp_2020_2023.csv")));
  }
}
BENCHMARK(BM_Fx)->Unit(benchmark::kMillisecond);

void BM_Hs2022(benchmark::State& state) {
  for (auto _ : state) {
    keep(state, HsNomenclature::load(shared("hs2022_harmonized_system.csv"),
                                     shared("hs2022_sections.csv"), "HS 2022"));
  }
}
BENCHMARK(BM_Hs2022)->Unit(benchmark::kMillisecond);

void BM_Section301(benchmark::State& state) {
  auto hts = TariffSchedule::load_us_hts(shared("tariff_us_hts_2024.csv"));
  if (!hts.ok()) {
    state.SkipWithError(hts.status().to_string().c_str());
    return;
  }
  for (auto _ : state) {
    keep(state, Section301Table::load(shared("tariff_us_section301_china_lists.csv"), *hts));
  }
}
BENCHMARK(BM_Section301)->Unit(benchmark::kMillisecond);

void BM_CountriesCurrenciesVatRules(benchmark::State& state) {
  for (auto _ : state) {
    keep(state, CountryTable::load(shared("iso3166_country_codes.csv"),
                                   paths().repo_dir + "/customs_unions.csv"));
    keep(state, CurrencyTable::load(shared("iso4217_currency_codes.csv")));
    keep(state, VatTable::load(shared("tax_vat_rates_eu_ibericode.csv"),
                               shared("tax_sales_tax_rates_world.csv")));
    keep(state, TradeRules::load(paths().repo_dir));
  }
}
BENCHMARK(BM_CountriesCurrenciesVatRules)->Unit(benchmark::kMillisecond);

// Lookups on the loaded snapshot, for scale: an exact tariff line and an FX cross rate.
void BM_TariffResolve(benchmark::State& state) {
  auto data = ReferenceData::load(paths());
  if (!data.ok()) {
    state.SkipWithError(data.status().to_string().c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize((*data)->us_hts.resolve("6911.10.10"));
}
BENCHMARK(BM_TariffResolve);

void BM_FxCross(benchmark::State& state) {
  auto data = ReferenceData::load(paths());
  if (!data.ok()) {
    state.SkipWithError(data.status().to_string().c_str());
    return;
  }
  const Currency usd = Currency::make("USD", 2).value();
  const Currency jpy = Currency::make("JPY", 0).value();
  const Date day = Date::parse("2025-05-09").value();
  for (auto _ : state) benchmark::DoNotOptimize((*data)->fx.rate(usd, jpy, day));
}
BENCHMARK(BM_FxCross);

}  // namespace
}  // namespace kontor::refdata

BENCHMARK_MAIN();
