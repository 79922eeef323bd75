#include "store/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <mutex>
#include <utility>

#include "store/sqlite/wal_checkpointer.h"
#include "store/sqlite/wal_write_batching.h"

namespace kontor::store {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS records ("
    "  collection TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL,"
    "  version INTEGER NOT NULL, PRIMARY KEY (collection, key)) WITHOUT ROWID;";

Status sqlite_status(sqlite3* db, int rc, std::string_view what) {
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return unavailable(message + " (retry is safe: nothing was written)");
    case SQLITE_CONSTRAINT: return aborted(message + " (conflict: re-read before retrying)");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return data_loss(message + " (do not retry)");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY: return failed_precondition(message + " (do not retry)");
    default: return internal_error(message + " (do not retry)");
  }
}

// A prepared statement, reset after each use so it can be reused.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }
  Status prepare(sqlite3* db, const char* sql) {
    int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    return rc == SQLITE_OK ? ok_status() : sqlite_status(db, rc, "prepare");
  }
  sqlite3_stmt* get() const { return stmt_; }
  void bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  void bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string column_text(sqlite3_stmt* stmt, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, index));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, index)))
              : std::string();
}

class SqliteStore;

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(SqliteStore* store, std::unique_lock<std::mutex> lock)
      : store_(store), lock_(std::move(lock)) {}
  ~SqliteTransaction() override;
  StatusOr<std::optional<Record>> get(std::string_view collection, std::string_view key) override;
  StatusOr<PutOutcome> put(std::string_view collection, std::string_view key,
                           std::string_view body) override;
  StatusOr<PutOutcome> put_if_version(std::string_view collection, std::string_view key,
                                      std::string_view body,
                                      std::int64_t expected_version) override;
  StatusOr<bool> erase(std::string_view collection, std::string_view key) override;
  Status commit() override;

 private:
  Status check_open() const {
    return open_ ? ok_status() : failed_precondition("store transaction already finished");
  }
  StatusOr<PutOutcome> write(std::string_view collection, std::string_view key,
                             std::string_view body, std::optional<std::int64_t> expected);
  StatusOr<std::optional<PutOutcome>> write_fast(std::string_view collection, std::string_view key,
                                                 std::string_view body,
                                                 std::optional<std::int64_t> expected);
  SqliteStore* store_;
  std::unique_lock<std::mutex> lock_;
  bool open_ = true;
};

class SqliteStore final : public Store {
 public:
  ~SqliteStore() override { close(); }

  Status open(const std::string& path, const SqliteOptions& options) {
    const char* vfs = options.batch_wal_writes ? wal_write_batching_vfs() : nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, vfs);
    if (rc != SQLITE_OK) return sqlite_status(db_, rc, "open " + path);
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    RETURN_IF_ERROR(exec("PRAGMA journal_mode=WAL"));
    RETURN_IF_ERROR(
        exec(options.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"));
    RETURN_IF_ERROR(exec("PRAGMA foreign_keys=ON"));
    RETURN_IF_ERROR(exec(kSchema));
    RETURN_IF_ERROR(get_.prepare(db_,
                                 "SELECT body, version FROM records "
                                 "WHERE collection = ?1 AND key = ?2"));
    RETURN_IF_ERROR(insert_.prepare(db_,
                                    "INSERT INTO records (collection, key, body, version) "
                                    "VALUES (?1, ?2, ?3, 1)"));
    RETURN_IF_ERROR(update_.prepare(db_,
                                    "UPDATE records SET body = ?3, version = version + 1 "
                                    "WHERE collection = ?1 AND key = ?2"));
    RETURN_IF_ERROR(erase_.prepare(db_, "DELETE FROM records WHERE collection = ?1 AND key = ?2"));
    // The fast paths of put/put_if_version: write without reading first. put is an update of
    // a changed body, else an insert; not one INSERT … ON CONFLICT DO UPDATE, which SQLite runs
    // with a statement journal (a 64 KiB allocation per statement, growing and trimming the
    // heap each time), whereas these single-row statements need none.
    RETURN_IF_ERROR(
        update_changed_.prepare(db_,
                                "UPDATE records SET body = ?3, version = version + 1 "
                                "WHERE collection = ?1 AND key = ?2 AND body IS NOT ?3"));
    RETURN_IF_ERROR(update_if_.prepare(
        db_,
        "UPDATE records SET body = ?3, version = version + 1 "
        "WHERE collection = ?1 AND key = ?2 AND version = ?4 AND body IS NOT ?3"));
    RETURN_IF_ERROR(scan_.prepare(db_,
                                  "SELECT key, body, version FROM records "
                                  "WHERE collection = ?1 AND key >= ?2 ORDER BY key"));
    RETURN_IF_ERROR(count_.prepare(db_, "SELECT count(*) FROM records WHERE collection = ?1"));
    RETURN_IF_ERROR(begin_.prepare(db_, "BEGIN IMMEDIATE"));
    RETURN_IF_ERROR(commit_.prepare(db_, "COMMIT"));
    RETURN_IF_ERROR(rollback_.prepare(db_, "ROLLBACK"));
    // A database in memory (empty file name) has no log to checkpoint.
    const char* file = sqlite3_db_filename(db_, "main");
    if (options.checkpoint_in_background && file != nullptr && file[0] != '\0') {
      WalCheckpointOptions checkpoint;
      checkpoint.threshold_pages = options.checkpoint_threshold_pages;
      checkpoint.busy_timeout_ms = options.busy_timeout_ms;
      checkpoint.synchronous_full = options.synchronous_full;
      checkpoint.on_failure = options.on_checkpoint_failure;
      checkpoint.after_pass = options.after_checkpoint_pass;
      ASSIGN_OR_RETURN(checkpointer_, WalCheckpointer::start(db_, file, vfs, mutex_, checkpoint));
    } else {
      sqlite3_wal_autocheckpoint(db_, options.checkpoint_threshold_pages);
    }
    return ok_status();
  }

  StatusOr<std::unique_ptr<Transaction>> begin() override {
    std::unique_lock<std::mutex> lock(mutex_);
    RETURN_IF_ERROR(step_done(begin_, "begin transaction"));
    return std::unique_ptr<Transaction>(std::make_unique<SqliteTransaction>(this, std::move(lock)));
  }

  StatusOr<std::optional<Record>> get(std::string_view collection, std::string_view key) override {
    std::lock_guard<std::mutex> lock(mutex_);
    return get_locked(collection, key);
  }

  Status scan(std::string_view collection,
              const std::function<Status(const Record&)>& visit) override {
    return scan_from(collection, "", visit);
  }

  Status scan_from(std::string_view collection, std::string_view from_key,
                   const std::function<Status(const Record&)>& visit) override {
    std::lock_guard<std::mutex> lock(mutex_);
    scan_.bind(1, collection);
    scan_.bind(2, from_key);
    Status result;
    Record record;
    record.collection = std::string(collection);
    while (true) {
      int rc = sqlite3_step(scan_.get());
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        result = sqlite_status(db_, rc, "scan " + record.collection);
        break;
      }
      record.key = column_text(scan_.get(), 0);
      record.body = column_text(scan_.get(), 1);
      record.version = sqlite3_column_int64(scan_.get(), 2);
      result = visit(record);
      if (!result.ok()) break;
    }
    scan_.reset();
    return result;
  }

