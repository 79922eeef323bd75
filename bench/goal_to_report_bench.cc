// Goal → report on the demo marketplace, in process, split where the time goes:
// - BM_LoadEngines: load_engines() as `kontor run` does at start (reference data, demo
//   marketplace + Xapian index and the HS classifier on their own threads, the small tables);
//   the counters are the parts of the last load, in ms.
// - BM_LoadEnginesCached: the same with a warm cache folder (EngineOptions::cache_dir), as
//   every `kontor run` after the first.
// - BM_GoalToReport/<goal>: with the engines loaded, intake → plan → the crew on the durable
//   runner (SQLite in a temporary folder, as the CLI) → the owner answers the HS question →
//   the HTML report rendered from the store.
// The whole command (`kontor run` + `kontor report`, cold and warm processes) is timed by
// bench/goal_to_report.sh. Results in bench/RESULTS.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "crew/case.h"
#include "crew/engines.h"
#include "crew/intake.h"
#include "crew/runner.h"
#include "crew/skill.h"
#include "report/report.h"
#include "store/sqlite/sqlite_store.h"

namespace kontor::crew {
namespace {

const Date kToday = Date::from_ymd(2026, 11, 23).value();

const char* const kGoals[] = {
    "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99, in stock by March",
    "Comprar 1.000 esterillas de yoga para vender en España por 24,90 € cada una, antes de mayo",
    "Importar 2.000 mochilas para vender em Portugal por 39,90 €, até junho",
    "2.000 Tassen für Deutschland, Verkaufspreis 12,99 €, bis Ende April",
    "Importer 1 000 enceintes Bluetooth pour la France, prix de vente 39,90 €, avant juin",
};

double ms(std::chrono::microseconds us) { return static_cast<double>(us.count()) / 1000.0; }

void BM_LoadEngines(benchmark::State& state) {
  std::unique_ptr<EngineSet> last;
  for (auto _ : state) {
    last.reset();
    auto loaded = load_engines(EngineOptions{});
    if (!loaded.ok()) {
      state.SkipWithError(loaded.status().to_string().c_str());
      return;
    }
    last = std::move(*loaded);
  }
  for (const EngineLoadTime& t : last->load_times()) state.counters[t.what] = ms(t.took);
}
BENCHMARK(BM_LoadEngines)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// load_engines() with a warm cache folder (as every `kontor run` after the first): the trained
// classifier and the search index are read back instead of built. The cold load that fills
// the folder runs before the timing.
void BM_LoadEnginesCached(benchmark::State& state) {
  const std::filesystem::path cache = std::filesystem::temp_directory_path() /
                                      ("kontor_goal_bench_cache_" + std::to_string(getpid()));
  std::filesystem::remove_all(cache);
  EngineOptions options;
  options.cache_dir = cache.string();
  auto cold = load_engines(options);
  if (!cold.ok()) {
    state.SkipWithError(cold.status().to_string().c_str());
    return;
  }
  cold->reset();
  std::unique_ptr<EngineSet> last;
  for (auto _ : state) {
    last.reset();
    auto loaded = load_engines(options);
    if (!loaded.ok()) {
      state.SkipWithError(loaded.status().to_string().c_str());
      return;
    }
    last = std::move(*loaded);
  }
  if (!last->cache_notes().empty()) state.SkipWithError(last->cache_notes().front().c_str());
  for (const EngineLoadTime& t : last->load_times()) state.counters[t.what] = ms(t.took);
  last.reset();
  std::filesystem::remove_all(cache);
}
BENCHMARK(BM_LoadEnginesCached)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

const EngineSet& engines() {
  static std::unique_ptr<EngineSet> set = [] {
    auto loaded = load_engines(EngineOptions{});
    if (!loaded.ok()) {
      std::fprintf(stderr, "load_engines: %s\n", loaded.status().to_string().c_str());
      std::abort();
    }
    return std::move(*loaded);
  }();
  return *set;
}

// The report as `kontor report` renders it (without the journal summary).
StatusOr<std::string> render(store::Store& store, const std::string& case_id,
                             const CaseSummary& summary) {
  report::CaseView view;
  view.case_id = case_id;
  view.as_of = kToday.to_string();
  view.status = std::string(case_status_name(summary.status));
  ASSIGN_OR_RETURN(CaseInfo info, find_case(store, case_id));
  view.brief = info.brief;
  ASSIGN_OR_RETURN(std::vector<SectionRecord> sections, list_sections(store, case_id));
  for (SectionRecord& s : sections) view.sections[s.name] = std::move(s.body);
  return report::render_html(view);
}

Status goal_to_report(const std::string& goal, const std::filesystem::path& dir, int n,
                      std::size_t& html_bytes) {
  const std::string db = (dir / ("case" + std::to_string(n) + ".db")).string();
  ASSIGN_OR_RETURN(auto store, store::open_sqlite_store(db));
  AgentRegistry agents;
  register_builtin_agents(agents);
  RecordingExecutor executor;
  Runner runner(*store, agents, RunnerServices{&engines().engines(), nullptr, &executor});
  ASSIGN_OR_RETURN(Brief brief, read_goal(goal, kToday));
  ASSIGN_OR_RETURN(Skill skill, load_skill_file(builtin_skill_path("source-product")));
  ASSIGN_OR_RETURN(Plan plan, plan_from_skill(skill, brief));
  const std::string id = "B" + std::to_string(n);
  ASSIGN_OR_RETURN(CaseSummary summary, runner.start(NewCase{id, brief, kToday, plan, skill.name}));
  // The owner answers the HS question as scripts/demo does (vacuum flasks are 9617), else
  // takes the crew's first option.
  for (const QuestionRecord* q : summary.open_questions()) {
    if (q->question.id.rfind("hs.", 0) != 0) continue;
    std::string answer = brief.product.find("bottle") != std::string::npos ? "9617.00"
                         : q->question.options.empty()                     ? ""
                                                       : q->question.options.front();
    ASSIGN_OR_RETURN(summary, runner.answer(id, q->question.id, answer));
    break;
  }
  ASSIGN_OR_RETURN(std::string html, render(*store, id, summary));
  html_bytes = html.size();
  return ok_status();
}

void BM_GoalToReport(benchmark::State& state) {
  const std::string goal = kGoals[state.range(0)];
  engines();
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("kontor_goal_bench_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  int n = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    Status done = goal_to_report(goal, dir, ++n, bytes);
    if (!done.ok()) {
      state.SkipWithError(done.to_string().c_str());
      break;
    }
  }
  state.SetLabel(goal.substr(0, 40));
  state.counters["report_bytes"] = static_cast<double>(bytes);
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_GoalToReport)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace kontor::crew

BENCHMARK_MAIN();
