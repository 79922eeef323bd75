#include "store/sqlite/wal_write_batching.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <string>

namespace kontor::store {
namespace {

constexpr const char* kVfsName = "kontor-wal-batching";
constexpr int kFrameHeaderBytes = 24;
constexpr std::size_t kMaxGathered = 4 << 20;  // a huge transaction is written as it goes

std::atomic<std::int64_t> sqlite_writes{0};
std::atomic<std::int64_t> os_writes{0};

struct WalFile;
extern const sqlite3_io_methods kWalMethods;

// The database file: SQLite's own file followed by a link to its open WAL, so that releasing
// the WAL write lock (the end of a write transaction, committed or not) writes what the WAL
// gathered first.
struct DbFile {
  sqlite3_file base;  // pMethods: kDbMethods
  sqlite3_file* real;
  WalFile* wal;
};

struct WalFile {
  sqlite3_file base;  // pMethods: kWalMethods
  sqlite3_file* real;
  DbFile* db;             // null when the database file is not one of ours
  std::string* gathered;  // appended writes not yet handed to the OS
  sqlite3_int64 start;    // file offset of gathered's first byte
  sqlite3_int64 end;      // end of what was written (gathered or not); -1: unknown
  bool commit_header;     // the last gathered write was a commit frame's header
};

constexpr std::size_t aligned(std::size_t n) { return (n + 15) & ~std::size_t{15}; }
constexpr std::size_t kHeader =
    aligned(sizeof(DbFile) > sizeof(WalFile) ? sizeof(DbFile) : sizeof(WalFile));

// Both wrappers start with the sqlite3_file SQLite sees, then SQLite's own file.
sqlite3_file* real_of(sqlite3_file* file) {
  return file->pMethods == &kWalMethods ? reinterpret_cast<WalFile*>(file)->real
                                        : reinterpret_cast<DbFile*>(file)->real;
}

// SQLite's unix file writes at most 128 KiB per call (it masks the length with 0x1ffff, so a
// longer write comes back short and fails as "disk full"): a larger batch goes in 64 KiB pieces.
constexpr std::size_t kMaxOsWrite = 64 << 10;

int flush(WalFile* f) {
  if (f->gathered->empty()) return SQLITE_OK;
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < f->gathered->size() && rc == SQLITE_OK; done += kMaxOsWrite) {
    const std::size_t piece = std::min(kMaxOsWrite, f->gathered->size() - done);
    os_writes.fetch_add(1, std::memory_order_relaxed);
    rc = f->real->pMethods->xWrite(f->real, f->gathered->data() + done, static_cast<int>(piece),
                                   f->start + static_cast<sqlite3_int64>(done));
  }
  f->gathered->clear();
  f->commit_header = false;
  if (rc != SQLITE_OK) f->end = -1;  // what reached the file is unknown: stop gathering
  return rc;
}

// --- WAL file methods ---------------------------------------------------------------------

int wal_close(sqlite3_file* file) {
  auto* f = reinterpret_cast<WalFile*>(file);
  int rc = flush(f);
  if (f->db != nullptr) f->db->wal = nullptr;
  delete f->gathered;
  f->gathered = nullptr;
  int closed = f->real->pMethods->xClose(f->real);
  return rc != SQLITE_OK ? rc : closed;
}

int wal_read(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset) {
  auto* f = reinterpret_cast<WalFile*>(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xRead(f->real, data, amount, offset);
}

int wal_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  auto* f = reinterpret_cast<WalFile*>(file);
  sqlite_writes.fetch_add(1, std::memory_order_relaxed);
  // Offset 0 is the log's header, written when the log (re)starts: what follows appends.
  const bool appends = offset == 0 || (f->end >= 0 && offset == f->end);
  if (!appends) {
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
    os_writes.fetch_add(1, std::memory_order_relaxed);
    int rc = f->real->pMethods->xWrite(f->real, data, amount, offset);
    if (f->end >= 0 && offset + amount > f->end) f->end = offset + amount;
    return rc;
  }
  if (offset == 0) {
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
  }
  if (f->gathered->empty()) f->start = offset;
  f->gathered->append(static_cast<const char*>(data), static_cast<std::size_t>(amount));
  f->end = offset + amount;
  if (amount == kFrameHeaderBytes) {
    // Bytes 4..7 of a frame header: the database size in pages after a commit, else 0.
    const auto* header = static_cast<const unsigned char*>(data);
    f->commit_header = (header[4] | header[5] | header[6] | header[7]) != 0;
    return SQLITE_OK;
  }
  if (f->commit_header || f->gathered->size() >= kMaxGathered) return flush(f);
  return SQLITE_OK;
}

int wal_truncate(sqlite3_file* file, sqlite3_int64 size) {
  auto* f = reinterpret_cast<WalFile*>(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  int rc = f->real->pMethods->xTruncate(f->real, size);
  f->end = rc == SQLITE_OK ? size : -1;
  return rc;
}

int wal_sync(sqlite3_file* file, int flags) {
  auto* f = reinterpret_cast<WalFile*>(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xSync(f->real, flags);
}

int wal_file_size(sqlite3_file* file, sqlite3_int64* size) {
  auto* f = reinterpret_cast<WalFile*>(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xFileSize(f->real, size);
}

int wal_lock(sqlite3_file* file, int level) {
  return real_of(file)->pMethods->xLock(real_of(file), level);
}
int wal_unlock(sqlite3_file* file, int level) {
  return real_of(file)->pMethods->xUnlock(real_of(file), level);
}
int wal_check_reserved(sqlite3_file* file, int* out) {
  return real_of(file)->pMethods->xCheckReservedLock(real_of(file), out);
}
int wal_file_control(sqlite3_file* file, int op, void* arg) {
  auto* f = reinterpret_cast<WalFile*>(file);
  if (int rc = flush(f); rc != SQLITE_OK) return rc;
  return f->real->pMethods->xFileControl(f->real, op, arg);
}
int wal_sector_size(sqlite3_file* file) {
  return real_of(file)->pMethods->xSectorSize(real_of(file));
}
int wal_device_characteristics(sqlite3_file* file) {
  return real_of(file)->pMethods->xDeviceCharacteristics(real_of(file));
}

const sqlite3_io_methods kWalMethods = {
    1,
    wal_close,
    wal_read,
    wal_write,
    wal_truncate,
    wal_sync,
    wal_file_size,
    wal_lock,
    wal_unlock,
    wal_check_reserved,
    wal_file_control,
    wal_sector_size,
    wal_device_characteristics,
};

// --- database file methods: forwarded, but the WAL is written before its write lock goes ----

// Only frames of a transaction that did not commit can be gathered here (a commit frame writes
// everything out at once): written as the default VFS would have, errors do not matter.
void flush_wal_of(sqlite3_file* file) {
  auto* db = reinterpret_cast<DbFile*>(file);
  if (db->wal != nullptr) (void)flush(db->wal);
}

int db_close(sqlite3_file* file) {
  auto* db = reinterpret_cast<DbFile*>(file);
  if (db->wal != nullptr) db->wal->db = nullptr;
  return db->real->pMethods->xClose(db->real);
}
int db_read(sqlite3_file* file, void* data, int amount, sqlite3_int64 offset) {
  return real_of(file)->pMethods->xRead(real_of(file), data, amount, offset);
}
int db_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
  return real_of(file)->pMethods->xWrite(real_of(file), data, amount, offset);
}
int db_truncate(sqlite3_file* file, sqlite3_int64 size) {
  return real_of(file)->pMethods->xTruncate(real_of(file), size);
}
int db_sync(sqlite3_file* file, int flags) {
  return real_of(file)->pMethods->xSync(real_of(file), flags);
}
int db_file_size(sqlite3_file* file, sqlite3_int64* size) {
  return real_of(file)->pMethods->xFileSize(real_of(file), size);
}
int db_lock(sqlite3_file* file, int level) {
  return real_of(file)->pMethods->xLock(real_of(file), level);
}
int db_unlock(sqlite3_file* file, int level) {
  return real_of(file)->pMethods->xUnlock(real_of(file), level);
}
int db_check_reserved(sqlite3_file* file, int* out) {
  return real_of(file)->pMethods->xCheckReservedLock(real_of(file), out);
}
int db_file_control(sqlite3_file* file, int op, void* arg) {
  return real_of(file)->pMethods->xFileControl(real_of(file), op, arg);
}
int db_sector_size(sqlite3_file* file) {
  return real_of(file)->pMethods->xSectorSize(real_of(file));
}
int db_device_characteristics(sqlite3_file* file) {
  return real_of(file)->pMethods->xDeviceCharacteristics(real_of(file));
}
int db_shm_map(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
  return real_of(file)->pMethods->xShmMap(real_of(file), page, size, extend, out);
}
int db_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
  // An unlock of the write lock (slot 0) ends a write transaction: its frames go out first.
  if (offset == 0 && (flags & SQLITE_SHM_UNLOCK) != 0) flush_wal_of(file);
  return real_of(file)->pMethods->xShmLock(real_of(file), offset, n, flags);
}
void db_shm_barrier(sqlite3_file* file) {
  // Before a new wal-index header is published; nothing is gathered then in practice.
  flush_wal_of(file);
  real_of(file)->pMethods->xShmBarrier(real_of(file));
}
int db_shm_unmap(sqlite3_file* file, int delete_flag) {
  return real_of(file)->pMethods->xShmUnmap(real_of(file), delete_flag);
}
int db_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
  return real_of(file)->pMethods->xFetch(real_of(file), offset, amount, out);
}
int db_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  return real_of(file)->pMethods->xUnfetch(real_of(file), offset, page);
}

