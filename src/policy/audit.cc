#include "policy/audit.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "store/journal.h"

namespace kontor::policy {
namespace {

using nlohmann::json;

constexpr int kAppendAttempts = 8;

// Every dump of an entry goes through here: invalid UTF-8 becomes U+FFFD instead of an
// exception, so what is stored and what is hashed always agree.
std::string dump_json(const json& value, bool ascii) {
  return value.dump(-1, ' ', ascii, json::error_handler_t::replace);
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0x0f];
  }
  return out;
}

std::optional<std::int64_t> parse_seq_key(std::string_view key) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), value);
  if (error != std::errc() || end != key.data() + key.size() || key.empty()) return std::nullopt;
  return value;
}

StatusOr<std::pair<AuditHead, std::int64_t>> head_from(const std::optional<store::Record>& rec,
                                                       std::string_view case_id) {
  AuditHead head{0, kGenesisHash, 0};
  if (!rec) return std::pair{head, std::int64_t{0}};
  json body = json::parse(rec->body, nullptr, false);
  const std::string where = "audit.head/" + std::string(case_id);
  if (!body.is_object()) return data_loss(where + ": not a JSON object");
  try {
    head.seq = body.at("seq").get<std::int64_t>();
    head.hash = body.at("hash").get<std::string>();
    head.journal_seq = body.value("journal_seq", std::int64_t{0});
  } catch (const json::exception& e) {
    return data_loss(where + ": " + e.what());
  }
  return std::pair{head, rec->version};
}

AuditVerdict bad(AuditVerdict verdict, std::int64_t seq, std::string problem) {
  verdict.ok = false;
  verdict.first_bad = seq;
  verdict.problem = "entry " + std::to_string(seq) + ": " + std::move(problem);
  return verdict;
}

}  // namespace

const std::string kGenesisHash(64, '0');

std::string canonical_form(const AuditEntry& entry) {
  json j = to_json(entry);
  j.erase("hash");
  return dump_json(j, true);
}

std::string entry_hash(const AuditEntry& entry) {
  // sodium_init picks the fastest BLAKE2b code for this CPU; -1 means libsodium is unusable.
  static const bool initialised = sodium_init() >= 0;
  KONTOR_CHECK(initialised);
  const std::string bytes = canonical_form(entry);
  unsigned char out[crypto_generichash_BYTES];  // 32: BLAKE2b-256
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  return hex(out, sizeof out);
}

json to_json(const AuditEntry& entry) {
  return {{"seq", entry.seq},   {"at", entry.at},     {"case", entry.case_id}, {"kind", entry.kind},
          {"body", entry.body}, {"prev", entry.prev}, {"hash", entry.hash}};
}

StatusOr<AuditEntry> audit_entry_from_json(const json& j) {
  if (!j.is_object()) return data_loss("audit entry: not a JSON object");
  AuditEntry entry;
  try {
    entry.seq = j.at("seq").get<std::int64_t>();
    entry.at = j.at("at").get<std::string>();
    entry.case_id = j.at("case").get<std::string>();
    entry.kind = j.at("kind").get<std::string>();
    entry.body = j.at("body");
    entry.prev = j.at("prev").get<std::string>();
    entry.hash = j.at("hash").get<std::string>();
  } catch (const json::exception& e) {
    return data_loss(std::string("audit entry: ") + e.what());
  }
  return entry;
}

std::string audit_collection(std::string_view case_id) { return "audit/" + std::string(case_id); }

AuditLog::AuditLog(store::Store& store) : store_(store) {}

StatusOr<AuditEntry> AuditLog::append(store::Transaction& txn, std::string_view case_id,
                                      std::string_view kind, json body, std::string at,
                                      std::optional<std::int64_t> journal_seq) {
  if (case_id.empty()) return invalid_argument("audit: empty case id");
  if (kind.empty()) return invalid_argument("audit: empty kind");
  if (!body.is_object())
    return invalid_argument("audit: body of '" + std::string(kind) + "' is not a JSON object");
  ASSIGN_OR_RETURN(auto head_record, txn.get(kAuditHeadCollection, case_id));
  ASSIGN_OR_RETURN(auto head, head_from(head_record, case_id));
  AuditEntry entry;
  entry.seq = head.first.seq + 1;
  entry.at = std::move(at);
  entry.case_id = std::string(case_id);
  entry.kind = std::string(kind);
  // Stored and hashed as the same normalised JSON (invalid UTF-8 replaced).
  entry.body = json::parse(dump_json(body, false));
  entry.prev = head.first.hash;
  entry.hash = entry_hash(entry);
  RETURN_IF_ERROR(txn.put_if_version(audit_collection(case_id), store::journal_key(entry.seq),
                                     dump_json(to_json(entry), false), 0)
                      .status());
  json new_head{{"seq", entry.seq},
                {"hash", entry.hash},
                {"journal_seq", journal_seq.value_or(head.first.journal_seq)}};
  RETURN_IF_ERROR(
      txn.put_if_version(kAuditHeadCollection, case_id, new_head.dump(), head.second).status());
  return entry;
}

