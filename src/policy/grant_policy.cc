#include "policy/grant_policy.h"

#include <algorithm>

#include "policy/action_digest.h"
#include "policy/approvals.h"
#include "policy/budget.h"

namespace kontor::policy {
namespace {

using crew::PolicyDecision;
using crew::PolicyVerdict;

std::string joined(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) out += (out.size() > 1 ? ", " : "") + item;
  return out + "]";
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

Cap cap_of(const Money& money) {
  return Cap{money.amount(), std::string(money.currency().code())};
}

}  // namespace

GrantPolicy::GrantPolicy(GrantPolicyOptions options) : options_(std::move(options)) {}

GrantPolicy::GrantPolicy(const Grant& grant, const PublicKey& root, GrantPolicyOptions options)
    : options_(std::move(options)), has_grant_(true) {
  auto effective = grant.effective(root);
  if (effective.ok()) {
    effective_ = std::move(effective).value();
  } else {
    verify_status_ = effective.status();
  }
}

std::int64_t GrantPolicy::now() const { return options_.now ? options_.now() : unix_now(); }

std::optional<PolicyDecision> GrantPolicy::check_rules(std::string_view case_id,
                                                       const crew::ProposedAction& action) const {
  if (!has_grant_) {
    if (action.amount) {
      return PolicyDecision{PolicyVerdict::kNeedsApproval,
                            "moves money: " + action.amount->to_string() + " (no grant)"};
    }
    return std::nullopt;
  }
  if (!effective_) {
    return PolicyDecision{PolicyVerdict::kDeny, "grant invalid: " + verify_status_.message()};
  }
  const EffectiveGrant& g = *effective_;
  const std::string of = " of grant " + g.id;
  if (now() > g.expires) {
    return PolicyDecision{PolicyVerdict::kDeny, "grant " + g.id + " expired at " + format_time(g.expires)};
  }
  for (const std::string& pattern : g.forbid) {
    if (pattern_matches(pattern, action.kind)) {
      return PolicyDecision{PolicyVerdict::kDeny, "action " + action.kind + " is forbidden by grant " +
                                                      g.id + " ('" + pattern + "')"};
    }
  }
  if (g.cases && !contains(*g.cases, case_id)) {
    return PolicyDecision{PolicyVerdict::kNeedsApproval, "case " + std::string(case_id) +
                                                             " is outside the scope" + of};
  }
  if (std::none_of(g.actions.begin(), g.actions.end(),
                   [&](const std::string& p) { return pattern_matches(p, action.kind); })) {
    return PolicyDecision{PolicyVerdict::kNeedsApproval, "action " + action.kind + " is outside grant " +
                                                             g.id + " (allows " + joined(g.actions) + ")"};
  }
  if (g.counterparties && !contains(*g.counterparties, action.counterparty)) {
    return PolicyDecision{PolicyVerdict::kNeedsApproval,
                          "counterparty '" + action.counterparty + "' is outside grant " + g.id +
                              " (allows " + joined(*g.counterparties) + ")"};
  }
  if (action.amount && g.max) {
    const Cap amount = cap_of(*action.amount);
    if (amount.currency != g.max->currency) {
      return PolicyDecision{PolicyVerdict::kNeedsApproval,
                            "amount " + amount.to_string() + " is not in the currency of the per-action cap " +
                                g.max->to_string() + of};
    }
    if (amount.amount > g.max->amount) {
      return PolicyDecision{PolicyVerdict::kNeedsApproval, "over the per-action cap " +
                                                               g.max->to_string() + of + ": " +
                                                               amount.to_string()};
    }
  }
  return std::nullopt;
}

PolicyDecision GrantPolicy::decide(std::string_view case_id, std::string_view,
                                   const crew::ProposedAction& action) {
  if (auto verdict = check_rules(case_id, action)) return *verdict;
  if (effective_ && action.amount && !effective_->budgets.empty()) {
    return {PolicyVerdict::kNeedsApproval,
            "the budget of grant " + effective_->id + " can only be spent in a store transaction"};
  }
  return {PolicyVerdict::kAllow, effective_ ? "within grant " + effective_->id : "no amount involved"};
}

PolicyDecision GrantPolicy::decide_in(store::Transaction& txn, const store::OutboxAction& entry,
                                      const crew::ProposedAction& action) {
  if (auto verdict = check_rules(entry.case_id, action)) return *verdict;
  std::string reason = effective_ ? "within grant " + effective_->id : "no amount involved";
  std::int64_t expires = now() + options_.human_approval_ttl_seconds;
  if (effective_) {
    expires = effective_->expires;
    if (action.amount && !effective_->budgets.empty()) {
      auto outcome = BudgetLedger::reserve(txn, effective_->budgets, cap_of(*action.amount),
                                           effective_->id, action_digest(entry));
      if (!outcome.ok()) {
        return {PolicyVerdict::kNeedsApproval, "budget not checked: " + outcome.status().to_string()};
      }
      if (!outcome->within) return {PolicyVerdict::kNeedsApproval, outcome->reason};
      const auto& first = effective_->budgets.front();
      reason += " (budget " + first.cap.to_string() + ": " +
                Cap{outcome->spent_after.front(), first.cap.currency}.to_string() + " spent)";
    }
  }
  auto approval = ApprovalBook::approve(txn, entry,
                                        effective_ ? "grant " + effective_->id : "policy", now(),
                                        expires);
  if (!approval.ok()) {
    return {PolicyVerdict::kNeedsApproval, "approval not recorded: " + approval.status().to_string()};
  }
  return {PolicyVerdict::kAllow, reason};
}

Status GrantPolicy::approved(store::Transaction& txn, const store::OutboxAction& action) {
  return ApprovalBook::approve(txn, action, "human", now(),
                               now() + options_.human_approval_ttl_seconds)
      .status();
}

Status GrantPolicy::before_execute(store::Transaction& txn, const store::OutboxAction& action) {
  return ApprovalBook::consume(txn, action, now());
}

Status GrantPolicy::retried(store::Transaction& txn, const store::OutboxAction& action) {
  return ApprovalBook::rearm(txn, action.key);
}

}  // namespace kontor::policy