const sqlite3_io_methods kDbMethods = {
    3,
    db_close,
    db_read,
    db_write,
    db_truncate,
    db_sync,
    db_file_size,
    db_lock,
    db_unlock,
    db_check_reserved,
    db_file_control,
    db_sector_size,
    db_device_characteristics,
    db_shm_map,
    db_shm_lock,
    db_shm_barrier,
    db_shm_unmap,
    db_fetch,
    db_unfetch,
};
// For a base VFS without shared memory (no WAL then): plain forwarding.
const sqlite3_io_methods kDbMethodsV1 = {
    1,
    db_close,
    db_read,
    db_write,
    db_truncate,
    db_sync,
    db_file_size,
    db_lock,
    db_unlock,
    db_check_reserved,
    db_file_control,
    db_sector_size,
    db_device_characteristics,
};

// --- the VFS ------------------------------------------------------------------------------

sqlite3_vfs* base_vfs(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

int vfs_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  sqlite3_vfs* base = base_vfs(vfs);
  const bool is_db = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  const bool is_wal = (flags & SQLITE_OPEN_WAL) != 0;
  if (!is_db && !is_wal) return base->xOpen(base, name, file, flags, out_flags);
  auto* real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kHeader);
  real->pMethods = nullptr;
  file->pMethods = nullptr;
  int rc = base->xOpen(base, name, real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (real->pMethods != nullptr) real->pMethods->xClose(real);
    return rc;
  }
  if (is_db) {
    auto* db = reinterpret_cast<DbFile*>(file);
    db->real = real;
    db->wal = nullptr;
    file->pMethods = real->pMethods->iVersion >= 3 ? &kDbMethods : &kDbMethodsV1;
    return SQLITE_OK;
  }
  auto* wal = reinterpret_cast<WalFile*>(file);
  wal->real = real;
  wal->gathered = new std::string();
  wal->start = 0;
  wal->commit_header = false;
  sqlite3_int64 size = 0;
  wal->end = real->pMethods->xFileSize(real, &size) == SQLITE_OK ? size : -1;
  wal->db = nullptr;
  sqlite3_file* db_file = sqlite3_database_file_object(name);
  if (db_file != nullptr && db_file->pMethods == &kDbMethods) {
    wal->db = reinterpret_cast<DbFile*>(db_file);
    wal->db->wal = wal;
  }
  file->pMethods = &kWalMethods;
  return SQLITE_OK;
}

