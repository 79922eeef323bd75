// Store: Kontor's one durable storage interface. Records are JSON documents addressed by a
// collection name and a key unique within it, each with a version that grows by one on every
// change (the hook for optimistic concurrency). Writes happen inside a Transaction that is
// all-or-nothing: destroying it without commit() rolls back. Callers depend only on this header;
// the SQLite backend (store/sqlite/) is the default, a PostgreSQL backend maps the same calls
// onto one table with a (collection, key) primary key. The crew's journal, outbox and task queue
// extend this interface with their own collections.
//
// Storage errors say whether a retry is safe (see retry_safety()): kUnavailable means nothing
// was written and the same call may be repeated; kAborted means a conflict, retry after
// re-reading; anything else (including a commit whose outcome is unknown, reported as kInternal
// with "outcome unknown" in the message) must not be retried blindly.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kontor::store {

struct Record {
  std::string collection;
  std::string key;
  std::string body;          // a JSON document (the backend does not interpret it)
  std::int64_t version = 0;  // 1 on insert, +1 on each change of the body
};

// What a put() did; a put of an identical body is kUnchanged and keeps the version, which is
// what makes re-importing the same data a no-op.
enum class PutOutcome { kInserted, kUpdated, kUnchanged };
std::string_view put_outcome_name(PutOutcome outcome);

enum class RetrySafety {
  kSafe,         // transient (busy, locked): nothing was written, repeat the same call
  kAfterReread,  // a conflict: re-read, recompute, then retry
  kUnsafe,       // a bug, bad data or unknown outcome: do not retry blindly
};
RetrySafety retry_safety(const Status& status);

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual StatusOr<std::optional<Record>> get(std::string_view collection,
                                              std::string_view key) = 0;
  virtual StatusOr<PutOutcome> put(std::string_view collection, std::string_view key,
                                   std::string_view body) = 0;
  // Puts only when the stored version equals `expected_version` (0: the key must not exist);
  // aborted otherwise.
  virtual StatusOr<PutOutcome> put_if_version(std::string_view collection, std::string_view key,
                                              std::string_view body,
                                              std::int64_t expected_version) = 0;
  // true when a record was removed.
  virtual StatusOr<bool> erase(std::string_view collection, std::string_view key) = 0;
  // Makes every write durable at once. After commit() (successful or not) the transaction is
  // finished; further calls fail with failed_precondition.
  virtual Status commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // A write transaction. Only one is open at a time per store; begin() waits for the current
  // one (within the process) and reports kUnavailable when another process holds the lock
  // beyond the busy timeout.
  virtual StatusOr<std::unique_ptr<Transaction>> begin() = 0;
  virtual StatusOr<std::optional<Record>> get(std::string_view collection,
                                              std::string_view key) = 0;
  // Visits the collection's records in key order; stops at the first non-OK status from
  // `visit` and returns it.
  virtual Status scan(std::string_view collection,
                      const std::function<Status(const Record&)>& visit) = 0;
  // As scan(), starting at the first key >= `from_key` (a journal reads its tail this way).
  // The default filters a full scan; backends override it with a range query.
  virtual Status scan_from(std::string_view collection, std::string_view from_key,
                           const std::function<Status(const Record&)>& visit);
  virtual StatusOr<std::int64_t> count(std::string_view collection) = 0;
};

}  // namespace kontor::store