StatusOr<AuditEntry> AuditLog::append(std::string_view case_id, std::string_view kind, json body,
                                      std::string at) {
  std::lock_guard lock(mutex_);
  Status last;
  for (int attempt = 0; attempt < kAppendAttempts; ++attempt) {
    ASSIGN_OR_RETURN(auto txn, store_.begin());
    auto entry = append(*txn, case_id, kind, body, at);
    if (entry.ok()) {
      last = txn->commit();
      if (last.ok()) return entry;
    } else {
      last = entry.status();
    }
    if (last.code() != StatusCode::kAborted) return last;  // only a lost race is retried
  }
  return last;
}

StatusOr<AuditHead> AuditLog::head(std::string_view case_id) {
  ASSIGN_OR_RETURN(auto record, store_.get(kAuditHeadCollection, case_id));
  ASSIGN_OR_RETURN(auto head, head_from(record, case_id));
  return head.first;
}

Status AuditLog::read(std::string_view case_id,
                      const std::function<Status(const AuditEntry&)>& visit) {
  const std::string collection = audit_collection(case_id);
  return store_.scan(collection, [&](const store::Record& record) -> Status {
    json j = json::parse(record.body, nullptr, false);
    auto entry = audit_entry_from_json(j);
    if (!entry.ok()) return entry.status().with_context(collection + "/" + record.key);
    return visit(*entry);
  });
}

StatusOr<AuditVerdict> AuditLog::verify(std::string_view case_id) {
  AuditVerdict verdict;
  verdict.case_id = std::string(case_id);
  verdict.head_hash = kGenesisHash;
  ASSIGN_OR_RETURN(auto head_record, store_.get(kAuditHeadCollection, case_id));
  std::int64_t expected = 1;
  std::optional<AuditVerdict> broken;
  // A verdict, not a Status, stops the walk: the sentinel status carries no meaning.
  Status walked = store_.scan(audit_collection(case_id), [&](const store::Record& record) {
    const auto key_seq = parse_seq_key(record.key);
    if (!key_seq || record.key != store::journal_key(*key_seq)) {
      broken = bad(verdict, expected, "unexpected record key '" + record.key + "' (inserted)");
      return aborted("stop");
    }
    if (*key_seq > expected) {
      broken = bad(verdict, expected,
                   "missing (deleted); the next entry is " + std::to_string(*key_seq));
      return aborted("stop");
    }
    auto entry = audit_entry_from_json(json::parse(record.body, nullptr, false));
    if (!entry.ok()) {
      broken = bad(verdict, *key_seq, "not a valid entry (edited): " + entry.status().message());
      return aborted("stop");
    }
    if (entry->seq != *key_seq) {
      broken = bad(verdict, *key_seq,
                   "stored at position " + std::to_string(*key_seq) + " but numbered " +
                       std::to_string(entry->seq) + " (reordered or inserted)");
    } else if (entry->case_id != case_id) {
      broken = bad(verdict, *key_seq, "belongs to case '" + entry->case_id + "' (moved or edited)");
    } else if (entry->prev != verdict.head_hash) {
      broken = bad(verdict, *key_seq,
                   "does not follow entry " + std::to_string(*key_seq - 1) +
                       " (inserted, reordered, or the one before replaced)");
    } else if (entry_hash(*entry) != entry->hash) {
      broken = bad(verdict, *key_seq, "content does not match its hash (edited)");
    }
    if (broken) return aborted("stop");
    verdict.head_hash = entry->hash;
    verdict.entries = *key_seq;
    ++expected;
    return ok_status();
  });
  if (broken) {
    broken->entries = verdict.entries;
    return *broken;
  }
  RETURN_IF_ERROR(walked);
  if (!head_record) {
    if (verdict.entries == 0) return verdict;
    return bad(verdict, verdict.entries, "the head record is missing (deleted)");
  }
  ASSIGN_OR_RETURN(auto head, head_from(head_record, case_id));
  if (head.first.seq > verdict.entries) {
    return bad(
        verdict, verdict.entries + 1,
        "missing (deleted); the head says the log ends at " + std::to_string(head.first.seq));
  }
  if (head.first.seq < verdict.entries) {
    return bad(verdict, head.first.seq + 1,
               "after the recorded end " + std::to_string(head.first.seq) + " (inserted)");
  }
  if (head.first.hash != verdict.head_hash) {
    return bad(verdict, verdict.entries, "does not match the head's hash (edited or replaced)");
  }
  return verdict;
}

StatusOr<std::vector<std::string>> AuditLog::cases() {
  std::set<std::string> ids;
  auto collect = [&](const store::Record& record) {
    ids.insert(record.key);
    return ok_status();
  };
  RETURN_IF_ERROR(store_.scan(kAuditHeadCollection, collect));
  RETURN_IF_ERROR(store_.scan("cases", collect));
  return std::vector<std::string>(ids.begin(), ids.end());
}

}  // namespace kontor::policy
