// Audit log appends per second (policy/audit.h): one entry per transaction, as the crew's
// AuditObserver writes them — read the head, hash the canonical form (BLAKE2b-256), write the
// entry and move the head. Backends: SQLite file (WAL, synchronous=NORMAL, the default; and
// synchronous=FULL, an fsync per append) and memory. Also the verification walk per entry and
// the hash alone. Results in bench/RESULTS.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "policy/audit.h"
#include "store/memory/memory_store.h"
#include "store/sqlite/sqlite_store.h"

namespace kontor::policy {
namespace {

using nlohmann::json;

// A body of the size the crew writes for an approval (~300 bytes of JSON).
json sample_body(std::int64_t i) {
  return {{"key", "e72ca825fc293370eafd5ffbb482187a"},
          {"by", "human"},
          {"reason", "moves money: 8.85 USD"},
          {"action_kind", "sample.order"},
          {"action",
           {{"kind", "sample.order"},
            {"counterparty", "SUP-CN-NB"},
            {"amount", {{"amount", "8.85"}, {"currency", "USD"}}},
            {"reference", "SAMPLE-OF-NB-500"},
            {"params", {{"units", 3}}}}},
          {"journal_seq", i}};
}

std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("kontor_audit_bench_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void run_appends(benchmark::State& state, store::Store& store) {
  AuditLog log(store);
  std::int64_t i = 0;
  for (auto _ : state) {
    auto entry = log.append("K20261123-bench", "action.approved", sample_body(++i),
                            "2026-11-23T12:00:00.000Z");
    if (!entry.ok()) state.SkipWithError(entry.status().message().c_str());
  }
  state.counters["appends_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_AppendSqlite(benchmark::State& state) {
  auto dir = fresh_dir("sqlite");
  store::SqliteOptions options;
  options.synchronous_full = state.range(0) != 0;
  {
    auto store = store::open_sqlite_store((dir / "kontor.db").string(), options);
    if (!store.ok()) {
      state.SkipWithError(store.status().message().c_str());
      return;
    }
    run_appends(state, **store);
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_AppendSqlite)->ArgName("sync_full")->Arg(0)->Arg(1)->UseRealTime();

void BM_AppendMemory(benchmark::State& state) {
  auto store = store::open_memory_store();
  run_appends(state, *store);
}
BENCHMARK(BM_AppendMemory)->UseRealTime();

void BM_VerifyPerEntry(benchmark::State& state) {
  auto store = store::open_memory_store();
  AuditLog log(*store);
  const std::int64_t n = state.range(0);
  for (std::int64_t i = 1; i <= n; ++i) {
    (void)log.append("K1", "action.approved", sample_body(i), "2026-11-23T12:00:00.000Z");
  }
  for (auto _ : state) {
    auto verdict = log.verify("K1");
    if (!verdict.ok() || !verdict->ok) state.SkipWithError("chain does not verify");
  }
  state.counters["entries_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_VerifyPerEntry)->Arg(1000);

void BM_EntryHash(benchmark::State& state) {
  AuditEntry entry{
      42, "2026-11-23T12:00:00.000Z", "K1", "action.approved", sample_body(42), kGenesisHash, ""};
  for (auto _ : state) benchmark::DoNotOptimize(entry_hash(entry));
}
BENCHMARK(BM_EntryHash);

}  // namespace
}  // namespace kontor::policy

BENCHMARK_MAIN();
