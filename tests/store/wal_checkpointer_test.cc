// The store's WAL checkpoints on its own thread (wal_checkpointer.h): the log stays bounded and
// is rewound under a long run of commits, nothing committed is lost across close and reopen,
// and closing while the thread is inside a checkpoint is clean.
#include "store/sqlite/wal_checkpointer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "store/sqlite/sqlite_store.h"

namespace kontor::store {
namespace {

constexpr int kThreshold = 1000;
constexpr std::int64_t kPageBytes = 4096;
constexpr std::int64_t kFrameBytes = 24 + kPageBytes;
// The log may reach the back-pressure point (4 × the threshold) plus the frames of the commit
// that crosses it; a log never rewound would hold one frame or more per commit.
constexpr std::int64_t kMaxWalBytes = 32 + (4 * kThreshold + 16) * kFrameBytes;

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kontor_checkpoint_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "kontor.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::int64_t wal_bytes() const {
    std::error_code error;
    auto size = std::filesystem::file_size(path_ + "-wal", error);
    return error ? 0 : static_cast<std::int64_t>(size);
  }
  // The log header's checkpoint sequence number: one more at every rewind of the log.
  std::uint32_t wal_checkpoint_sequence() const {
    std::ifstream in(path_ + "-wal", std::ios::binary);
    std::array<unsigned char, 16> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    if (!in) return 0;
    return std::uint32_t{header[12]} << 24 | std::uint32_t{header[13]} << 16 |
           std::uint32_t{header[14]} << 8 | std::uint32_t{header[15]};
  }

  std::filesystem::path dir_;
  std::string path_;
};

std::string key_of(int i) {
  std::string key = "R";
  key += std::to_string(100000 + i);
  return key;
}
std::string body_of(int i) {
  return "{\"n\":" + std::to_string(i) + ",\"pad\":\"" + std::string(60 + i % 11, 'x') + "\"}";
}

void commit_one(Store& store, int i) {
  auto txn = store.begin();
  ASSERT_TRUE(txn.ok()) << txn.status().to_string();
  ASSERT_TRUE((*txn)->put("events", key_of(i), body_of(i)).ok());
  ASSERT_TRUE((*txn)->commit().ok());
}

void expect_all_readable(const std::string& path, int n) {
  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto count = (*store)->count("events");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, n);
  int i = 0;
  Status scanned = (*store)->scan("events", [&](const Record& record) {
    EXPECT_EQ(record.key, key_of(i));
    EXPECT_EQ(record.body, body_of(i));
    EXPECT_EQ(record.version, 1);
    ++i;
    return ok_status();
  });
  EXPECT_TRUE(scanned.ok());
  EXPECT_EQ(i, n);
}

TEST_F(WalCheckpointerTest, LogStaysBoundedAndIsRewoundOverManyCommits) {
  constexpr int kCommits = 20000;
  const WalCheckpointCounts before = wal_checkpoint_counts();
  int failures = 0;
  SqliteOptions options;
  options.on_checkpoint_failure = [&](const Status&) { ++failures; };
  {
    auto store = open_sqlite_store(path_, options);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    std::int64_t largest = 0;
    for (int i = 0; i < kCommits; ++i) {
      commit_one(**store, i);
      if (::testing::Test::HasFatalFailure()) return;
      largest = std::max(largest, wal_bytes());
    }
    EXPECT_LE(largest, kMaxWalBytes);
    // At least one frame per commit went through a log of at most ~4,000 frames.
    EXPECT_GE(wal_checkpoint_sequence(), kCommits * kFrameBytes / kMaxWalBytes);
  }
  const WalCheckpointCounts after = wal_checkpoint_counts();
  EXPECT_GE(after.cycles_started - before.cycles_started, 1);
  EXPECT_EQ(after.cycles_started - before.cycles_started,
            after.cycles_finished - before.cycles_finished);
  EXPECT_EQ(after.failures, before.failures);
  EXPECT_EQ(failures, 0);
  // The last connection's close checkpointed the log and removed it.
  EXPECT_FALSE(std::filesystem::exists(path_ + "-wal"));
  expect_all_readable(path_, kCommits);
}

TEST_F(WalCheckpointerTest, SqliteAutomaticCheckpointsWhenOff) {
  constexpr int kCommits = 6000;
  const WalCheckpointCounts before = wal_checkpoint_counts();
  SqliteOptions options;
  options.checkpoint_in_background = false;
  {
    auto store = open_sqlite_store(path_, options);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    for (int i = 0; i < kCommits; ++i) {
      commit_one(**store, i);
      if (::testing::Test::HasFatalFailure()) return;
      ASSERT_LE(wal_bytes(), 32 + (kThreshold + 16) * kFrameBytes);
    }
  }
  EXPECT_EQ(wal_checkpoint_counts().cycles_started, before.cycles_started);
  expect_all_readable(path_, kCommits);
}

TEST_F(WalCheckpointerTest, ClosingWhileTheThreadIsInACheckpointIsClean) {
  std::atomic<bool> in_pass{false};
  SqliteOptions options;
  // Holds the thread inside its cycle long enough for the store to start closing.
  options.after_checkpoint_pass = [&] {
    in_pass.store(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  };
  int committed = 0;
  {
    auto store = open_sqlite_store(path_, options);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    // The thread starts past the threshold; stop committing as soon as it is in a pass.
    while (!in_pass.load() && committed < 20000) {
      commit_one(**store, committed);
      if (::testing::Test::HasFatalFailure()) return;
      ++committed;
    }
    ASSERT_TRUE(in_pass.load()) << "no checkpoint began after " << committed << " commits";
    // More commits while the thread is inside its pass, then the close.
    for (int i = 0; i < 50; ++i) commit_one(**store, committed++);
  }
  EXPECT_FALSE(std::filesystem::exists(path_ + "-wal"));
  expect_all_readable(path_, committed);
}

}  // namespace
}  // namespace kontor::store
