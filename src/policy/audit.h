// Audit log: every decision, action, approval and figure source of a case, appended to a
// hash chain in the store so that any later edit, deletion, insertion or reordering of an entry
// is detected and the first bad entry named. The chain is per case; each entry's hash is
// BLAKE2b-256 over its canonical form, which includes the previous entry's hash, so changing one
// entry breaks every link after it. The head record (last seq and hash) makes a deleted tail
// visible too. An attacker with write access to the whole database can rebuild a consistent
// chain; the defence against that is to keep the head hash elsewhere (verify and export print
// it) and compare. Format in docs/audit.md.
//
// On-disk (any Store backend; PostgreSQL maps it onto its one table):
//   collection "audit/<case>"  key: seq, 12 digits zero-padded; body: the entry's JSON
//                              {"seq", "at", "case", "kind", "body", "prev", "hash"}
//   collection "audit.head"    key: case; body {"seq", "hash", "journal_seq"}; appends move
//                              it with put_if_version, so two writers never take one seq.
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

namespace kontor::policy {

// The hash a chain's first entry names as its predecessor: 64 zeros.
extern const std::string kGenesisHash;

struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, … within the case
  std::string at;        // UTC, ISO 8601 ("2026-11-23T12:00:00.123Z")
  std::string case_id;
  std::string kind;                                // "action.approved", "figure.source", …
  nlohmann::json body = nlohmann::json::object();  // what was decided, by whom, on what
  std::string prev;                                // hash of entry seq-1 (kGenesisHash for 1)
  std::string hash;                                // BLAKE2b-256 of canonical_form(), hex
};

// The bytes that are hashed: the entry as compact JSON with sorted keys and every non-ASCII
// character escaped (\uXXXX), without "hash". Invalid UTF-8 in a body is replaced by U+FFFD
// when the entry is made, so the form is always defined.
std::string canonical_form(const AuditEntry& entry);
// BLAKE2b-256 of canonical_form(entry), 64 lowercase hex digits.
std::string entry_hash(const AuditEntry& entry);

nlohmann::json to_json(const AuditEntry& entry);
// kDataLoss naming the missing or mistyped field.
StatusOr<AuditEntry> audit_entry_from_json(const nlohmann::json& json);

std::string audit_collection(std::string_view case_id);  // "audit/<case>"
inline constexpr std::string_view kAuditHeadCollection = "audit.head";

struct AuditHead {
  std::int64_t seq = 0;          // 0: no entry yet
  std::string hash;              // kGenesisHash when empty
  std::int64_t journal_seq = 0;  // the last journal event turned into an entry (AuditObserver)
};

// What verify() found. ok: the chain is intact; otherwise `first_bad` is the seq of the first
// entry that cannot be trusted and `problem` says why ("edited", "deleted", …).
struct AuditVerdict {
  std::string case_id;
  bool ok = true;
  std::int64_t entries = 0;    // entries read
  std::int64_t first_bad = 0;  // seq (0 when ok)
  std::string problem;         // one line, names the entry
  std::string head_hash;       // hash of the last good entry
};

class AuditLog {
 public:
  explicit AuditLog(store::Store& store);

  // Appends one entry in its own transaction and returns it. `body` must be a JSON object.
  // Retries a few times when another writer took the seq first (kAborted).
  StatusOr<AuditEntry> append(std::string_view case_id, std::string_view kind, nlohmann::json body,
                              std::string at);
  // As append(), inside `txn` (durable with its commit); `journal_seq`, when given, is
  // recorded in the head as the last journal event audited.
  StatusOr<AuditEntry> append(store::Transaction& txn, std::string_view case_id,
                              std::string_view kind, nlohmann::json body, std::string at,
                              std::optional<std::int64_t> journal_seq = std::nullopt);

  StatusOr<AuditHead> head(std::string_view case_id);
  // Visits the case's entries in seq order, as stored (not verified).
  Status read(std::string_view case_id, const std::function<Status(const AuditEntry&)>& visit);
  // Walks the chain and the head; a storage error is a Status, a broken chain a verdict.
  StatusOr<AuditVerdict> verify(std::string_view case_id);
  // Every case with an audit head or a case record (collection "cases"), sorted.
  StatusOr<std::vector<std::string>> cases();

 private:
  store::Store& store_;
  std::mutex mutex_;  // one append at a time per process (the head is the contention point)
};

}  // namespace kontor::policy
