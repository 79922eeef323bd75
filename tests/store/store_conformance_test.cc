// The Store contract, run against every backend (SQLite, in-memory).
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store_backends.h"

namespace kontor::store::testing {
namespace {

using StoreConformance = BackendTest;

std::vector<std::string> keys_of(Store& store, std::string_view collection,
                                 std::string_view from = "") {
  std::vector<std::string> keys;
  EXPECT_TRUE(store
                  .scan_from(collection, from,
                             [&](const Record& r) {
                               keys.push_back(r.key);
                               return ok_status();
                             })
                  .ok());
  return keys;
}

TEST_P(StoreConformance, MissingRecordIsEmptyOptional) {
  auto record = store_->get("suppliers", "S1");
  ASSERT_TRUE(record.ok());
  EXPECT_FALSE(record->has_value());
}

TEST_P(StoreConformance, InsertStartsAtVersionOne) {
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  EXPECT_EQ(*(*txn)->put("suppliers", "S1", R"({"name":"Ningbo Steelware"})"),
            PutOutcome::kInserted);
  ASSERT_TRUE((*txn)->commit().ok());
  auto record = store_->get("suppliers", "S1");
  EXPECT_EQ((*record)->body, R"({"name":"Ningbo Steelware"})");
  EXPECT_EQ((*record)->version, 1);
}

TEST_P(StoreConformance, IdenticalPutIsUnchangedAndKeepsVersion) {
  put("suppliers", "S1", "{}");
  auto txn = store_->begin();
  EXPECT_EQ(*(*txn)->put("suppliers", "S1", "{}"), PutOutcome::kUnchanged);
  ASSERT_TRUE((*txn)->commit().ok());
  EXPECT_EQ((*store_->get("suppliers", "S1"))->version, 1);
}

TEST_P(StoreConformance, ChangedPutBumpsVersion) {
  put("suppliers", "S1", "{}");
  put("suppliers", "S1", R"({"a":1})");
  put("suppliers", "S1", R"({"a":2})");
  EXPECT_EQ((*store_->get("suppliers", "S1"))->version, 3);
}

TEST_P(StoreConformance, UncommittedTransactionRollsBack) {
  {
    auto txn = store_->begin();
    ASSERT_TRUE((*txn)->put("suppliers", "S1", "{}").ok());
  }
  EXPECT_EQ(*store_->count("suppliers"), 0);
}

TEST_P(StoreConformance, TransactionSeesItsOwnWritesAndErases) {
  put("offers", "O2", "{}");
  auto txn = store_->begin();
  ASSERT_TRUE((*txn)->put("offers", "O1", R"({"moq":500})").ok());
  EXPECT_EQ((*(*txn)->get("offers", "O1"))->body, R"({"moq":500})");
  EXPECT_TRUE(*(*txn)->erase("offers", "O2"));
  EXPECT_FALSE((*txn)->get("offers", "O2")->has_value());
}

TEST_P(StoreConformance, PutIfVersionConflictIsAbortedRetryAfterReread) {
  put("suppliers", "S1", "{}");
  auto txn = store_->begin();
  auto stale = (*txn)->put_if_version("suppliers", "S1", R"({"b":2})", 0);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), StatusCode::kAborted);
  EXPECT_EQ(retry_safety(stale.status()), RetrySafety::kAfterReread);
  EXPECT_EQ(*(*txn)->put_if_version("suppliers", "S1", R"({"b":2})", 1), PutOutcome::kUpdated);
  ASSERT_TRUE((*txn)->commit().ok());
  EXPECT_EQ((*store_->get("suppliers", "S1"))->version, 2);
}

TEST_P(StoreConformance, PutIfVersionZeroRequiresAbsentKey) {
  auto txn = store_->begin();
  EXPECT_EQ(*(*txn)->put_if_version("cases", "C1", "{}", 0), PutOutcome::kInserted);
  EXPECT_EQ((*txn)->put_if_version("cases", "C1", "{}", 0).status().code(), StatusCode::kAborted);
}

TEST_P(StoreConformance, EraseThenInsertRestartsVersion) {
  put("suppliers", "S1", "{}");
  put("suppliers", "S1", R"({"x":1})");
  {
    auto txn = store_->begin();
    EXPECT_TRUE(*(*txn)->erase("suppliers", "S1"));
    EXPECT_FALSE(*(*txn)->erase("suppliers", "S1"));
    ASSERT_TRUE((*txn)->commit().ok());
  }
  EXPECT_FALSE(store_->get("suppliers", "S1")->has_value());
  put("suppliers", "S1", "{}");
  EXPECT_EQ((*store_->get("suppliers", "S1"))->version, 1);
}

TEST_P(StoreConformance, ScanVisitsOneCollectionInKeyOrder) {
  put("suppliers", "S2", "{}");
  put("suppliers", "S1", "{}");
  put("offers", "O1", "{}");
  EXPECT_EQ(keys_of(*store_, "suppliers"), (std::vector<std::string>{"S1", "S2"}));
}

TEST_P(StoreConformance, ScanFromStartsAtFirstKeyNotBelow) {
  for (const char* key : {"000001", "000002", "000003", "000010"}) put("journal/c", key, "{}");
  EXPECT_EQ(keys_of(*store_, "journal/c", "000003"),
            (std::vector<std::string>{"000003", "000010"}));
  EXPECT_EQ(keys_of(*store_, "journal/c", "000004"), (std::vector<std::string>{"000010"}));
}

TEST_P(StoreConformance, ScanStopsAtVisitorError) {
  put("suppliers", "S1", "{}");
  put("suppliers", "S2", "{}");
  int visited = 0;
  Status status = store_->scan("suppliers", [&](const Record&) {
    ++visited;
    return data_loss("bad record");
  });
  EXPECT_EQ(status.code(), StatusCode::kDataLoss);
  EXPECT_EQ(visited, 1);
}

TEST_P(StoreConformance, CountIsPerCollection) {
  put("a", "1", "{}");
  put("a", "2", "{}");
  put("b", "1", "{}");
  EXPECT_EQ(*store_->count("a"), 2);
  EXPECT_EQ(*store_->count("missing"), 0);
}

TEST_P(StoreConformance, CommitTwiceIsFailedPrecondition) {
  auto txn = store_->begin();
  ASSERT_TRUE((*txn)->commit().ok());
  EXPECT_EQ((*txn)->commit().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ((*txn)->put("a", "1", "{}").status().code(), StatusCode::kFailedPrecondition);
}

// Many threads each add one to a counter with put_if_version; one writer at a time and
// conflicts detected means no increment is lost.
TEST_P(StoreConformance, ConcurrentConditionalIncrementsAreNeverLost) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < kPerThread; ++i) {
          auto txn = store_->begin();
          ASSERT_TRUE(txn.ok());
          auto current = (*txn)->get("counters", "n");
          ASSERT_TRUE(current.ok());
          int n = current->has_value() ? std::stoi((*current)->body) : 0;
          std::int64_t version = current->has_value() ? (*current)->version : 0;
          ASSERT_TRUE((*txn)->put_if_version("counters", "n", std::to_string(n + 1), version).ok());
          ASSERT_TRUE((*txn)->commit().ok());
        }
      });
    }
  }
  EXPECT_EQ((*store_->get("counters", "n"))->body, std::to_string(kThreads * kPerThread));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(all_backends()),
                         backend_name);

}  // namespace
}  // namespace kontor::store::testing
