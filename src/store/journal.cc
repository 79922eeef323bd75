#include "store/journal.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

namespace kontor::store {
namespace {

constexpr std::string_view kHeadCollection = "journal.head";
constexpr std::string_view kSnapshotCollection = "journal.snapshot";

struct CrashPoint {
  std::atomic<std::int64_t> target{0};
  std::atomic<bool> before{false};
  std::atomic<std::int64_t> commits{0};
};

CrashPoint& crash_point() {
  static CrashPoint point;
  static std::once_flag from_env;
  std::call_once(from_env, [] {
    const char* text = std::getenv("KONTOR_CRASH_AT_COMMIT");
    if (text == nullptr || *text == '\0') return;
    char* end = nullptr;
    long long n = std::strtoll(text, &end, 10);
    point.before = std::string_view(end) == ":before";
    point.target = n;
  });
  return point;
}

[[noreturn]] void crash_now() {
  ::kill(::getpid(), SIGKILL);
  ::_exit(137);  // not reached
}

StatusOr<nlohmann::json> parse_body(const Record& record) {
  nlohmann::json body = nlohmann::json::parse(record.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return data_loss(record.collection + "/" + record.key + ": body is not a JSON object");
  }
  return body;
}

}  // namespace

std::string journal_key(std::int64_t seq) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%012lld", static_cast<long long>(seq));
  return buffer;
}

std::string utc_timestamp_now() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms % 1000));
  return buffer;
}

void set_crash_point(std::int64_t commit_number, CrashWhen when) {
  CrashPoint& point = crash_point();
  point.before = when == CrashWhen::kBeforeCommit;
  point.commits = 0;
  point.target = commit_number;
}

Journal::Journal(Store& store, std::string case_id)
    : store_(store), case_id_(std::move(case_id)), events_collection_("journal/" + case_id_) {}

StatusOr<JournalEvent> Journal::append(Transaction& txn, std::string type, nlohmann::json data,
                                       std::string at) {
  std::vector<NewEvent> events;
  events.push_back({std::move(type), std::move(data)});
  ASSIGN_OR_RETURN(std::vector<JournalEvent> appended, append(txn, std::move(events), at));
  return std::move(appended.front());
}

StatusOr<Journal::Head> Journal::read_head(Transaction& txn) {
  ASSIGN_OR_RETURN(std::optional<Record> head, txn.get(kHeadCollection, case_id_));
  if (!head) return Head{};
  ASSIGN_OR_RETURN(nlohmann::json body, parse_body(*head));
  return Head{body.value("seq", std::int64_t{0}), head->version};
}

StatusOr<std::vector<JournalEvent>> Journal::append(Transaction& txn, std::vector<NewEvent> events,
                                                    const std::string& at) {
  if (events.empty()) return std::vector<JournalEvent>();
  const auto count = static_cast<std::int64_t>(events.size());
  std::optional<Head> cached;
  {
    std::lock_guard lock(cache_mutex_);
    cached = head_;
  }
  Head head;
  if (cached) {
    head = *cached;
  } else {
    ASSIGN_OR_RETURN(head, read_head(txn));
  }
  std::string head_body = nlohmann::json{{"seq", head.seq + count}}.dump();
  auto moved = txn.put_if_version(kHeadCollection, case_id_, head_body, head.version);
  if (!moved.ok() && moved.status().code() == StatusCode::kAborted && cached) {
    // Someone else appended since our last commit: take the head as it is now.
    ASSIGN_OR_RETURN(head, read_head(txn));
    head_body = nlohmann::json{{"seq", head.seq + count}}.dump();
    moved = txn.put_if_version(kHeadCollection, case_id_, head_body, head.version);
  }
  RETURN_IF_ERROR(moved.status());
  {
    std::lock_guard lock(cache_mutex_);
    pending_head_ = Head{head.seq + count, head.version + 1};
    pending_txn_ = &txn;
  }
  std::vector<JournalEvent> appended;
  appended.reserve(events.size());
  std::int64_t seq = head.seq;
  for (NewEvent& e : events) {
    JournalEvent event{++seq, std::move(e.type), at, std::move(e.data)};
    nlohmann::json body{{"seq", seq}, {"type", event.type}, {"at", event.at}, {"data", event.data}};
    RETURN_IF_ERROR(
        txn.put_if_version(events_collection_, journal_key(seq), body.dump(), 0).status());
    appended.push_back(std::move(event));
  }
  return appended;
}

Status Journal::write_snapshot(Transaction& txn, const JournalSnapshot& snapshot) {
  nlohmann::json body{{"seq", snapshot.seq}, {"at", snapshot.at}, {"state", snapshot.state}};
  return txn.put(kSnapshotCollection, case_id_, body.dump()).status();
}

StatusOr<std::optional<JournalSnapshot>> Journal::snapshot() {
  ASSIGN_OR_RETURN(std::optional<Record> record, store_.get(kSnapshotCollection, case_id_));
  if (!record) return std::optional<JournalSnapshot>();
  ASSIGN_OR_RETURN(nlohmann::json body, parse_body(*record));
  if (!body.contains("seq") || !body["seq"].is_number_integer() || !body.contains("state")) {
    return data_loss(record->collection + "/" + record->key + ": snapshot without seq/state");
  }
  return std::optional<JournalSnapshot>(
      JournalSnapshot{body["seq"].get<std::int64_t>(), body.value("at", ""), body["state"]});
}

Status Journal::read(std::int64_t after_seq,
                     const std::function<Status(const JournalEvent&)>& visit) {
  return store_.scan_from(
      events_collection_, journal_key(after_seq + 1), [&](const Record& record) -> Status {
        ASSIGN_OR_RETURN(nlohmann::json body, parse_body(record));
        if (!body.contains("seq") || !body["seq"].is_number_integer() || !body.contains("type") ||
            !body["type"].is_string()) {
          return data_loss(record.collection + "/" + record.key + ": event without seq/type");
        }
        JournalEvent event{body["seq"].get<std::int64_t>(), body["type"].get<std::string>(),
                           body.value("at", ""), body.value("data", nlohmann::json::object())};
        return visit(event);
      });
}

StatusOr<std::int64_t> Journal::head() {
  ASSIGN_OR_RETURN(std::optional<Record> record, store_.get(kHeadCollection, case_id_));
  if (!record) return std::int64_t{0};
  ASSIGN_OR_RETURN(nlohmann::json body, parse_body(*record));
  return body.value("seq", std::int64_t{0});
}

Status Journal::commit(Transaction& txn) {
  CrashPoint& point = crash_point();
  std::int64_t target = point.target.load();
  std::int64_t n = target > 0 ? ++point.commits : 0;
  if (target > 0 && n == target && point.before) crash_now();
  Status status = txn.commit();
  if (target > 0 && n == target && !point.before) crash_now();
  // Only a committed head may be reused; after a failure (even an unknown outcome) re-read.
  std::lock_guard lock(cache_mutex_);
  head_ = status.ok() && pending_head_ && pending_txn_ == &txn ? pending_head_ : std::nullopt;
  pending_head_.reset();
  pending_txn_ = nullptr;
  return status;
}

}  // namespace kontor::store
