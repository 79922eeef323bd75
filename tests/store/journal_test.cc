#include "store/journal.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store_backends.h"

namespace kontor::store::testing {
namespace {

using JournalTest = BackendTest;

std::vector<std::int64_t> seqs_after(Journal& journal, std::int64_t after) {
  std::vector<std::int64_t> seqs;
  EXPECT_TRUE(journal
                  .read(after,
                        [&](const JournalEvent& e) {
                          seqs.push_back(e.seq);
                          return ok_status();
                        })
                  .ok());
  return seqs;
}

void append(Store& store, Journal& journal, std::string type, nlohmann::json data) {
  auto txn = store.begin();
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE(journal.append(**txn, std::move(type), std::move(data), "t").ok());
  ASSERT_TRUE(journal.commit(**txn).ok());
}

TEST_P(JournalTest, AppendsNumberFromOneAndReadBackInOrder) {
  Journal journal(*store_, "C1");
  append(*store_, journal, "task.started", {{"task", "research"}});
  append(*store_, journal, "task.done", {{"task", "research"}});
  std::vector<JournalEvent> events;
  ASSERT_TRUE(journal
                  .read(0,
                        [&](const JournalEvent& e) {
                          events.push_back(e);
                          return ok_status();
                        })
                  .ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].seq, 1);
  EXPECT_EQ(events[0].type, "task.started");
  EXPECT_EQ(events[1].seq, 2);
  EXPECT_EQ(events[1].data["task"], "research");
  EXPECT_EQ(*journal.head(), 2);
}

TEST_P(JournalTest, ReadAfterSkipsEarlierEventsAcrossKeyWidths) {
  Journal journal(*store_, "C1");
  for (int i = 0; i < 12; ++i) append(*store_, journal, "tick", {{"i", i}});
  EXPECT_EQ(seqs_after(journal, 9), (std::vector<std::int64_t>{10, 11, 12}));
}

TEST_P(JournalTest, CasesHaveSeparateSequences) {
  Journal a(*store_, "A");
  Journal b(*store_, "B");
  append(*store_, a, "x", {});
  append(*store_, a, "x", {});
  append(*store_, b, "x", {});
  EXPECT_EQ(*a.head(), 2);
  EXPECT_EQ(seqs_after(b, 0), (std::vector<std::int64_t>{1}));
}

TEST_P(JournalTest, RolledBackAppendLeavesNoGap) {
  Journal journal(*store_, "C1");
  append(*store_, journal, "x", {});
  {
    auto txn = store_->begin();
    ASSERT_TRUE(journal.append(**txn, "lost", {}, "t").ok());
  }
  append(*store_, journal, "y", {});
  EXPECT_EQ(seqs_after(journal, 0), (std::vector<std::int64_t>{1, 2}));
}

TEST_P(JournalTest, ParallelWritersNeverShareASequenceNumber) {
  Journal journal(*store_, "C1");
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 6; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 20; ++i) append(*store_, journal, "x", {});
      });
    }
  }
  std::vector<std::int64_t> seqs = seqs_after(journal, 0);
  ASSERT_EQ(seqs.size(), 120u);
  for (std::size_t i = 0; i < seqs.size(); ++i) EXPECT_EQ(seqs[i], static_cast<int>(i) + 1);
}

TEST_P(JournalTest, SnapshotKeepsLatestStateAndSeq) {
  Journal journal(*store_, "C1");
  EXPECT_FALSE(journal.snapshot()->has_value());
  for (int seq : {5, 10}) {
    auto txn = store_->begin();
    ASSERT_TRUE(journal.write_snapshot(**txn, {seq, "t", {{"tasks", seq}}}).ok());
    ASSERT_TRUE((*txn)->commit().ok());
  }
  auto snapshot = journal.snapshot();
  ASSERT_TRUE(snapshot.ok());
  ASSERT_TRUE(snapshot->has_value());
  EXPECT_EQ((*snapshot)->seq, 10);
  EXPECT_EQ((*snapshot)->state["tasks"], 10);
}

TEST_P(JournalTest, CorruptEventIsDataLossNamingTheRecord) {
  Journal journal(*store_, "C1");
  put("journal/C1", journal_key(1), "not json");
  Status status = journal.read(0, [](const JournalEvent&) { return ok_status(); });
  EXPECT_EQ(status.code(), StatusCode::kDataLoss);
  EXPECT_NE(status.message().find("journal/C1/000000000001"), std::string::npos);
}

TEST(JournalKey, IsTwelveDigitsZeroPadded) { EXPECT_EQ(journal_key(42), "000000000042"); }

INSTANTIATE_TEST_SUITE_P(Backends, JournalTest, ::testing::ValuesIn(all_backends()), backend_name);

}  // namespace
}  // namespace kontor::store::testing
