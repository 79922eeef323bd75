// GrantPolicy: the crew acts on its own exactly as far as a verified grant allows, and every
// approval — the grant's or a human's — is bound to the action's digest and consumed just
// before execution (policy/approvals.h).
//
// Verdicts, in this order (reasons name the rule and the grant):
// - deny: the grant did not verify, has expired, or forbids the action kind ("forbid");
// - needs approval: the case is outside the grant's scope, the kind is not among its actions,
//   the counterparty not among its counterparties, the amount is in another currency than its
//   caps, over the per-action cap, or over a budget (reserved atomically, policy/budget.h);
// - allow otherwise (the budget is then spent).
// Without a grant it behaves like crew::AmountNeedsApprovalPolicy (money waits for a human),
// still with digest-bound approvals. A human approval of an action that moves money is charged
// to the grant's budgets too (policy/budget.h charge(): even past the cap, since the human
// decided), so the budget counts all the money that moved in the grant's cases and what the
// crew may still spend alone shrinks. An action that then fails, or is denied, gives its
// reservation back (released()).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "crew/actions.h"
#include "policy/grant.h"

namespace kontor::policy {

struct GrantPolicyOptions {
  std::int64_t human_approval_ttl_seconds = 7 * 86400;
  std::function<std::int64_t()> now;  // unix seconds; default unix_now()
};

class GrantPolicy final : public crew::Policy {
 public:
  // No grant: money waits for a human.
  explicit GrantPolicy(GrantPolicyOptions options = {});
  // `grant` is verified against `root` once here; an invalid grant denies everything (the
  // reason says why) — use verify_status() to refuse it up front.
  GrantPolicy(const Grant& grant, const PublicKey& root, GrantPolicyOptions options = {});
  // A grant already verified (policy/grant_cache.h): nothing is checked again.
  explicit GrantPolicy(EffectiveGrant verified, GrantPolicyOptions options = {});

  const Status& verify_status() const { return verify_status_; }
  const std::optional<EffectiveGrant>& grant() const { return effective_; }

  crew::PolicyDecision decide(std::string_view case_id, std::string_view task_id,
                              const crew::ProposedAction& action) override;
  crew::PolicyDecision decide_in(store::Transaction& txn, const store::OutboxAction& entry,
                                 const crew::ProposedAction& action) override;
  Status approved(store::Transaction& txn, const store::OutboxAction& action) override;
  Status before_execute(store::Transaction& txn, const store::OutboxAction& action) override;
  Status retried(store::Transaction& txn, const store::OutboxAction& action) override;
  Status released(store::Transaction& txn, const store::OutboxAction& action) override;

 private:
  // Every rule but the budget; nullopt when the grant covers the action.
  std::optional<crew::PolicyDecision> check_rules(std::string_view case_id,
                                                  const crew::ProposedAction& action) const;
  std::int64_t now() const;
  // The budgets this action counts against: none without a grant, or for a case outside it.
  const std::vector<EffectiveGrant::Budget>* budgets_for(std::string_view case_id) const;

  GrantPolicyOptions options_;
  std::optional<EffectiveGrant> effective_;
  Status verify_status_;
  bool has_grant_ = false;
};

}  // namespace kontor::policy
