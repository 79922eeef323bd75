// Grant verification throughput: parse + verify (Ed25519 per block, restriction checks) of a
// token with 1, 3 and 5 blocks, the same through the verified-grant cache (policy/grant_cache.h,
// what CaseGrantPolicy does for every decision), and the policy's per-action decision with a
// budget reservation — directly, and through the grant stored with the case.
#include <benchmark/benchmark.h>

#include "policy/case_grant_policy.h"
#include "policy/grant.h"
#include "policy/grant_cache.h"
#include "policy/grant_policy.h"
#include "store/memory/memory_store.h"

namespace {

using namespace kontor;
using namespace kontor::policy;

KeyPair root_key() {
  Seed seed{};
  seed.fill(9);
  return KeyPair::from_seed(seed);
}

Grant grant_with(int blocks) {
  Block root;
  root.id = "g-00000000000000bb";
  root.holder = "workspace";
  root.actions = std::vector<std::string>{"rfq.send", "sample.order", "quote.*"};
  root.max = Cap{Decimal::parse("500").value(), "EUR"};
  root.budget = Cap{Decimal::parse("2000").value(), "EUR"};
  root.expires = parse_time("2026-12-31").value();
  Grant grant = Grant::create(root_key(), root).value();
  for (int i = 1; i < blocks; ++i) {
    Block b;
    b.holder = "agent:" + std::to_string(i);
    b.max = Cap{Decimal(500 - 50 * i), "EUR"};
    grant = grant.attenuate(b).value();
  }
  return grant;
}

void BM_GrantParseAndVerify(benchmark::State& state) {
  const std::string token = grant_with(static_cast<int>(state.range(0))).encode();
  const PublicKey root = root_key().public_key;
  for (auto _ : state) {
    auto grant = Grant::parse(token);
    auto effective = grant->effective(root);
    benchmark::DoNotOptimize(effective);
    if (!effective.ok()) state.SkipWithError("grant did not verify");
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["token_bytes"] = static_cast<double>(token.size());
}
BENCHMARK(BM_GrantParseAndVerify)->Arg(1)->Arg(3)->Arg(5);

void BM_GrantVerifyCached(benchmark::State& state) {
  const std::string token = grant_with(static_cast<int>(state.range(0))).encode();
  VerifiedGrantCache cache(root_key().public_key);
  for (auto _ : state) {
    auto effective = cache.effective(token);
    benchmark::DoNotOptimize(effective);
    if (!effective.ok()) state.SkipWithError("grant did not verify");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GrantVerifyCached)->Arg(1)->Arg(3)->Arg(5);

// decide_in under the grant stored with the case: read the binding, the cached grant, budget.
void BM_CaseGrantPolicyDecideWithBudget(benchmark::State& state) {
  const Grant grant = grant_with(3);
  CaseGrantPolicy policy(root_key().public_key, grant);
  auto store = store::open_memory_store();
  crew::ProposedAction action{
      "sample.order",
      "SUP-1",
      Money(Decimal::parse("0.0001").value(), Currency::make("EUR", 2).value()),
      "OFFER-1",
      nlohmann::json::object(),
      ""};
  std::int64_t n = 0;
  for (auto _ : state) {
    store::OutboxAction entry;
    entry.key = std::to_string(++n);
    entry.case_id = "K1";
    action.reference = entry.key;
    entry.action = crew::action_to_json(action);
    auto txn = store->begin().value();
    auto decision = policy.decide_in(*txn, entry, action);
    benchmark::DoNotOptimize(decision);
    if (decision.verdict != crew::PolicyVerdict::kAllow)
      state.SkipWithError(decision.reason.c_str());
    (void)txn->commit();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CaseGrantPolicyDecideWithBudget);

void BM_GrantPolicyDecideWithBudget(benchmark::State& state) {
  GrantPolicy policy(grant_with(3), root_key().public_key);
  auto store = store::open_memory_store();
  crew::ProposedAction action{
      "sample.order",
      "SUP-1",
      Money(Decimal::parse("0.0001").value(), Currency::make("EUR", 2).value()),
      "OFFER-1",
      nlohmann::json::object(),
      ""};
  std::int64_t n = 0;
  for (auto _ : state) {
    store::OutboxAction entry;
    entry.key = std::to_string(++n);
    entry.case_id = "K1";
    action.reference = entry.key;  // a new action each time (another digest)
    entry.action = crew::action_to_json(action);
    auto txn = store->begin().value();
    auto decision = policy.decide_in(*txn, entry, action);
    benchmark::DoNotOptimize(decision);
    (void)txn->commit();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GrantPolicyDecideWithBudget);

}  // namespace

BENCHMARK_MAIN();
