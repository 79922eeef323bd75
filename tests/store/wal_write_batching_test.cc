// The WAL write-batching VFS: one OS write per commit, and nothing committed is lost when the
// process is killed right after COMMIT returns — also for transactions that spill frames to
// the log before they commit (and rewrite their checksums) or roll back after spilling.
#include "store/sqlite/wal_write_batching.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>

#include "store/sqlite/sqlite_store.h"

namespace kontor::store {
namespace {

class WalWriteBatchingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kontor_walbatch_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "kontor.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `work` in a child process that SIGKILLs itself when `work` returns.
  static void in_killed_child(const std::function<void()>& work) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      work();
      ::kill(::getpid(), SIGKILL);
      ::_exit(1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  }

  std::filesystem::path dir_;
  std::string path_;
};

std::string body_of(int i) {
  return "{\"n\":" + std::to_string(i) + ",\"pad\":\"" + std::string(300 + i % 7, 'x') + "\"}";
}

TEST_F(WalWriteBatchingTest, WritesACommitOfManyPagesAtOnce) {
  ASSERT_NE(wal_write_batching_vfs(), nullptr);
  auto store = open_sqlite_store(path_);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto commit_records = [&](int from, int to) {
    auto txn = (*store)->begin();
    ASSERT_TRUE(txn.ok());
    for (int i = from; i < to; ++i) {
      ASSERT_TRUE((*txn)->put("batch", "k" + std::to_string(i), body_of(i)).ok());
    }
    ASSERT_TRUE((*txn)->commit().ok());
  };
  commit_records(0, 1);
  const WalWriteCounts before = wal_write_counts();
  commit_records(1, 61);  // ~20 KB of bodies: at least five pages
  const WalWriteCounts after = wal_write_counts();
  EXPECT_GE(after.sqlite_writes - before.sqlite_writes, 10);  // a header and a page per frame
  EXPECT_EQ(after.os_writes - before.os_writes, 1);
}

// SQLite's unix file takes at most 128 KiB per write: a bigger commit (a large case section)
// failed as "database or disk is full" when handed over in one piece.
TEST_F(WalWriteBatchingTest, ACommitOverTheOsWriteLimitIsWrittenInPieces) {
  auto store = open_sqlite_store(path_);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  const std::string big(300 << 10, 'b');  // 300 KiB in one record, one commit
  {
    auto txn = (*store)->begin();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->put("batch", "big", "{\"pad\":\"" + big + "\"}").ok());
    const WalWriteCounts before = wal_write_counts();
    Status committed = (*txn)->commit();
    ASSERT_TRUE(committed.ok()) << committed.to_string();
    EXPECT_GE(wal_write_counts().os_writes - before.os_writes, 5);  // 64 KiB pieces
  }
  SqliteOptions plain;
  plain.batch_wal_writes = false;
  store = open_sqlite_store(path_, plain);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto read = (*store)->get("batch", "big");
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->body, "{\"pad\":\"" + big + "\"}");
}

TEST_F(WalWriteBatchingTest, CommitsSurviveAKillRightAfterCommit) {
  in_killed_child([&] {
    auto store = open_sqlite_store(path_);
    if (!store.ok()) ::_exit(2);
    for (int i = 0; i < 50; ++i) {
      auto txn = (*store)->begin();
      if (!txn.ok() || !(*txn)->put("batch", "k" + std::to_string(i), body_of(i)).ok() ||
          !(*txn)->commit().ok()) {
        ::_exit(3);
      }
    }
  });
  SqliteOptions plain;
  plain.batch_wal_writes = false;  // read back through SQLite's own VFS
  auto store = open_sqlite_store(path_, plain);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto count = (*store)->count("batch");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 50);
  auto last = (*store)->get("batch", "k49");
  ASSERT_TRUE(last.ok() && last->has_value());
  EXPECT_EQ((*last)->body, body_of(49));
}

// With a tiny page cache a big transaction writes frames before it commits, then overwrites
// frames of its own (SQLite rewrites their checksums at commit); a rolled-back one leaves
// frames in the log that the next transaction overwrites.
TEST_F(WalWriteBatchingTest, SpilledAndRolledBackTransactionsStayConsistent) {
  in_killed_child([&] {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        wal_write_batching_vfs()) != SQLITE_OK) {
      ::_exit(2);
    }
    auto exec = [&](const std::string& sql) {
      if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) ::_exit(3);
    };
    exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=4;"
        "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    // Spilled, then rolled back.
    exec(
        "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
        " INSERT INTO t SELECT i, printf('%.500c', 'r') FROM n; ROLLBACK");
    // Spilled, pages written again after they spilled, committed.
    exec(
        "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
        " INSERT INTO t SELECT i, printf('%.500c', 'a') FROM n;"
        "UPDATE t SET v = printf('%.400c', 'b') WHERE k % 3 = 0; COMMIT");
    for (int i = 0; i < 20; ++i) {
      exec("UPDATE t SET v = 'c" + std::to_string(i) + "' WHERE k = " + std::to_string(i + 1));
    }
  });
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK);
    std::string value;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return value;
  };
  EXPECT_EQ(scalar("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(scalar("SELECT count(*) FROM t"), "400");
  EXPECT_EQ(scalar("SELECT count(*) FROM t WHERE v LIKE 'r%'"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM t WHERE length(v) = 400"), "127");  // k % 3 = 0, k > 20
  EXPECT_EQ(scalar("SELECT v FROM t WHERE k = 20"), "c19");
  EXPECT_EQ(scalar("SELECT v FROM t WHERE k = 21"), std::string(400, 'b'));
  sqlite3_close(db);
}

}  // namespace
}  // namespace kontor::store