int vfs_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  return base_vfs(vfs)->xDelete(base_vfs(vfs), name, sync_dir);
}
int vfs_access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  return base_vfs(vfs)->xAccess(base_vfs(vfs), name, flags, out);
}
int vfs_full_pathname(sqlite3_vfs* vfs, const char* name, int n, char* out) {
  return base_vfs(vfs)->xFullPathname(base_vfs(vfs), name, n, out);
}
void* vfs_dl_open(sqlite3_vfs* vfs, const char* name) {
  return base_vfs(vfs)->xDlOpen(base_vfs(vfs), name);
}
void vfs_dl_error(sqlite3_vfs* vfs, int n, char* out) {
  base_vfs(vfs)->xDlError(base_vfs(vfs), n, out);
}
void (*vfs_dl_sym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
  return base_vfs(vfs)->xDlSym(base_vfs(vfs), handle, symbol);
}
void vfs_dl_close(sqlite3_vfs* vfs, void* handle) {
  base_vfs(vfs)->xDlClose(base_vfs(vfs), handle);
}
int vfs_randomness(sqlite3_vfs* vfs, int n, char* out) {
  return base_vfs(vfs)->xRandomness(base_vfs(vfs), n, out);
}
int vfs_sleep(sqlite3_vfs* vfs, int microseconds) {
  return base_vfs(vfs)->xSleep(base_vfs(vfs), microseconds);
}
int vfs_current_time(sqlite3_vfs* vfs, double* out) {
  return base_vfs(vfs)->xCurrentTime(base_vfs(vfs), out);
}
int vfs_get_last_error(sqlite3_vfs* vfs, int n, char* out) {
  return base_vfs(vfs)->xGetLastError ? base_vfs(vfs)->xGetLastError(base_vfs(vfs), n, out) : 0;
}
int vfs_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
  return base_vfs(vfs)->xCurrentTimeInt64(base_vfs(vfs), out);
}

}  // namespace

