// The SQLite backend of store::Store: one database file in WAL mode (readers do not block the
// writer), every statement prepared once, write transactions as BEGIN IMMEDIATE so a lock
// conflict shows up at begin() rather than half-way through. SQLITE_BUSY/LOCKED map to
// kUnavailable (retry safe), constraint failures to kAborted, corruption to kDataLoss, and a
// failed COMMIT to kInternal "outcome unknown" (the caller reconciles by idempotency key).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace kontor::store {

struct SqliteOptions {
  int busy_timeout_ms = 5000;
  bool synchronous_full = false;  // NORMAL is durable across process crashes in WAL mode
  // One write per commit to the WAL instead of two per page (wal_write_batching.h); the same
  // durability either way.
  bool batch_wal_writes = true;
  // WAL checkpoints on a thread of the store's (wal_checkpointer.h) rather than inside the
  // commit that takes the log past the threshold; false: SQLite's automatic checkpoints.
  bool checkpoint_in_background = true;
  int checkpoint_threshold_pages = 1000;                     // SQLite's default either way
  std::function<void(const Status&)> on_checkpoint_failure;  // default: a line on stderr
  std::function<void()> after_checkpoint_pass;  // tests: on the thread, after each pass
};

// Opens (creating if needed) the database at `path` and its schema.
StatusOr<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                   const SqliteOptions& options = {});

}  // namespace kontor::store
