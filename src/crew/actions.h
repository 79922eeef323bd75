// What happens to an action an agent proposes (crew/agent.h ProposedAction): the Policy says
// whether it may run, must wait for a human approval, or is denied; the ActionExecutor carries
// it out (send the RFQ, pay the deposit). Both are seams: the policy module (capability grants,
// budgets — issue 6) and the real effects plug in here without touching the runner, which keeps
// the outbox (store/outbox.h) and the journal in step around every call.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "crew/agent.h"
#include "store/outbox.h"

namespace kontor::crew {

// The outbox form of a proposed action: {"kind", "counterparty", "amount": {"amount",
// "currency"} (omitted when none), "reference", "params", "reason"}. Its idempotency key is
// store::idempotency_key(case, task, kind, this JSON without "reason").
nlohmann::json action_to_json(const ProposedAction& action);
nlohmann::json action_identity(const nlohmann::json& action_json);

enum class PolicyVerdict { kAllow, kNeedsApproval, kDeny };

struct PolicyDecision {
  PolicyVerdict verdict = PolicyVerdict::kNeedsApproval;
  std::string reason;  // shown to the approver and journaled: "moves money: 1200.00 EUR"
};

class Policy {
 public:
  virtual ~Policy() = default;
  virtual PolicyDecision decide(std::string_view case_id, std::string_view task_id,
                                const ProposedAction& action) = 0;

  // The hooks below run inside the store transaction of the outbox change they accompany, so a
  // policy can keep its own records (budgets, approvals bound to the action's digest —
  // policy/grant_policy.h) atomically with it. The defaults keep no records.
  // decide() for a new proposal; `entry` is its outbox form (key, case, task, action JSON).
  virtual PolicyDecision decide_in(store::Transaction& txn, const store::OutboxAction& entry,
                                   const ProposedAction& action) {
    (void)txn;
    return decide(entry.case_id, entry.task_id, action);
  }
  // A human approved the action.
  virtual Status approved(store::Transaction&, const store::OutboxAction&) { return ok_status(); }
  // Just before the executor runs the action; an error stops it and the action fails with it.
  virtual Status before_execute(store::Transaction&, const store::OutboxAction&) {
    return ok_status();
  }
  // Reconciliation found that an action left executing never ran; it is run again.
  virtual Status retried(store::Transaction&, const store::OutboxAction&) { return ok_status(); }
  // The action will not run after all: it failed (refused just before execution, or the
  // executor reported an error) or a human denied it. What was reserved for it is given back.
  virtual Status released(store::Transaction&, const store::OutboxAction&) { return ok_status(); }
};

// The default until grants exist: anything with an amount waits for a human; the rest runs.
class AmountNeedsApprovalPolicy final : public Policy {
 public:
  PolicyDecision decide(std::string_view case_id, std::string_view task_id,
                        const ProposedAction& action) override;
};

// What the executor knows about an action it may or may not have carried out before a crash.
struct ExecutionLookup {
  enum class Found { kExecuted, kNotExecuted, kUnknown };
  Found found = Found::kUnknown;
  nlohmann::json result;  // when kExecuted
};

class ActionExecutor {
 public:
  virtual ~ActionExecutor() = default;
  // Carries the action out; the result (e.g. {"rfq": "RFQ-…", "sent_to": …}) is stored in the
  // outbox. Implementations pass action.key to the counterparty as its idempotency key.
  virtual StatusOr<nlohmann::json> execute(const store::OutboxAction& action) = 0;
  // Asks whether the action with this key was carried out (reconciliation after a crash).
  virtual ExecutionLookup lookup(const store::OutboxAction& action) = 0;
};

// An executor that does nothing but record: for tests and the demo. With a log file, every
// execution is appended there (and synced) before execute() returns, so the count survives a
// SIGKILL of the process and a test can check that no action ran twice.
class RecordingExecutor final : public ActionExecutor {
 public:
  RecordingExecutor() = default;
  explicit RecordingExecutor(std::string log_path) : log_path_(std::move(log_path)) {}
  StatusOr<nlohmann::json> execute(const store::OutboxAction& action) override;
  ExecutionLookup lookup(const store::OutboxAction& action) override;
  // Executions per idempotency key, including those in the log file from earlier processes.
  std::map<std::string, int> executions() const;
  int total_executions() const;

 private:
  std::string log_path_;
  mutable std::mutex mutex_;
  std::map<std::string, int> counts_;  // this process, when there is no log file
};

}  // namespace kontor::crew
