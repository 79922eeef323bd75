// Duty rate parsing and duty computation: the per-line cost inside a landed-cost evaluation
// (target: ≥ 2,000,000 landed-cost evaluations per second on one core, so compute_duty must
// stay well under 100 ns for the common forms). Rates are the US HTS 2024 / EU CET 2020 texts.
#include <benchmark/benchmark.h>

#include "trade/duty.h"
#include "trade/duty_rate.h"

namespace kontor::trade {
namespace {

void parse_bench(benchmark::State& state, std::string_view text, std::string_view jurisdiction) {
  for (auto _ : state) {
    StatusOr<DutyRate> rate = parse_duty_rate(text, jurisdiction);
    benchmark::DoNotOptimize(rate);
  }
}

DutyBase shipment(std::string_view currency, Quantity quantity) {
  DutyBase base;
  base.customs_value = Money(*Decimal::parse("12345.67"), *Currency::make(currency, 2));
  base.quantities[0] = quantity;
  base.quantities[1] = Quantity(Decimal(2000), Unit::kPiece);
  return base;
}

void compute_bench(benchmark::State& state, std::string_view text, std::string_view jurisdiction,
                   Quantity quantity) {
  DutyRate rate = *parse_duty_rate(text, jurisdiction);
  DutyBase base = shipment(jurisdiction == "US" ? "USD" : "EUR", quantity);
  for (auto _ : state) {
    StatusOr<DutyAmount> duty = compute_duty(rate, base);
    benchmark::DoNotOptimize(duty);
  }
}

// The hot-path form: the result is written in place (no copy of the DutyAmount).
void compute_into_bench(benchmark::State& state, std::string_view text,
                        std::string_view jurisdiction, Quantity quantity) {
  DutyRate rate = *parse_duty_rate(text, jurisdiction);
  DutyBase base = shipment(jurisdiction == "US" ? "USD" : "EUR", quantity);
  DutyAmount out;
  for (auto _ : state) {
    Status status = compute_duty(rate, base, out);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(out);
  }
}

const Quantity kKg(Decimal::from_scaled(2005, 1), Unit::kKilogram);  // 200.5 kg
const Quantity kLb(Decimal(442), Unit::kPound);

void BM_ParseAdValorem(benchmark::State& s) { parse_bench(s, "2.6%", "US"); }
void BM_ParseSpecific(benchmark::State& s) { parse_bench(s, "4.4¢/kg", "US"); }
void BM_ParseCompound(benchmark::State& s) { parse_bench(s, "25¢/kg + 3.6%", "US"); }
void BM_ParseEuMinMax(benchmark::State& s) {
  parse_bench(s, "18.40% MIN 22.00 EUR / 100 kg MAX 24.00 EUR / 100 kg", "EU");
}
void BM_ParseSection301(benchmark::State& s) {
  parse_bench(s, "The duty provided in the applicable subheading + 25%", "US");
}
void BM_ComputeAdValorem(benchmark::State& s) { compute_bench(s, "2.6%", "US", kKg); }
void BM_ComputeSpecific(benchmark::State& s) { compute_bench(s, "4.4¢/kg", "US", kKg); }
void BM_ComputeSpecificFromPounds(benchmark::State& s) { compute_bench(s, "4.4¢/kg", "US", kLb); }
void BM_ComputeCompound(benchmark::State& s) { compute_bench(s, "25¢/kg + 3.6%", "US", kKg); }
void BM_ComputeEuMinMax(benchmark::State& s) {
  compute_bench(s, "18.40% MIN 22.00 EUR / 100 kg MAX 24.00 EUR / 100 kg", "EU", kKg);
}

void BM_ComputeIntoAdValorem(benchmark::State& s) { compute_into_bench(s, "2.6%", "US", kKg); }
void BM_ComputeIntoSpecific(benchmark::State& s) { compute_into_bench(s, "4.4¢/kg", "US", kKg); }
void BM_ComputeIntoCompound(benchmark::State& s) {
  compute_into_bench(s, "25¢/kg + 3.6%", "US", kKg);
}

BENCHMARK(BM_ParseAdValorem);
BENCHMARK(BM_ParseSpecific);
BENCHMARK(BM_ParseCompound);
BENCHMARK(BM_ParseEuMinMax);
BENCHMARK(BM_ParseSection301);
BENCHMARK(BM_ComputeAdValorem);
BENCHMARK(BM_ComputeSpecific);
BENCHMARK(BM_ComputeSpecificFromPounds);
BENCHMARK(BM_ComputeCompound);
BENCHMARK(BM_ComputeEuMinMax);
BENCHMARK(BM_ComputeIntoAdValorem);
BENCHMARK(BM_ComputeIntoSpecific);
BENCHMARK(BM_ComputeIntoCompound);

}  // namespace
}  // namespace kontor::trade

BENCHMARK_MAIN();
