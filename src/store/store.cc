#include "store/store.h"

namespace kontor::store {

std::string_view put_outcome_name(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kInserted: return "inserted";
    case PutOutcome::kUpdated: return "updated";
    case PutOutcome::kUnchanged: return "unchanged";
  }
  return "?";
}

RetrySafety retry_safety(const Status& status) {
  switch (status.code()) {
    case StatusCode::kUnavailable: return RetrySafety::kSafe;
    case StatusCode::kAborted: return RetrySafety::kAfterReread;
    default: return RetrySafety::kUnsafe;
  }
}

Status Store::scan_from(std::string_view collection, std::string_view from_key,
                        const std::function<Status(const Record&)>& visit) {
  return scan(collection, [&](const Record& record) {
    return record.key < from_key ? ok_status() : visit(record);
  });
}

}  // namespace kontor::store
