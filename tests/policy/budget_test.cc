#include "policy/budget.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "store/memory/memory_store.h"
#include "store/sqlite/sqlite_store.h"

namespace kontor::policy {
namespace {

EffectiveGrant::Budget budget(std::string counter, const char* cap) {
  return {std::move(counter), 0, Cap{Decimal::parse(cap).value(), "EUR"}};
}

Cap eur(const char* amount) { return Cap{Decimal::parse(amount).value(), "EUR"}; }

StatusOr<BudgetOutcome> reserve(store::Store& store, const std::vector<EffectiveGrant::Budget>& b,
                                const Cap& amount, const std::string& digest) {
  ASSIGN_OR_RETURN(auto txn, store.begin());
  ASSIGN_OR_RETURN(BudgetOutcome outcome, BudgetLedger::reserve(*txn, b, amount, "g-1", digest));
  RETURN_IF_ERROR(txn->commit());
  return outcome;
}

TEST(BudgetTest, SpendsUpToTheCapAndNoFurther) {
  auto store = store::open_memory_store();
  const std::vector b{budget("g-1", "1000")};
  EXPECT_TRUE(reserve(*store, b, eur("600"), "d1")->within);
  auto over = reserve(*store, b, eur("400.01"), "d2");
  ASSERT_TRUE(over.ok());
  EXPECT_FALSE(over->within);
  EXPECT_EQ(over->reason,
            "over the budget 1000.00 EUR of grant g-1 (spent 600.00 EUR, this action 400.01 EUR)");
  EXPECT_TRUE(reserve(*store, b, eur("400"), "d3")->within);
  EXPECT_EQ(BudgetLedger::spent(*store, "g-1")->to_string(), "1000");
}

TEST(BudgetTest, TheSameActionIsCountedOnce) {
  auto store = store::open_memory_store();
  const std::vector b{budget("g-1", "1000")};
  EXPECT_TRUE(reserve(*store, b, eur("600"), "d1")->within);
  EXPECT_TRUE(reserve(*store, b, eur("600"), "d1")->within);
  EXPECT_EQ(BudgetLedger::spent(*store, "g-1")->to_string(), "600");
}

TEST(BudgetTest, EveryBlockBudgetMustHoldAndNothingIsSpentOtherwise) {
  auto store = store::open_memory_store();
  const std::vector b{budget("g-1", "1000"), budget("g-1/1-ab", "100")};
  EXPECT_TRUE(reserve(*store, b, eur("80"), "d1")->within);
  EXPECT_FALSE(reserve(*store, b, eur("30"), "d2")->within);
  EXPECT_EQ(BudgetLedger::spent(*store, "g-1")->to_string(), "80");
  EXPECT_EQ(BudgetLedger::spent(*store, "g-1/1-ab")->to_string(), "80");
}

TEST(BudgetTest, AnotherCurrencyIsNotWithin) {
  auto store = store::open_memory_store();
  auto outcome = reserve(*store, {budget("g-1", "1000")}, Cap{Decimal(5), "USD"}, "d1");
  EXPECT_EQ(outcome->reason, "amount in USD but the budget 1000.00 EUR of grant g-1 is in EUR");
}

// Many threads, each with its own SQLite connection to one file (as parallel processes would),
// try to spend 7.00 EUR each against 100.00 EUR: exactly 14 succeed, the total is 98.00.
TEST(BudgetTest, ParallelReservationsNeverExceedTheCapOnSqlite) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("kontor_budget_race_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  constexpr int kThreads = 8;
  constexpr int kPerThread = 5;
  std::vector<std::unique_ptr<store::Store>> stores;
  for (int t = 0; t < kThreads; ++t) {
    store::SqliteOptions options;
    options.busy_timeout_ms = 60000;
    stores.push_back(store::open_sqlite_store(path.string(), options).value());
  }
  const std::vector b{budget("g-1", "100")};
  std::atomic<int> within{0}, refused{0}, errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto outcome = reserve(*stores[t], b, eur("7.00"), "d" + std::to_string(t * 100 + i));
        if (!outcome.ok()) {
          ++errors;
        } else if (outcome->within) {
          ++within;
        } else {
          ++refused;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(within.load(), 14);
  EXPECT_EQ(refused.load(), kThreads * kPerThread - 14);
  EXPECT_EQ(BudgetLedger::spent(*stores[0], "g-1")->to_string(), "98.00");
  stores.clear();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

}  // namespace
}  // namespace kontor::policy
