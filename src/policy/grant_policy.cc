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

Cap cap_of(const Money& money) { return Cap{money.amount(), std::string(money.currency().code())}; }

// The amount of an outbox action (crew::action_to_json), nullopt when it moves no money.
StatusOr<std::optional<Cap>> amount_of(const store::OutboxAction& action) {
  if (!action.action.is_object() || !action.action.contains("amount")) return std::optional<Cap>();
  const nlohmann::json& amount = action.action["amount"];
  if (!amount.is_object() || !amount.contains("amount") || !amount["amount"].is_string() ||
      !amount.contains("currency") || !amount["currency"].is_string()) {
    return data_loss("action " + action.key + ": amount: malformed");
  }
  auto value = Decimal::parse(amount["amount"].get<std::string>());
  if (!value.ok())
    return data_loss("action " + action.key + ": amount: " + value.status().message());
  return std::optional<Cap>(Cap{*value, amount["currency"].get<std::string>()});
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

GrantPolicy::GrantPolicy(EffectiveGrant verified, GrantPolicyOptions options)
    : options_(std::move(options)), effective_(std::move(verified)), has_grant_(true) {}

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
    return PolicyDecision{PolicyVerdict::kDeny,
                          "grant " + g.id + " expired at " + format_time(g.expires)};
  }
  for (const std::string& pattern : g.forbid) {
    if (pattern_matches(pattern, action.kind)) {
      return PolicyDecision{
          PolicyVerdict::kDeny,
          "action " + action.kind + " is forbidden by grant " + g.id + " ('" + pattern + "')"};
    }
  }
  if (g.cases && !contains(*g.cases, case_id)) {
    return PolicyDecision{PolicyVerdict::kNeedsApproval,
                          "case " + std::string(case_id) + " is outside the scope" + of};
  }
  if (std::none_of(g.actions.begin(), g.actions.end(),
                   [&](const std::string& p) { return pattern_matches(p, action.kind); })) {
    return PolicyDecision{PolicyVerdict::kNeedsApproval, "action " + action.kind +
                                                             " is outside grant " + g.id +
                                                             " (allows " + joined(g.actions) + ")"};
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
                            "amount " + amount.to_string() +
                                " is not in the currency of the per-action cap " +
                                g.max->to_string() + of};
    }
    if (amount.amount > g.max->amount) {
      return PolicyDecision{
          PolicyVerdict::kNeedsApproval,
          "over the per-action cap " + g.max->to_string() + of + ": " + amount.to_string()};
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
  return {PolicyVerdict::kAllow,
          effective_ ? "within grant " + effective_->id : "no amount involved"};
}

PolicyDecision GrantPolicy::decide_in(store::Transaction& txn, const store::OutboxAction& entry,
                                      const crew::ProposedAction& action) {
  if (auto verdict = check_rules(entry.case_id, action)) return *verdict;
  std::string reason = effective_ ? "within grant " + effective_->id : "no amount involved";
  std::int64_t expires = now() + options_.human_approval_ttl_seconds;
  const std::string digest = action_digest(entry);
  bool reserved = false;
  if (effective_) {
    expires = effective_->expires;
    if (action.amount && !effective_->budgets.empty()) {
      auto outcome = BudgetLedger::reserve(txn, effective_->budgets, cap_of(*action.amount),
                                           effective_->id, digest);
      if (!outcome.ok()) {
        return {PolicyVerdict::kNeedsApproval,
                "budget not checked: " + outcome.status().to_string()};
      }
      if (!outcome->within) return {PolicyVerdict::kNeedsApproval, outcome->reason};
      reserved = true;
      const auto& first = effective_->budgets.front();
      reason += " (budget " + first.cap.to_string() + ": " +
                Cap{outcome->spent_after.front(), first.cap.currency}.to_string() + " spent)";
    }
  }
  auto approval = ApprovalBook::approve(
      txn, entry, effective_ ? "grant " + effective_->id : "policy", now(), expires);
  if (!approval.ok()) {
    // The action now waits for a human: what was reserved for it goes back.
    if (reserved) (void)BudgetLedger::release(txn, effective_->budgets, digest);
    return {PolicyVerdict::kNeedsApproval,
            "approval not recorded: " + approval.status().to_string()};
  }
  return {PolicyVerdict::kAllow, reason};
}

const std::vector<EffectiveGrant::Budget>* GrantPolicy::budgets_for(
    std::string_view case_id) const {
  if (!effective_ || effective_->budgets.empty()) return nullptr;
  if (effective_->cases && !contains(*effective_->cases, case_id)) return nullptr;
  return &effective_->budgets;
}

Status GrantPolicy::approved(store::Transaction& txn, const store::OutboxAction& action) {
  ASSIGN_OR_RETURN(Approval approval,
                   ApprovalBook::approve(txn, action, "human", now(),
                                         now() + options_.human_approval_ttl_seconds));
  const auto* budgets = budgets_for(action.case_id);
  if (budgets == nullptr) return ok_status();
  ASSIGN_OR_RETURN(std::optional<Cap> amount, amount_of(action));
  if (!amount) return ok_status();
  return BudgetLedger::charge(txn, *budgets, *amount, approval.digest).status();
}

Status GrantPolicy::released(store::Transaction& txn, const store::OutboxAction& action) {
  const auto* budgets = budgets_for(action.case_id);
  if (budgets == nullptr) return ok_status();
  // Held under the digest that was approved; the action may have changed since (which is why
  // it failed), so both digests are given back.
  const std::string digest = action_digest(action);
  ASSIGN_OR_RETURN(auto approval, ApprovalBook::get(txn, action.key));
  if (approval && approval->digest != digest) {
    RETURN_IF_ERROR(BudgetLedger::release(txn, *budgets, approval->digest).status());
  }
  return BudgetLedger::release(txn, *budgets, digest).status();
}

Status GrantPolicy::before_execute(store::Transaction& txn, const store::OutboxAction& action) {
  return ApprovalBook::consume(txn, action, now());
}

Status GrantPolicy::retried(store::Transaction& txn, const store::OutboxAction& action) {
  return ApprovalBook::rearm(txn, action.key);
}

}  // namespace kontor::policy
