// Takes SQLite's WAL checkpoint out of the commit path. By default SQLite checkpoints inside the
// COMMIT that takes the log past 1000 pages: that commit copies the log into the database and
// syncs both (~4 MB, tens of ms on a shared VM disk). Here the store's connection has automatic
// checkpoints off and a WAL hook that, past `threshold_pages`, wakes a thread with a connection
// of its own. A cycle of that thread:
// 1. PASSIVE checkpoints (no lock on writers: commits go on) while what the commits add during
//    a pass shrinks, then syncs the database file and the log;
// 2. with the store's connection mutex held — so no commit of this process is in flight and
//    none starts — a last PASSIVE checkpoint copies that tail and syncs the log and the
//    database; every frame is then backfilled, so the next writer rewinds the log to its start.
//    A concurrent checkpoint alone never gets there under continuous commits, and the log would
//    grow without bound.
// Back-pressure: when the log reaches `backpressure_factor` × the threshold (the thread cannot
// keep up), the committing thread checkpoints itself in the hook, as SQLite does by default.
// A commit's durability is unchanged: commits write the log as before (synchronous as
// configured), and what a power loss can lose is still the commits since the log was last
// synced, which every checkpoint does, now on the thread. As commits go on meanwhile, with a slow
// disk up to the back-pressure point of log can be unsynced (SQLite's checkpoint in the commit:
// the threshold). A failed checkpoint is reported, never fatal: the log keeps the commits and
// the next cycle tries again.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/status.h"

namespace kontor::store {

struct WalCheckpointOptions {
  int threshold_pages = 1000;  // SQLite's own wal_autocheckpoint default
  int backpressure_factor = 4;
  int busy_timeout_ms = 5000;
  bool synchronous_full = false;  // the checkpoint connection syncs as the store's does
  // A failed checkpoint (not a busy one); default: a line on stderr.
  std::function<void(const Status&)> on_failure;
  // Called on the checkpoint thread after each PASSIVE pass (tests).
  std::function<void()> after_pass;
};

// Process-wide counts (all stores) since start: cycles of the thread begun and finished, the
// checkpoints the committing thread made itself (back-pressure), and failures.
struct WalCheckpointCounts {
  std::int64_t cycles_started = 0;
  std::int64_t cycles_finished = 0;
  std::int64_t inline_checkpoints = 0;
  std::int64_t failures = 0;
};
WalCheckpointCounts wal_checkpoint_counts();

class WalCheckpointer {
 public:
  // Turns off `db`'s automatic checkpoints, installs the hook and starts the thread with its own
  // connection to `path` (through `vfs`, nullptr = default). `db_mutex` is the mutex that
  // serializes every use of `db`; the store holds it around transactions and reads, so the hook
  // runs with it held. Both must outlive the checkpointer.
  static StatusOr<std::unique_ptr<WalCheckpointer>> start(sqlite3* db, const std::string& path,
                                                          const char* vfs, std::mutex& db_mutex,
                                                          WalCheckpointOptions options);
  // Stops the thread (a cycle under way stops after its current pass), closes its connection and
  // gives `db` back SQLite's automatic checkpoints. Call without holding `db_mutex`.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  WalCheckpointer(sqlite3* db, std::mutex& db_mutex, WalCheckpointOptions options)
      : db_(db), db_mutex_(db_mutex), options_(std::move(options)) {}
  static int on_commit(void* self, sqlite3* db, const char* name, int frames);
  void run();
  void cycle();
  // A PASSIVE checkpoint on `connection`; false when it failed (reported) or was busy.
  bool checkpoint(sqlite3* connection, int* checkpointed);
  void sync_file(int pointer, const char* what);
  void report(int rc, sqlite3* connection, const char* what);

  sqlite3* db_;
  sqlite3* own_ = nullptr;  // the thread's connection
  bool hooked_ = false;     // db_'s WAL hook is ours
  std::mutex& db_mutex_;
  WalCheckpointOptions options_;
  // Serializes the thread's checkpoints with the committing thread's back-pressure ones (only
  // one checkpointer at a time; SQLite would answer the second with BUSY at once). Order:
  // db_mutex_ before checkpoint_mutex_.
  std::mutex checkpoint_mutex_;
  std::atomic<int> log_frames_{0};  // frames in the log after the last commit
  std::atomic<bool> requested_{false};
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by wake_mutex_
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace kontor::store
