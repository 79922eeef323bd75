#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kontor::store {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kontor_store_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "kontor.db").string();
    auto store = open_sqlite_store(path_);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  PutOutcome put_committed(std::string_view key, std::string_view body) {
    auto txn = store_->begin();
    EXPECT_TRUE(txn.ok());
    auto outcome = (*txn)->put("suppliers", key, body);
    EXPECT_TRUE(outcome.ok());
    EXPECT_TRUE((*txn)->commit().ok());
    return *outcome;
  }

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, CommittedPutIsReadBackWithVersionOne) {
  EXPECT_EQ(put_committed("S1", R"({"name":"Ningbo Steelware"})"), PutOutcome::kInserted);
  auto record = store_->get("suppliers", "S1");
  ASSERT_TRUE(record.ok());
  ASSERT_TRUE(record->has_value());
  EXPECT_EQ((*record)->body, R"({"name":"Ningbo Steelware"})");
  EXPECT_EQ((*record)->version, 1);
}

TEST_F(SqliteStoreTest, IdenticalPutIsUnchangedAndKeepsVersion) {
  put_committed("S1", "{}");
  EXPECT_EQ(put_committed("S1", "{}"), PutOutcome::kUnchanged);
  EXPECT_EQ((*store_->get("suppliers", "S1"))->version, 1);
}

TEST_F(SqliteStoreTest, ChangedPutIsUpdatedAndBumpsVersion) {
  put_committed("S1", "{}");
  EXPECT_EQ(put_committed("S1", R"({"a":1})"), PutOutcome::kUpdated);
  EXPECT_EQ((*store_->get("suppliers", "S1"))->version, 2);
}

// An unchanged put is found by a refused insert; the transaction goes on and keeps its writes.
TEST_F(SqliteStoreTest, UnchangedPutInsideATransactionKeepsItsOtherWrites) {
  put_committed("S1", "{}");
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  ASSERT_EQ(*(*txn)->put("suppliers", "S2", R"({"b":1})"), PutOutcome::kInserted);
  ASSERT_EQ(*(*txn)->put("suppliers", "S1", "{}"), PutOutcome::kUnchanged);
  ASSERT_EQ(*(*txn)->put("suppliers", "S2", R"({"b":2})"), PutOutcome::kUpdated);
  ASSERT_EQ(*(*txn)->put("suppliers", "S3", "{}"), PutOutcome::kInserted);
  ASSERT_TRUE((*txn)->commit().ok());
  EXPECT_EQ((*store_->get("suppliers", "S1"))->version, 1);
  EXPECT_EQ((*store_->get("suppliers", "S2"))->body, R"({"b":2})");
  EXPECT_EQ((*store_->get("suppliers", "S2"))->version, 2);
  EXPECT_EQ((*store_->get("suppliers", "S3"))->version, 1);
}

TEST_F(SqliteStoreTest, TransactionWithoutCommitRollsBack) {
  {
    auto txn = store_->begin();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->put("suppliers", "S1", "{}").ok());
    ASSERT_TRUE((*txn)->put("suppliers", "S2", "{}").ok());
  }
  EXPECT_EQ(*store_->count("suppliers"), 0);
}

TEST_F(SqliteStoreTest, TransactionSeesItsOwnWrites) {
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->put("offers", "O1", R"({"moq":500})").ok());
  auto record = (*txn)->get("offers", "O1");
  ASSERT_TRUE(record.ok());
  ASSERT_TRUE(record->has_value());
  EXPECT_EQ((*record)->body, R"({"moq":500})");
}

TEST_F(SqliteStoreTest, PutIfVersionRejectsStaleVersionAsRetryAfterReread) {
  put_committed("S1", "{}");
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  auto stale = (*txn)->put_if_version("suppliers", "S1", R"({"b":2})", 0);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), StatusCode::kAborted);
  EXPECT_EQ(retry_safety(stale.status()), RetrySafety::kAfterReread);
  auto fresh = (*txn)->put_if_version("suppliers", "S1", R"({"b":2})", 1);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(*fresh, PutOutcome::kUpdated);
}

TEST_F(SqliteStoreTest, EraseRemovesOnlyExistingRecord) {
  put_committed("S1", "{}");
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  EXPECT_TRUE(*(*txn)->erase("suppliers", "S1"));
  EXPECT_FALSE(*(*txn)->erase("suppliers", "S1"));
  ASSERT_TRUE((*txn)->commit().ok());
  EXPECT_FALSE(store_->get("suppliers", "S1")->has_value());
}

TEST_F(SqliteStoreTest, ScanVisitsOneCollectionInKeyOrder) {
  put_committed("S2", "{}");
  put_committed("S1", "{}");
  {
    auto txn = store_->begin();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->put("offers", "O1", "{}").ok());
    ASSERT_TRUE((*txn)->commit().ok());
  }
  std::vector<std::string> keys;
  ASSERT_TRUE(store_
                  ->scan("suppliers",
                         [&](const Record& r) {
                           keys.push_back(r.key);
                           return ok_status();
                         })
                  .ok());
  EXPECT_EQ(keys, (std::vector<std::string>{"S1", "S2"}));
}

TEST_F(SqliteStoreTest, ScanStopsAtVisitorError) {
  put_committed("S1", "{}");
  put_committed("S2", "{}");
  int visited = 0;
  Status status = store_->scan("suppliers", [&](const Record&) {
    ++visited;
    return data_loss("bad record");
  });
  EXPECT_EQ(status.code(), StatusCode::kDataLoss);
  EXPECT_EQ(visited, 1);
}

TEST_F(SqliteStoreTest, CommitTwiceIsFailedPrecondition) {
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->commit().ok());
  EXPECT_EQ((*txn)->commit().code(), StatusCode::kFailedPrecondition);
}

TEST_F(SqliteStoreTest, DataSurvivesReopen) {
  put_committed("S1", R"({"city":"Yiwu"})");
  store_.reset();
  auto reopened = open_sqlite_store(path_);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*(*reopened)->get("suppliers", "S1"))->body, R"({"city":"Yiwu"})");
}

TEST_F(SqliteStoreTest, SecondWriterFromAnotherConnectionIsRetrySafeUnavailable) {
  SqliteOptions quick;
  quick.busy_timeout_ms = 10;
  auto other = open_sqlite_store(path_, quick);
  ASSERT_TRUE(other.ok());
  auto held = store_->begin();
  ASSERT_TRUE(held.ok());
  auto blocked = (*other)->begin();
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(retry_safety(blocked.status()), RetrySafety::kSafe);
}

TEST_F(SqliteStoreTest, DatabaseIsInWalMode) {
  EXPECT_TRUE(std::filesystem::exists(path_ + "-wal"));
}

TEST_F(SqliteStoreTest, NonDatabaseFileIsDataLoss) {
  std::string bad = (dir_ / "notadb.db").string();
  FILE* f = std::fopen(bad.c_str(), "w");
  std::fputs("this is not a sqlite database, just some text padded out to a page........", f);
  std::fclose(f);
  auto store = open_sqlite_store(bad);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace kontor::store
