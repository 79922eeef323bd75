// Intake: loading the tables (countries, currencies, the lexicon) and reading one goal into a
// Brief, for the goal in each of the five languages. Intake is the first step of every
// `kontor run`, so it should stay well under a millisecond per goal in a Release build.
#include <benchmark/benchmark.h>

#include <array>
#include <string_view>

#include "crew/intake.h"

namespace kontor::crew {
namespace {

constexpr std::array<std::string_view, 5> kGoals = {
    "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99, in stock by "
    "March",
    "Importar 2.000 botellas térmicas de acero inoxidable para Alemania, precio de venta 24,99 €, "
    "hasta marzo",
    "Quero importar 500 garrafas térmicas de aço inox para o Brasil, preço de venda R$ 120, até "
    "março",
    "Beschaffe 2.000 Stück isolierte Edelstahlflaschen nach Deutschland, Verkaufspreis 24,99 €, "
    "bis Ende März auf Lager",
    "Trouver 2 000 unités de gourdes isothermes en inox pour la France, prix de vente 24,99 €, "
    "en stock avant mars",
};

const Intake* loaded() {
  static const StatusOr<Intake> intake = Intake::load(refdata::DataPaths::from_environment());
  return intake.ok() ? &*intake : nullptr;
}

void BM_IntakeLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto intake = Intake::load(refdata::DataPaths::from_environment());
    if (!intake.ok()) {
      state.SkipWithError(intake.status().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(&*intake);
  }
}
BENCHMARK(BM_IntakeLoad)->Unit(benchmark::kMillisecond);

void BM_ReadGoal(benchmark::State& state) {
  const Intake* intake = loaded();
  if (!intake) {
    state.SkipWithError("intake tables did not load");
    return;
  }
  const std::string_view goal = kGoals[static_cast<std::size_t>(state.range(0))];
  const Date today = *Date::from_ymd(2026, 11, 23);
  for (auto _ : state) {
    auto brief = intake->read_goal(goal, today);
    benchmark::DoNotOptimize(&brief);
  }
}
BENCHMARK(BM_ReadGoal)->DenseRange(0, 4)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace kontor::crew

BENCHMARK_MAIN();
