// Outbox: every side effect of a case (send an RFQ, accept a quote, pay a deposit, book
// freight) as a durable record with an idempotency key and a state machine, so that nothing is
// executed twice. The crew records an action before it runs (executing) and after (done,
// failed); an action found `executing` after a crash becomes `outcome_unknown` and is
// reconciled by its idempotency key — never re-executed blindly.
//
//   proposed ──▶ awaiting_approval ──▶ approved ──▶ executing ──▶ done | failed
//       │               │                 ▲             │
//       ├──▶ approved    └──▶ denied       │             └──▶ outcome_unknown ──▶ done | failed
//       └──▶ denied                        └───────────────────────────┘  (reconciled: it
//                                                                          never happened)
// On-disk format: collection "outbox/<case>", key: the idempotency key (32 hex digits of a
// BLAKE2b-128 digest of case id, task id, kind and the canonical JSON of the parameters);
// body: {"key", "case", "task", "kind", "action": {...}, "state": "approved", "result": {...},
// "updated_at": "..."}. Transitions use put_if_version, so two processes cannot both move the
// same action to `executing`.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace kontor::store {

enum class ActionState {
  kProposed,
  kAwaitingApproval,
  kApproved,
  kExecuting,
  kDone,
  kFailed,
  kOutcomeUnknown,
  kDenied,
};
std::string_view action_state_name(ActionState state);  // "awaiting_approval", …
std::optional<ActionState> parse_action_state(std::string_view name);
bool can_transition(ActionState from, ActionState to);
bool is_terminal(ActionState state);  // done, failed, denied

struct OutboxAction {
  std::string key;  // idempotency key
  std::string case_id;
  std::string task_id;
  std::string kind;                                  // "rfq.send"
  nlohmann::json action = nlohmann::json::object();  // what exactly is to be done
  ActionState state = ActionState::kProposed;
  nlohmann::json result = nlohmann::json::object();  // the executor's answer, or the error
  std::string updated_at;
  std::int64_t version = 0;  // store version, for conditional transitions
};

// Digest of case id, task id, kind and the canonical (key-sorted, compact) JSON of `params`.
std::string idempotency_key(std::string_view case_id, std::string_view task_id,
                            std::string_view kind, const nlohmann::json& params);

class Outbox {
 public:
  Outbox(Store& store, std::string case_id);

  // Records `action` (its key, task, kind and action filled in; state kProposed). When the key
  // is already there — the task was re-run — returns the stored action and false.
  StatusOr<std::pair<OutboxAction, bool>> add(Transaction& txn, OutboxAction action);
  // Moves the action to `to`; failed_precondition when the state machine forbids it, aborted
  // when another writer moved it first.
  StatusOr<OutboxAction> transition(Transaction& txn, std::string_view key, ActionState to,
                                    nlohmann::json result, std::string at);
  StatusOr<std::optional<OutboxAction>> get(std::string_view key);
  StatusOr<std::optional<OutboxAction>> get(Transaction& txn, std::string_view key);
  // Every action of the case, in key order.
  StatusOr<std::vector<OutboxAction>> list();

 private:
  Store& store_;
  std::string case_id_;
  std::string collection_;
};

}  // namespace kontor::store
