// Approvals bound to the exact action. When a human (kontor approve) or a grant approves an
// outbox action, the approval records the action's digest (policy/action_digest.h) and an
// expiry; just before execution the executor's transaction recomputes the digest from the
// stored action and consumes the approval. A changed amount, counterparty, reference or
// parameter gives another digest and voids the approval; an expired one does not count; an
// approval is used once — only the reconciliation of an execution that never happened re-arms it
// (the outbox already guarantees that one action key runs at most once).
//
// Records: collection "policy/approvals", key the outbox action key:
//   {"key", "case", "digest", "by", "approved_at", "expires_at", "used_at" (once used)}
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/outbox.h"
#include "store/store.h"

namespace kontor::policy {

struct Approval {
  std::string key;  // outbox action key
  std::string case_id;
  std::string digest;
  std::string by;  // "human", "grant g-…"
  std::int64_t approved_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

class ApprovalBook {
 public:
  static constexpr std::string_view kCollection = "policy/approvals";

  // Approves `action` as it is now (replacing an earlier approval of the same key).
  static StatusOr<Approval> approve(store::Transaction& txn, const store::OutboxAction& action,
                                    std::string_view by, std::int64_t now, std::int64_t expires_at);
  // OK, and the approval is marked used, when an unused, unexpired approval is bound to exactly
  // this action; failed_precondition naming the reason otherwise.
  static Status consume(store::Transaction& txn, const store::OutboxAction& action,
                        std::int64_t now);
  // After reconciliation found that the action never ran: its approval may be used once more.
  static Status rearm(store::Transaction& txn, std::string_view key);
  static StatusOr<std::optional<Approval>> get(store::Transaction& txn, std::string_view key);
};

}  // namespace kontor::policy
