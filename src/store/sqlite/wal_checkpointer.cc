#include "store/sqlite/wal_checkpointer.h"

#include <pthread.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <utility>

namespace kontor::store {
namespace {

// PASSIVE passes per cycle before the tail is taken under the store's mutex anyway: each pass
// copies what the commits added during the previous one, so the tail shrinks while the disk
// keeps up; a bounded cycle always ends with the log rewound.
constexpr int kMaxPasses = 4;

std::atomic<std::int64_t> cycles_started{0};
std::atomic<std::int64_t> cycles_finished{0};
std::atomic<std::int64_t> inline_checkpoints{0};
std::atomic<std::int64_t> failures{0};

Status checkpoint_status(sqlite3* connection, int rc, std::string_view what) {
  return internal_error(std::string(what) + ": " +
                        (connection ? sqlite3_errmsg(connection) : sqlite3_errstr(rc)) +
                        " (the log keeps the commits; the next checkpoint tries again)");
}

}  // namespace

WalCheckpointCounts wal_checkpoint_counts() {
  return {cycles_started.load(), cycles_finished.load(), inline_checkpoints.load(),
          failures.load()};
}

StatusOr<std::unique_ptr<WalCheckpointer>> WalCheckpointer::start(sqlite3* db,
                                                                  const std::string& path,
                                                                  const char* vfs,
                                                                  std::mutex& db_mutex,
                                                                  WalCheckpointOptions options) {
  std::unique_ptr<WalCheckpointer> self(new WalCheckpointer(db, db_mutex, std::move(options)));
  int rc =
      sqlite3_open_v2(path.c_str(), &self->own_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, vfs);
  if (rc != SQLITE_OK) return checkpoint_status(self->own_, rc, "open checkpoint connection");
  sqlite3* own = self->own_;
  sqlite3_busy_timeout(own, self->options_.busy_timeout_ms);
  // A checkpoint syncs as its connection's synchronous setting says: the store's.
  const char* sync =
      self->options_.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
  // The read opens the log on this connection (a checkpoint needs it open).
  for (const char* sql : {sync, "SELECT count(*) FROM sqlite_master"}) {
    rc = sqlite3_exec(own, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return checkpoint_status(own, rc, sql);
  }
  sqlite3_wal_autocheckpoint(own, 0);
  sqlite3_wal_hook(db, &WalCheckpointer::on_commit, self.get());  // replaces SQLite's own hook
  self->hooked_ = true;
  self->thread_ = std::thread(&WalCheckpointer::run, self.get());
  pthread_setname_np(self->thread_.native_handle(), "kontor-wal-ckpt");  // in profiles, top
  return self;
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard<std::mutex> lock(wake_mutex_);
    stopping_ = true;
  }
  stop_.store(true);
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (hooked_) {
    std::lock_guard<std::mutex> lock(db_mutex_);
    sqlite3_wal_autocheckpoint(db_, options_.threshold_pages);
  }
  // Closed before the store's connection, whose close (the last one) then checkpoints the log
  // fully and removes it.
  sqlite3_close_v2(own_);
}

// On the committing thread, inside its COMMIT (the transaction has ended), `db_mutex_` held.
int WalCheckpointer::on_commit(void* arg, sqlite3* db, const char* name, int frames) {
  auto* self = static_cast<WalCheckpointer*>(arg);
  self->log_frames_.store(frames, std::memory_order_relaxed);
  const int threshold = self->options_.threshold_pages;
  if (frames < threshold) return SQLITE_OK;
  if (frames >= threshold * self->options_.backpressure_factor) {
    // The thread is behind: checkpoint here, as SQLite would, once its pass is done. No writer
    // can start meanwhile (we hold db_mutex_), so this copies everything and rewinds the log.
    std::lock_guard<std::mutex> lock(self->checkpoint_mutex_);
    inline_checkpoints.fetch_add(1);
    int in_log = 0, checkpointed = 0;
    int rc = sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, &in_log, &checkpointed);
    if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY) self->report(rc, db, "checkpoint");
    return SQLITE_OK;  // the commit itself succeeded
  }
  if (!self->requested_.exchange(true)) {
    // Taking the mutex orders this request before the thread's wait or after its check.
    { std::lock_guard<std::mutex> lock(self->wake_mutex_); }
    self->wake_.notify_one();
  }
  return SQLITE_OK;
}

