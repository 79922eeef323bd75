// Journal: the append-only event log of one case, plus its latest snapshot, on top of Store.
// The crew writes every transition (task started/done, section written, question asked, action
// approved…) as an event inside the same store transaction as the change itself, so the log and
// the state never disagree; resume() rebuilds a case from the snapshot plus the events after it.
//
// On-disk format (all bodies are JSON; the backend does not interpret them):
//   collection "journal/<case>"   key: the sequence number, 12 digits zero-padded
//                                 ("000000000042") so key order is sequence order;
//                                 body: {"seq": 42, "type": "task.done", "at":
//                                 "2026-11-23T12:00:00.123Z", "data": {...}}
//   collection "journal.head"     key: <case>; body {"seq": 42}: the last sequence handed out.
//                                 Appends update it with put_if_version, so two writers (two
//                                 processes, or PostgreSQL sessions) can never take the same
//                                 number: the loser gets kAborted and retries after re-reading.
//   collection "journal.snapshot" key: <case>; body {"seq": 40, "at": "...", "state": {...}}:
//                                 the state after event 40 (the crew's CaseState JSON). Only
//                                 the latest is kept; replay reads events with seq > 40.
// Event types and their data are documented in docs/journal.md.
//
// Fault injection (crash tests): set_crash_point(n, when) — or the environment variable
// KONTOR_CRASH_AT_COMMIT=n or n:before — kills the process with SIGKILL right after (or right
// before) the n-th journal commit made by this process, which lets a test stop a run at every
// step deterministically.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace kontor::store {

struct JournalEvent {
  std::int64_t seq = 0;
  std::string type;  // "task.started", "section.written", …
  std::string at;    // UTC, ISO 8601 with milliseconds
  nlohmann::json data = nlohmann::json::object();
};

// An event to append: its sequence number is handed out by append().
struct NewEvent {
  std::string type;
  nlohmann::json data = nlohmann::json::object();
};

struct JournalSnapshot {
  std::int64_t seq = 0;  // the state includes every event up to and including seq
  std::string at;
  nlohmann::json state;
};

class Journal {
 public:
  Journal(Store& store, std::string case_id);
  const std::string& case_id() const { return case_id_; }

  // Appends an event inside `txn` (it becomes durable with the transaction's commit) and
  // returns it with its sequence number.
  StatusOr<JournalEvent> append(Transaction& txn, std::string type, nlohmann::json data,
                                std::string at);
  // Appends several events at once (consecutive sequence numbers, one update of the head).
  // The head read by the previous committed append is reused when it is still current — the
  // conditional write of the head proves it, and a stale one is re-read — so a run that owns
  // its case does not re-read the head on every transition.
  StatusOr<std::vector<JournalEvent>> append(Transaction& txn, std::vector<NewEvent> events,
                                             const std::string& at);
  Status write_snapshot(Transaction& txn, const JournalSnapshot& snapshot);
  StatusOr<std::optional<JournalSnapshot>> snapshot();
  // Visits the events with seq > after_seq in order. A body that does not parse is kDataLoss
  // naming the record.
  Status read(std::int64_t after_seq, const std::function<Status(const JournalEvent&)>& visit);
  // The last sequence number handed out (0: empty journal).
  StatusOr<std::int64_t> head();
  // Commits `txn`; the place where crash tests stop the process. Transactions holding appends
  // are committed through here (so that the head can be reused) or abandoned together with
  // this Journal.
  Status commit(Transaction& txn);

 private:
  struct Head {
    std::int64_t seq = 0;
    std::int64_t version = 0;  // of the journal.head record (0: none yet)
  };
  StatusOr<Head> read_head(Transaction& txn);

  Store& store_;
  std::string case_id_;
  std::string events_collection_;
  // The head cache; the store serialises transactions but commit() updates it after the
  // store's lock is released, hence its own mutex. A stale value is caught by the conditional
  // write of the head and re-read.
  std::mutex cache_mutex_;
  std::optional<Head> head_;          // as of the last successful commit(), if known
  std::optional<Head> pending_head_;  // written by pending_txn_, adopted when it commits here
  const Transaction* pending_txn_ = nullptr;
};

std::string journal_key(std::int64_t seq);
// The current UTC time as "2026-11-23T12:00:00.123Z".
std::string utc_timestamp_now();

enum class CrashWhen { kBeforeCommit, kAfterCommit };
// 0 disables. Counts journal commits made by this process from now on.
void set_crash_point(std::int64_t commit_number, CrashWhen when);

}  // namespace kontor::store
