// CaseGrantPolicy: the grant a case runs under is stored with the case, so every process that
// acts on it — `kontor run --grant`, later `resume`, `approve` and `deny`, and the HTTP server's
// workers — applies the same grant, with the same budget, whatever it was started with.
//
// - A case is bound to a grant the first time the crew proposes an action in it while this
//   policy offers one (`--grant`); the binding is written in the same store transaction as the
//   proposal. A case without a grant keeps the default: anything that moves money waits for a
//   human (crew::AmountNeedsApprovalPolicy), and no policy records are kept.
// - A case already bound to one grant and offered another: the stored grant stays, and each new
//   action waits for a human with a reason saying so (never the wider of the two silently).
// - The stored grant is verified against the workspace root key on each use (once per process:
//   policy/grant_cache.h); a stored grant that no longer verifies denies the action.
//
// Records: collection "policy/case_grants", key the case id:
//   {"case", "grant": "g-…", "token": "kg1.…", "bound_at": "2026-11-23T12:00:00Z"}
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crew/actions.h"
#include "policy/grant.h"
#include "policy/grant_cache.h"
#include "policy/grant_policy.h"
#include "store/store.h"

namespace kontor::policy {

class CaseGrantPolicy final : public crew::Policy {
 public:
  static constexpr std::string_view kCollection = "policy/case_grants";

  // `offered`: the grant given to this process, bound to cases that have none yet.
  explicit CaseGrantPolicy(const PublicKey& root, std::optional<Grant> offered = std::nullopt,
                           GrantPolicyOptions options = {});

  // Binds `grant` to the case: already_exists naming both grants when another one is bound
  // (binding the same token again is a no-op).
  static Status bind(store::Transaction& txn, std::string_view case_id, const Grant& grant,
                     std::int64_t now);
  // The token of the grant stored with the case; nullopt when it runs without one.
  static StatusOr<std::optional<std::string>> bound_token(store::Store& store,
                                                          std::string_view case_id);

  // Without a store transaction: the offered grant's rules (a budget is never spent here).
  crew::PolicyDecision decide(std::string_view case_id, std::string_view task_id,
                              const crew::ProposedAction& action) override;
  crew::PolicyDecision decide_in(store::Transaction& txn, const store::OutboxAction& entry,
                                 const crew::ProposedAction& action) override;
  Status approved(store::Transaction& txn, const store::OutboxAction& action) override;
  Status before_execute(store::Transaction& txn, const store::OutboxAction& action) override;
  Status retried(store::Transaction& txn, const store::OutboxAction& action) override;
  Status released(store::Transaction& txn, const store::OutboxAction& action) override;

 private:
  // The policy of the grant stored with the case (nullopt: none is stored); an error when the
  // record is unreadable or the grant does not verify.
  StatusOr<std::optional<GrantPolicy>> stored(store::Transaction& txn, std::string_view case_id,
                                              std::string* token = nullptr);
  std::int64_t now() const;

  VerifiedGrantCache cache_;
  std::optional<Grant> offered_;
  std::string offered_token_;
  GrantPolicyOptions options_;
  crew::AmountNeedsApprovalPolicy default_;
};

}  // namespace kontor::policy
