// Per-task overhead of the crew runner: the same no-op DAGs (a 3-task chain, a 5-way fan-out
// between a start and an end task) run durably on SQLite (WAL, synchronous=NORMAL: every
// transition journaled and committed; a process crash loses nothing committed), on SQLite with
// synchronous=FULL (an fsync per commit: a power loss loses nothing committed either) and in
// memory. The time per task is the runner's own cost — lease, scheduling, journal events,
// store transactions — since the agents do nothing. Counters: per_task (wall) and
// cpu_per_task (CPU time of the whole process, all threads, per task; the SQLite store's
// WAL checkpoint thread included), ckpt_cycles / ckpt_inline (WAL checkpoints of the run).
// Compare with bench/langgraph/run.mjs (the same DAGs in LangGraph.js; compare.mjs alternates
// both); results in bench/RESULTS.md.
#include <benchmark/benchmark.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "crew/runner.h"
#include "store/memory/memory_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/wal_checkpointer.h"

namespace kontor::crew {
namespace {

class NoopAgent final : public Agent {
 public:
  std::string_view name() const override { return "noop"; }
  Status run(const TaskSpec&, TaskContext&) override { return ok_status(); }
};

std::vector<TaskSpec> chain3() {
  return {{"a", "noop", {}, {}, "a"}, {"b", "noop", {"a"}, {}, "b"}, {"c", "noop", {"b"}, {}, "c"}};
}

std::vector<TaskSpec> fanout5() {
  std::vector<TaskSpec> tasks = {{"start", "noop", {}, {}, "start"}};
  std::vector<std::string> branches;
  for (int i = 0; i < 5; ++i) {
    branches.push_back("branch" + std::to_string(i));
    tasks.push_back({branches.back(), "noop", {"start"}, {}, branches.back()});
  }
  tasks.push_back({"end", "noop", branches, {}, "end"});
  return tasks;
}

enum class Backend { kMemory, kSqlite, kSqliteFull };

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void run_dag(benchmark::State& state, Backend backend, std::vector<TaskSpec> (*dag)(),
             const RunnerOptions& options = {}) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("kontor_runner_bench_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::unique_ptr<store::Store> store;
  if (backend == Backend::kMemory) {
    store = store::open_memory_store();
  } else {
    store::SqliteOptions options;
    options.synchronous_full = backend == Backend::kSqliteFull;
    store = std::move(store::open_sqlite_store((dir / "bench.db").string(), options)).value();
  }
  AgentRegistry agents;
  agents.add("noop", [] { return std::make_unique<NoopAgent>(); });
  Runner runner(*store, agents, {}, options);
  NewCase new_case;
  new_case.brief.goal = "no-op";
  new_case.as_of = *Date::parse("2026-11-23");
  new_case.plan.tasks = dag();
  const auto tasks = static_cast<double>(new_case.plan.tasks.size());
  std::int64_t n = 0;
  const double cpu_start = process_cpu_seconds();
  const store::WalCheckpointCounts checkpoints_before = store::wal_checkpoint_counts();
  for (auto _ : state) {
    new_case.id = std::to_string(++n);
    new_case.id.insert(new_case.id.begin(), 'B');
    auto summary = runner.start(new_case);
    if (!summary.ok() || summary->status != CaseStatus::kCompleted) {
      state.SkipWithError(summary.ok() ? "not completed" : summary.status().message().c_str());
      break;
    }
  }
  const double cpu = process_cpu_seconds() - cpu_start;
  state.counters["tasks"] = tasks;
  // WAL checkpoints of the run: cycles of the store's checkpoint thread, and those the
  // committing thread made itself because the log reached 4× the threshold (back-pressure).
  const store::WalCheckpointCounts checkpoints = store::wal_checkpoint_counts();
  state.counters["ckpt_cycles"] =
      static_cast<double>(checkpoints.cycles_started - checkpoints_before.cycles_started);
  state.counters["ckpt_inline"] =
      static_cast<double>(checkpoints.inline_checkpoints - checkpoints_before.inline_checkpoints);
  state.counters["cpu_per_task"] =
      benchmark::Counter(cpu / (tasks * static_cast<double>(state.iterations())));
  state.counters["per_task"] =
      benchmark::Counter(tasks * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  store.reset();
  std::filesystem::remove_all(dir);
}

void BM_Chain3_Memory(benchmark::State& s) { run_dag(s, Backend::kMemory, chain3); }
void BM_Chain3_Sqlite(benchmark::State& s) { run_dag(s, Backend::kSqlite, chain3); }
void BM_Chain3_SqliteFull(benchmark::State& s) { run_dag(s, Backend::kSqliteFull, chain3); }
void BM_Fanout5_Memory(benchmark::State& s) { run_dag(s, Backend::kMemory, fanout5); }
void BM_Fanout5_Sqlite(benchmark::State& s) { run_dag(s, Backend::kSqlite, fanout5); }
void BM_Fanout5_SqliteFull(benchmark::State& s) { run_dag(s, Backend::kSqliteFull, fanout5); }
// The durable fan-out with a worker woken for every branch (lazy wake-ups off), as before
// RunnerOptions::run_short_tasks_here; not part of compare.mjs's filter.
void BM_Fanout5WakeAll_Sqlite(benchmark::State& s) {
  RunnerOptions options;
  options.run_short_tasks_here = std::chrono::microseconds(0);
  run_dag(s, Backend::kSqlite, fanout5, options);
}

// Loading a long case (what resume, answer and inspect start with): a chain of 300 no-op tasks
// run durably once (603 events), then the case state rebuilt per iteration from the latest
// snapshot plus the events after it — snapshot_every = 64 (the default) vs 0 (never: the whole
// journal is replayed).
void BM_LoadLongCase(benchmark::State& state) {
  const int snapshot_every = static_cast<int>(state.range(0));
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("kontor_runner_bench_long_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto store = std::move(store::open_sqlite_store((dir / "bench.db").string())).value();
  AgentRegistry agents;
  agents.add("noop", [] { return std::make_unique<NoopAgent>(); });
  RunnerOptions options;
  options.snapshot_every = snapshot_every;
  Runner runner(*store, agents, {}, options);
  NewCase new_case;
  new_case.id = "BLONG";
  new_case.brief.goal = "no-op";
  new_case.as_of = *Date::parse("2026-11-23");
  for (int i = 0; i < 300; ++i) {
    TaskSpec task{"t" + std::to_string(i), "noop", {}, {}, ""};
    if (i > 0) task.after = {"t" + std::to_string(i - 1)};
    new_case.plan.tasks.push_back(std::move(task));
  }
  auto started = runner.start(new_case);
  if (!started.ok() || started->status != CaseStatus::kCompleted) {
    state.SkipWithError("long case did not complete");
    return;
  }
  std::int64_t events = 0;
  for (auto _ : state) {
    auto loaded = runner.inspect("BLONG");
    if (!loaded.ok()) {
      state.SkipWithError(loaded.status().message().c_str());
      break;
    }
    events = loaded->state.seq;
  }
  state.counters["events"] = static_cast<double>(events);
  store.reset();
  std::filesystem::remove_all(dir);
}

BENCHMARK(BM_Chain3_Memory)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Chain3_Sqlite)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Chain3_SqliteFull)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Fanout5_Memory)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Fanout5_Sqlite)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Fanout5_SqliteFull)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Fanout5WakeAll_Sqlite)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_LoadLongCase)->Arg(64)->Arg(0)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace kontor::crew

BENCHMARK_MAIN();
