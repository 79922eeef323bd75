// Actions through the outbox: proposal and policy, execution recorded before and after, and
// recovery after a crash (interrupted tasks, actions left executing).
#include "crew/case_run.h"

namespace kontor::crew::detail {

using nlohmann::json;
using store::ActionState;

StatusOr<std::string> CaseRun::propose(std::string_view task_id, const ProposedAction& action) {
  if (action.kind.empty()) return invalid_argument("action: kind: missing");
  const json action_json = action_to_json(action);
  store::OutboxAction entry;
  entry.key = store::idempotency_key(case_id_, task_id, action.kind, action_identity(action_json));
  entry.task_id = std::string(task_id);
  entry.kind = action.kind;
  entry.action = action_json;
  entry.updated_at = env_.now();
  Status status = commit([&](store::Transaction& txn, std::vector<PendingEvent>& events) -> Status {
    ASSIGN_OR_RETURN(auto added, outbox_.add(txn, entry));
    if (!added.second) return ok_status();  // proposed by an earlier attempt of this task
    events.push_back(
        {"action.proposed",
         {{"key", entry.key}, {"task", task_id}, {"kind", action.kind}, {"action", action_json}}});
    PolicyDecision decision = env_.policy.decide_in(txn, added.first, action);
    ActionState to = decision.verdict == PolicyVerdict::kAllow  ? ActionState::kApproved
                     : decision.verdict == PolicyVerdict::kDeny ? ActionState::kDenied
                                                                : ActionState::kAwaitingApproval;
    RETURN_IF_ERROR(outbox_.transition(txn, entry.key, to, nullptr, entry.updated_at).status());
    events.push_back({"action." + std::string(store::action_state_name(to)),
                      {{"key", entry.key}, {"by", "policy"}, {"reason", decision.reason}}});
    return ok_status();
  });
  RETURN_IF_ERROR(status);
  return entry.key;
}

Status CaseRun::execute_if_approved(const std::string& key) {
  ASSIGN_OR_RETURN(auto action, outbox_.get(key));
  if (!action || action->state != ActionState::kApproved) return ok_status();
  return execute_action(key);
}

Status CaseRun::execute_action(const std::string& key) {
  store::OutboxAction claimed;
  Status claim = commit([&](store::Transaction& txn, std::vector<PendingEvent>& events) -> Status {
    ASSIGN_OR_RETURN(claimed,
                     outbox_.transition(txn, key, ActionState::kExecuting, nullptr, env_.now()));
    events.push_back({"action.executing", {{"key", key}}});
    // The policy re-checks the approval against the action as stored now; a refusal fails it.
    Status gate = env_.policy.before_execute(txn, claimed);
    if (!gate.ok()) {
      json error{{"error", gate.to_string()}};
      RETURN_IF_ERROR(
          outbox_.transition(txn, key, ActionState::kFailed, error, env_.now()).status());
      RETURN_IF_ERROR(env_.policy.released(txn, claimed));
      events.push_back({"action.failed", {{"key", key}, {"error", gate.to_string()}}});
      claimed.state = ActionState::kFailed;
    }
    return ok_status();
  });
  // Another thread got there first (or it is no longer approved): not ours to run.
  if (claim.code() == StatusCode::kFailedPrecondition) return ok_status();
  RETURN_IF_ERROR(claim);
  if (claimed.state == ActionState::kFailed) return ok_status();
  auto result = env_.executor.execute(claimed);
  return commit([&](store::Transaction& txn, std::vector<PendingEvent>& events) -> Status {
    if (result.ok()) {
      RETURN_IF_ERROR(
          outbox_.transition(txn, key, ActionState::kDone, *result, env_.now()).status());
      events.push_back({"action.done", {{"key", key}, {"result", *result}}});
    } else {
      json error{{"error", result.status().to_string()}};
      RETURN_IF_ERROR(
          outbox_.transition(txn, key, ActionState::kFailed, error, env_.now()).status());
      RETURN_IF_ERROR(env_.policy.released(txn, claimed));
      events.push_back({"action.failed", {{"key", key}, {"error", result.status().to_string()}}});
    }
    return ok_status();
  });
}

// An action found `executing` (or left `outcome_unknown`): ask the executor whether it happened
// instead of running it again.
Status CaseRun::reconcile(const store::OutboxAction& action) {
  const std::string& key = action.key;
  if (action.state == ActionState::kExecuting) {
    RETURN_IF_ERROR(commit([&](store::Transaction& txn, std::vector<PendingEvent>& events) {
      RETURN_IF_ERROR(
          outbox_.transition(txn, key, ActionState::kOutcomeUnknown, nullptr, env_.now()).status());
      events.push_back({"action.outcome_unknown", {{"key", key}}});
      return ok_status();
    }));
  }
  ExecutionLookup lookup = env_.executor.lookup(action);
  if (lookup.found == ExecutionLookup::Found::kUnknown) return ok_status();  // for a human
  const bool executed = lookup.found == ExecutionLookup::Found::kExecuted;
  RETURN_IF_ERROR(commit([&](store::Transaction& txn, std::vector<PendingEvent>& events) {
    events.push_back(
        {"action.reconciled", {{"key", key}, {"found", executed ? "executed" : "not_executed"}}});
    if (executed) {
      RETURN_IF_ERROR(
          outbox_.transition(txn, key, ActionState::kDone, lookup.result, env_.now()).status());
      events.push_back({"action.done", {{"key", key}, {"result", lookup.result}}});
    } else {
      RETURN_IF_ERROR(
          outbox_.transition(txn, key, ActionState::kApproved, nullptr, env_.now()).status());
      RETURN_IF_ERROR(env_.policy.retried(txn, action));
      events.push_back({"action.approved", {{"key", key}, {"by", "reconciliation"}}});
    }
    return ok_status();
  }));
  return executed ? ok_status() : execute_action(key);
}

Status CaseRun::recover() {
  RETURN_IF_ERROR(commit([&](store::Transaction&, std::vector<PendingEvent>& events) {
    events.push_back({"case.resumed", json::object()});
    for (const TaskRecord& task : state_.tasks) {
      if (task.state == TaskState::kRunning) {
        events.push_back({"task.interrupted", {{"task", task.spec.id}}});
      }
    }
    return ok_status();
  }));
  ASSIGN_OR_RETURN(auto actions, outbox_.list());
  for (const store::OutboxAction& action : actions) {
    if (action.state == ActionState::kExecuting || action.state == ActionState::kOutcomeUnknown) {
      RETURN_IF_ERROR(reconcile(action));
    } else if (action.state == ActionState::kApproved) {
      RETURN_IF_ERROR(execute_action(action.key));
    }
  }
  return ok_status();
}

StatusOr<std::string> CaseRun::resolve_action_key(std::string_view key_or_prefix) {
  ASSIGN_OR_RETURN(auto actions, outbox_.list());
  std::vector<std::string> matches;
  for (const auto& action : actions) {
    if (action.key == key_or_prefix) return action.key;
    if (!key_or_prefix.empty() && action.key.starts_with(key_or_prefix)) {
      matches.push_back(action.key);
    }
  }
  if (matches.size() == 1) return matches[0];
  if (matches.empty()) {
    return not_found("action '" + std::string(key_or_prefix) + "': not in case '" + case_id_ + "'");
  }
  return invalid_argument("action '" + std::string(key_or_prefix) + "': prefix matches " +
                          std::to_string(matches.size()) + " actions; give more digits");
}

Status CaseRun::decide(std::string_view key_or_prefix, bool approve, std::string_view reason) {
  ASSIGN_OR_RETURN(std::string key, resolve_action_key(key_or_prefix));
  return commit([&](store::Transaction& txn, std::vector<PendingEvent>& events) -> Status {
    ASSIGN_OR_RETURN(auto current, outbox_.get(txn, key));
    if (!current || current->state != ActionState::kAwaitingApproval) {
      return failed_precondition(
          "action " + key + ": not awaiting approval (it is " +
          std::string(current ? store::action_state_name(current->state) : "missing") + ")");
    }
    ActionState to = approve ? ActionState::kApproved : ActionState::kDenied;
    json result = approve ? json(nullptr) : json{{"denied", reason}};
    RETURN_IF_ERROR(outbox_.transition(txn, key, to, result, env_.now()).status());
    if (approve) {
      RETURN_IF_ERROR(env_.policy.approved(txn, *current));
    } else {
      RETURN_IF_ERROR(env_.policy.released(txn, *current));
    }
    json data{{"key", key}, {"by", "human"}};
    if (!approve) data["reason"] = reason;
    events.push_back({"action." + std::string(store::action_state_name(to)), data});
    return ok_status();
  });
}

}  // namespace kontor::crew::detail
