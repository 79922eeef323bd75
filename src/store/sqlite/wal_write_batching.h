// A SQLite VFS that hands a WAL commit to the OS in one write. SQLite writes every WAL frame
// as two writes (its 24-byte header, then the page), so a commit of n pages costs 2n pwrite
// calls — the largest share of a small commit's CPU on a VM where a system call costs ~2 µs.
// This VFS wraps the default one and, for WAL files only, gathers the writes that append to
// the log in memory and writes them at once when the commit frame (a frame header with a
// database size) has its page. Durability is unchanged:
// - every byte of a commit is in the OS before its page completes the commit frame's write
//   returns, i.e. before SQLite publishes the commit in the wal-index and before COMMIT
//   returns (so a process crash loses nothing committed, as with the default VFS);
// - anything gathered is written before the file is read, synced, truncated, sized, closed or
//   controlled, so synchronous=FULL still syncs what it means to sync;
// - a write that does not append (SQLite rewriting checksums of frames already in the log)
//   first writes what was gathered, then goes straight to the file.
// A write error of the gathered bytes is reported by the write that completes the commit
// frame, so the commit fails as it would have.
#pragma once

#include <cstdint>

namespace kontor::store {

// Registers the VFS (once per process; not the default) and returns its name for
// sqlite3_open_v2; nullptr when SQLite has no default VFS to wrap.
const char* wal_write_batching_vfs();

// Writes this VFS has handed to the OS for WAL files, and writes SQLite made to them, since
// the process started (all connections).
struct WalWriteCounts {
  std::int64_t sqlite_writes = 0;
  std::int64_t os_writes = 0;
};
WalWriteCounts wal_write_counts();

}  // namespace kontor::store
