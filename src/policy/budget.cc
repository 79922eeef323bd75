#include "policy/budget.h"

#include <optional>

#include <nlohmann/json.hpp>

namespace kontor::policy {
namespace {

using nlohmann::json;

StatusOr<Decimal> spent_in(const std::optional<store::Record>& record, std::string_view counter) {
  if (!record) return Decimal(0);
  json body = json::parse(record->body, nullptr, false);
  if (body.is_discarded() || !body.contains("spent") || !body["spent"].is_string()) {
    return data_loss("budget " + std::string(counter) + ": stored record is malformed");
  }
  auto spent = Decimal::parse(body["spent"].get<std::string>());
  if (!spent.ok()) return data_loss("budget " + std::string(counter) + ": spent: " + spent.status().message());
  return *spent;
}

}  // namespace

StatusOr<BudgetOutcome> BudgetLedger::reserve(store::Transaction& txn,
                                              const std::vector<EffectiveGrant::Budget>& budgets,
                                              const Cap& amount, std::string_view grant_id,
                                              std::string_view digest) {
  BudgetOutcome outcome;
  struct Pending {
    const EffectiveGrant::Budget* budget;
    Decimal spent;
    bool counted;  // this action was reserved before
    std::int64_t actions;
  };
  std::vector<Pending> pending;
  for (const EffectiveGrant::Budget& budget : budgets) {
    const std::string where =
        budget.block == 0 ? "grant " + std::string(grant_id)
                          : "block " + std::to_string(budget.block) + " of grant " + std::string(grant_id);
    if (budget.cap.currency != amount.currency) {
      return BudgetOutcome{false, "amount in " + amount.currency + " but the budget " +
                                      budget.cap.to_string() + " of " + where + " is in " +
                                      budget.cap.currency, {}};
    }
    ASSIGN_OR_RETURN(auto record, txn.get(kBudgets, budget.counter));
    ASSIGN_OR_RETURN(Decimal spent, spent_in(record, budget.counter));
    std::int64_t actions = 0;
    if (record) actions = json::parse(record->body, nullptr, false).value("actions", std::int64_t{0});
    const std::string reservation_key = budget.counter + "|" + std::string(digest);
    ASSIGN_OR_RETURN(auto reserved, txn.get(kReservations, reservation_key));
    if (!reserved && spent + amount.amount > budget.cap.amount) {
      return BudgetOutcome{false, "over the budget " + budget.cap.to_string() + " of " + where +
                                      " (spent " + Cap{spent, amount.currency}.to_string() +
                                      ", this action " + amount.to_string() + ")", {}};
    }
    pending.push_back({&budget, spent, reserved.has_value(), actions});
  }
  for (const Pending& p : pending) {
    if (p.counted) {
      outcome.spent_after.push_back(p.spent);
      continue;
    }
    const Decimal after = p.spent + amount.amount;
    json body{{"counter", p.budget->counter},
              {"cap", p.budget->cap.amount.to_string()},
              {"currency", p.budget->cap.currency},
              {"spent", after.to_string()},
              {"actions", p.actions + 1}};
    RETURN_IF_ERROR(txn.put(kBudgets, p.budget->counter, body.dump()).status());
    json reservation{{"amount", amount.amount.to_string()}, {"currency", amount.currency}};
    RETURN_IF_ERROR(txn.put(kReservations, p.budget->counter + "|" + std::string(digest),
                            reservation.dump()).status());
    outcome.spent_after.push_back(after);
  }
  return outcome;
}

StatusOr<Decimal> BudgetLedger::spent(store::Store& store, std::string_view counter) {
  ASSIGN_OR_RETURN(auto record, store.get(kBudgets, counter));
  return spent_in(record, counter);
}

}  // namespace kontor::policy