const char* wal_write_batching_vfs() {
  static sqlite3_vfs vfs;
  static const char* registered = []() -> const char* {
    sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
    // Version 2 of the VFS object (xCurrentTimeInt64) is what the wrapper forwards.
    if (base == nullptr || base->iVersion < 2) return nullptr;
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(kHeader + aligned(static_cast<std::size_t>(base->szOsFile)));
    vfs.mxPathname = base->mxPathname;
    vfs.zName = kVfsName;
    vfs.pAppData = base;
    vfs.xOpen = vfs_open;
    vfs.xDelete = vfs_delete;
    vfs.xAccess = vfs_access;
    vfs.xFullPathname = vfs_full_pathname;
    vfs.xDlOpen = vfs_dl_open;
    vfs.xDlError = vfs_dl_error;
    vfs.xDlSym = vfs_dl_sym;
    vfs.xDlClose = vfs_dl_close;
    vfs.xRandomness = vfs_randomness;
    vfs.xSleep = vfs_sleep;
    vfs.xCurrentTime = vfs_current_time;
    vfs.xGetLastError = vfs_get_last_error;
    vfs.xCurrentTimeInt64 = vfs_current_time_int64;
    return sqlite3_vfs_register(&vfs, /*makeDflt=*/0) == SQLITE_OK ? kVfsName : nullptr;
  }();
  return registered;
}

WalWriteCounts wal_write_counts() {
  return {sqlite_writes.load(std::memory_order_relaxed), os_writes.load(std::memory_order_relaxed)};
}

}  // namespace kontor::store