void WalCheckpointer::run() {
  while (true) {
    {
      std::unique_lock<std::mutex> lock(wake_mutex_);
      wake_.wait(lock, [&] { return stopping_ || requested_.load(); });
      if (stopping_) return;
    }
    cycles_started.fetch_add(1);
    cycle();
    cycles_finished.fetch_add(1);
    // A log still past the threshold (a busy or failed cycle) is requested again by the next
    // commit.
    requested_.store(false);
  }
}

void WalCheckpointer::cycle() {
  const int small_tail = std::max(1, options_.threshold_pages / 8);
  std::int64_t previous_tail = std::numeric_limits<std::int64_t>::max() / 4;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    int checkpointed = 0;
    {
      std::lock_guard<std::mutex> lock(checkpoint_mutex_);
      if (!checkpoint(own_, &checkpointed)) return;
    }
    if (options_.after_pass) options_.after_pass();
    if (stop_.load()) return;  // closing: the store's close checkpoints what is left
    // Frames the commits added during the pass. Another pass pays when the tail shrinks; when
    // the commits outpace the disk it does not, and more passes would only grow the log.
    const std::int64_t tail = log_frames_.load(std::memory_order_relaxed) - checkpointed;
    if (tail <= small_tail || tail * 4 > previous_tail * 3) break;
    previous_tail = tail;
  }
  // A PASSIVE checkpoint that did not reach the end of the log synced the log only up to where
  // it began and left the database unsynced; syncing both here keeps that write-back out of the
  // short checkpoint below, which then syncs only the tail.
  sync_file(SQLITE_FCNTL_FILE_POINTER, "sync database after checkpoint");
  sync_file(SQLITE_FCNTL_JOURNAL_POINTER, "sync log before checkpoint");
  // The tail, with no commit of this process in flight: the checkpoint reaches the end of the
  // log and syncs the log and the database, so the next writer rewinds the log.
  std::lock_guard<std::mutex> db_lock(db_mutex_);
  std::lock_guard<std::mutex> lock(checkpoint_mutex_);
  int checkpointed = 0;
  (void)checkpoint(own_, &checkpointed);
}

bool WalCheckpointer::checkpoint(sqlite3* connection, int* checkpointed) {
  int in_log = 0;
  int rc = sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, &in_log,
                                     checkpointed);
  if (rc == SQLITE_OK) return true;
  // BUSY: another process is checkpointing; not a failure.
  if ((rc & 0xff) != SQLITE_BUSY) report(rc, connection, "checkpoint");
  return false;
}

// `pointer`: SQLITE_FCNTL_FILE_POINTER (the database) or SQLITE_FCNTL_JOURNAL_POINTER (the log).
void WalCheckpointer::sync_file(int pointer, const char* what) {
  sqlite3_file* file = nullptr;
  int rc = sqlite3_file_control(own_, "main", pointer, &file);
  if (rc != SQLITE_OK || file == nullptr || file->pMethods == nullptr) return;
  rc = file->pMethods->xSync(file,
                             options_.synchronous_full ? SQLITE_SYNC_FULL : SQLITE_SYNC_NORMAL);
  if (rc != SQLITE_OK) report(rc, nullptr, what);
}

void WalCheckpointer::report(int rc, sqlite3* connection, const char* what) {
  failures.fetch_add(1);
  Status status = checkpoint_status(connection, rc, what);
  if (options_.on_failure) {
    options_.on_failure(status);
  } else {
    std::fprintf(stderr, "kontor store: %s\n", status.to_string().c_str());
  }
}

}  // namespace kontor::store