  StatusOr<std::int64_t> count(std::string_view collection) override {
    std::lock_guard<std::mutex> lock(mutex_);
    count_.bind(1, collection);
    int rc = sqlite3_step(count_.get());
    std::int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(count_.get(), 0) : 0;
    count_.reset();
    if (rc != SQLITE_ROW) return sqlite_status(db_, rc, "count");
    return n;
  }

  // Called with mutex_ held (by a transaction or a public method).
  StatusOr<std::optional<Record>> get_locked(std::string_view collection, std::string_view key) {
    get_.bind(1, collection);
    get_.bind(2, key);
    int rc = sqlite3_step(get_.get());
    std::optional<Record> result;
    if (rc == SQLITE_ROW) {
      result = Record{std::string(collection), std::string(key), column_text(get_.get(), 0),
                      sqlite3_column_int64(get_.get(), 1)};
    }
    get_.reset();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sqlite_status(db_, rc, "get");
    return result;
  }

  Status write_locked(Statement& statement, std::string_view collection, std::string_view key,
                      std::optional<std::string_view> body) {
    statement.bind(1, collection);
    statement.bind(2, key);
    if (body) statement.bind(3, *body);
    return step_done(statement, "write " + std::string(collection) + "/" + std::string(key));
  }

  Status step_done(Statement& statement, std::string_view what) {
    int rc = sqlite3_step(statement.get());
    statement.reset();
    return rc == SQLITE_DONE ? ok_status() : sqlite_status(db_, rc, what);
  }

  sqlite3* db() const { return db_; }
  Statement& insert_statement() { return insert_; }
  Statement& update_statement() { return update_; }
  Statement& erase_statement() { return erase_; }
  Statement& update_changed_statement() { return update_changed_; }
  Statement& update_if_statement() { return update_if_; }
  Statement& commit_statement() { return commit_; }
  Statement& rollback_statement() { return rollback_; }

 private:
  Status exec(const char* sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
    sqlite3_free(error);
    return rc == SQLITE_OK ? ok_status() : sqlite_status(db_, rc, sql);
  }
  // close_v2 defers the actual close until the member statements are finalized right after.
  // The checkpointer stops first, so this connection's close (the last) checkpoints the log.
  void close() {
    checkpointer_.reset();
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }

  std::mutex mutex_;
  sqlite3* db_ = nullptr;
  Statement get_, insert_, update_, erase_, update_changed_, update_if_, scan_, count_, begin_,
      commit_, rollback_;
  std::unique_ptr<WalCheckpointer> checkpointer_;
};

SqliteTransaction::~SqliteTransaction() {
  if (open_) (void)store_->step_done(store_->rollback_statement(), "rollback");
}

StatusOr<std::optional<Record>> SqliteTransaction::get(std::string_view collection,
                                                       std::string_view key) {
  RETURN_IF_ERROR(check_open());
  return store_->get_locked(collection, key);
}

StatusOr<PutOutcome> SqliteTransaction::write(std::string_view collection, std::string_view key,
                                              std::string_view body,
                                              std::optional<std::int64_t> expected) {
  RETURN_IF_ERROR(check_open());
  ASSIGN_OR_RETURN(std::optional<PutOutcome> fast, write_fast(collection, key, body, expected));
  if (fast) return *fast;
  // The fast path did not write (a conflict, an unchanged body, or a key that exists where
  // none was expected): read the record to say which.
  ASSIGN_OR_RETURN(auto current, store_->get_locked(collection, key));
  std::int64_t version = current ? current->version : 0;
  if (expected && *expected != version) {
    return aborted(std::string(collection) + "/" + std::string(key) + ": expected version " +
                   std::to_string(*expected) + ", found " + std::to_string(version) +
                   " (conflict: re-read before retrying)");
  }
  if (current && current->body == body) return PutOutcome::kUnchanged;
  Statement& statement = current ? store_->update_statement() : store_->insert_statement();
  RETURN_IF_ERROR(store_->write_locked(statement, collection, key, body));
  return current ? PutOutcome::kUpdated : PutOutcome::kInserted;
}

// One statement that writes in the common case; nullopt when it wrote nothing.
StatusOr<std::optional<PutOutcome>> SqliteTransaction::write_fast(
    std::string_view collection, std::string_view key, std::string_view body,
    std::optional<std::int64_t> expected) {
  if (!expected) {
    // An existing record with another body is updated; else the record is inserted, and a
    // key conflict then means the record exists with this very body.
    Statement& update = store_->update_changed_statement();
    update.bind(1, collection);
    update.bind(2, key);
    update.bind(3, body);
    int rc = sqlite3_step(update.get());
    update.reset();
    if (rc != SQLITE_DONE) return sqlite_status(store_->db(), rc, "put " + std::string(key));
    if (sqlite3_changes(store_->db()) > 0) return std::optional<PutOutcome>(PutOutcome::kUpdated);
    Statement& insert = store_->insert_statement();
    insert.bind(1, collection);
    insert.bind(2, key);
    insert.bind(3, body);
    rc = sqlite3_step(insert.get());
    insert.reset();
    if ((rc & 0xff) == SQLITE_CONSTRAINT) return std::optional<PutOutcome>(PutOutcome::kUnchanged);
    if (rc != SQLITE_DONE) return sqlite_status(store_->db(), rc, "put " + std::string(key));
    return std::optional<PutOutcome>(PutOutcome::kInserted);
  }
  Statement& statement =
      *expected == 0 ? store_->insert_statement() : store_->update_if_statement();
  statement.bind(1, collection);
  statement.bind(2, key);
  statement.bind(3, body);
  if (*expected != 0) statement.bind(4, *expected);
  int rc = sqlite3_step(statement.get());
  statement.reset();
  if ((rc & 0xff) == SQLITE_CONSTRAINT) return std::optional<PutOutcome>();  // the key exists
  if (rc != SQLITE_DONE) return sqlite_status(store_->db(), rc, "write " + std::string(key));
  if (sqlite3_changes(store_->db()) == 0) return std::optional<PutOutcome>();
  return std::optional<PutOutcome>(*expected == 0 ? PutOutcome::kInserted : PutOutcome::kUpdated);
}

StatusOr<PutOutcome> SqliteTransaction::put(std::string_view collection, std::string_view key,
                                            std::string_view body) {
  return write(collection, key, body, std::nullopt);
}

StatusOr<PutOutcome> SqliteTransaction::put_if_version(std::string_view collection,
                                                       std::string_view key, std::string_view body,
                                                       std::int64_t expected_version) {
  return write(collection, key, body, expected_version);
}

StatusOr<bool> SqliteTransaction::erase(std::string_view collection, std::string_view key) {
  RETURN_IF_ERROR(check_open());
  RETURN_IF_ERROR(store_->write_locked(store_->erase_statement(), collection, key, std::nullopt));
  return sqlite3_changes(store_->db()) > 0;
}

Status SqliteTransaction::commit() {
  RETURN_IF_ERROR(check_open());
  int rc = sqlite3_step(store_->commit_statement().get());
  store_->commit_statement().reset();
  if (rc == SQLITE_DONE) {
    open_ = false;
    lock_.unlock();
    return ok_status();
  }
  // BUSY on COMMIT leaves the transaction open; anything else leaves its fate unclear.
  Status status = sqlite_status(store_->db(), rc, "commit");
  if ((rc & 0xff) == SQLITE_BUSY) return status;
  open_ = sqlite3_get_autocommit(store_->db()) == 0;
  if (open_) return status;
  lock_.unlock();
  return internal_error(status.message() + "; outcome unknown");
}

}  // namespace

StatusOr<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                   const SqliteOptions& options) {
  auto store = std::make_unique<SqliteStore>();
  RETURN_IF_ERROR(store->open(path, options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace kontor::store
