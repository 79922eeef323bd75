#include "policy/budget.h"

#include <nlohmann/json.hpp>
#include <optional>

namespace kontor::policy {
namespace {

using nlohmann::json;

// A budget's counter as stored: what was spent and by how many actions.
struct Counter {
  Decimal spent;
  std::int64_t actions = 0;
};

StatusOr<Counter> parse_counter(const std::optional<store::Record>& record,
                                std::string_view counter) {
  if (!record) return Counter{Decimal(0), 0};
  json body = json::parse(record->body, nullptr, false);
  if (body.is_discarded() || !body.contains("spent") || !body["spent"].is_string()) {
    return data_loss("budget " + std::string(counter) + ": stored record is malformed");
  }
  auto spent = Decimal::parse(body["spent"].get<std::string>());
  if (!spent.ok())
    return data_loss("budget " + std::string(counter) + ": spent: " + spent.status().message());
  const json& actions = body.contains("actions") ? body["actions"] : json();
  return Counter{*spent, actions.is_number_integer() ? actions.get<std::int64_t>() : 0};
}

StatusOr<Counter> load_counter(store::Transaction& txn, std::string_view counter) {
  ASSIGN_OR_RETURN(auto record, txn.get(BudgetLedger::kBudgets, counter));
  return parse_counter(record, counter);
}

Status store_counter(store::Transaction& txn, const EffectiveGrant::Budget& budget,
                     const Counter& counter) {
  json body{{"counter", budget.counter},
            {"cap", budget.cap.amount.to_string()},
            {"currency", budget.cap.currency},
            {"spent", counter.spent.to_string()},
            {"actions", counter.actions}};
  return txn.put(BudgetLedger::kBudgets, budget.counter, body.dump()).status();
}

std::string reservation_key(const EffectiveGrant::Budget& budget, std::string_view digest) {
  return budget.counter + "|" + std::string(digest);
}

// Adds `amount` to the budget's counter and records the reservation of `digest`.
Status hold(store::Transaction& txn, const EffectiveGrant::Budget& budget, Counter counter,
            const Cap& amount, std::string_view digest) {
  counter.spent = counter.spent + amount.amount;
  counter.actions += 1;
  RETURN_IF_ERROR(store_counter(txn, budget, counter));
  json reservation{{"amount", amount.amount.to_string()}, {"currency", amount.currency}};
  return txn.put(BudgetLedger::kReservations, reservation_key(budget, digest), reservation.dump())
      .status();
}

}  // namespace

StatusOr<BudgetOutcome> BudgetLedger::reserve(store::Transaction& txn,
                                              const std::vector<EffectiveGrant::Budget>& budgets,
                                              const Cap& amount, std::string_view grant_id,
                                              std::string_view digest) {
  BudgetOutcome outcome;
  struct Pending {
    const EffectiveGrant::Budget* budget;
    Counter counter;
    bool counted;  // this action was reserved before
  };
  std::vector<Pending> pending;
  for (const EffectiveGrant::Budget& budget : budgets) {
    const std::string where = budget.block == 0 ? "grant " + std::string(grant_id)
                                                : "block " + std::to_string(budget.block) +
                                                      " of grant " + std::string(grant_id);
    if (budget.cap.currency != amount.currency) {
      return BudgetOutcome{false,
                           "amount in " + amount.currency + " but the budget " +
                               budget.cap.to_string() + " of " + where + " is in " +
                               budget.cap.currency,
                           {}};
    }
    ASSIGN_OR_RETURN(Counter counter, load_counter(txn, budget.counter));
    ASSIGN_OR_RETURN(auto reserved, txn.get(kReservations, reservation_key(budget, digest)));
    if (!reserved && counter.spent + amount.amount > budget.cap.amount) {
      return BudgetOutcome{false,
                           "over the budget " + budget.cap.to_string() + " of " + where +
                               " (spent " + Cap{counter.spent, amount.currency}.to_string() +
                               ", this action " + amount.to_string() + ")",
                           {}};
    }
    pending.push_back({&budget, counter, reserved.has_value()});
  }
  for (const Pending& p : pending) {
    if (p.counted) {
      outcome.spent_after.push_back(p.counter.spent);
      continue;
    }
    RETURN_IF_ERROR(hold(txn, *p.budget, p.counter, amount, digest));
    outcome.spent_after.push_back(p.counter.spent + amount.amount);
  }
  return outcome;
}

StatusOr<BudgetOutcome> BudgetLedger::charge(store::Transaction& txn,
                                             const std::vector<EffectiveGrant::Budget>& budgets,
                                             const Cap& amount, std::string_view digest) {
  BudgetOutcome outcome;
  for (const EffectiveGrant::Budget& budget : budgets) {
    ASSIGN_OR_RETURN(Counter counter, load_counter(txn, budget.counter));
    ASSIGN_OR_RETURN(auto reserved, txn.get(kReservations, reservation_key(budget, digest)));
    if (budget.cap.currency != amount.currency || reserved) {
      outcome.spent_after.push_back(counter.spent);
      continue;
    }
    RETURN_IF_ERROR(hold(txn, budget, counter, amount, digest));
    outcome.spent_after.push_back(counter.spent + amount.amount);
  }
  return outcome;
}

StatusOr<Decimal> BudgetLedger::release(store::Transaction& txn,
                                        const std::vector<EffectiveGrant::Budget>& budgets,
                                        std::string_view digest) {
  Decimal released(0);
  for (const EffectiveGrant::Budget& budget : budgets) {
    const std::string key = reservation_key(budget, digest);
    ASSIGN_OR_RETURN(auto reserved, txn.get(kReservations, key));
    if (!reserved) continue;
    json body = json::parse(reserved->body, nullptr, false);
    if (body.is_discarded() || !body.contains("amount") || !body["amount"].is_string()) {
      return data_loss("budget reservation " + key + ": stored record is malformed");
    }
    auto amount = Decimal::parse(body["amount"].get<std::string>());
    if (!amount.ok())
      return data_loss("budget reservation " + key + ": amount: " + amount.status().message());
    ASSIGN_OR_RETURN(Counter counter, load_counter(txn, budget.counter));
    counter.spent = counter.spent - *amount;
    counter.actions = counter.actions > 0 ? counter.actions - 1 : 0;
    RETURN_IF_ERROR(store_counter(txn, budget, counter));
    RETURN_IF_ERROR(txn.erase(kReservations, key).status());
    released = released + *amount;
  }
  return released;
}

StatusOr<Decimal> BudgetLedger::spent(store::Store& store, std::string_view counter) {
  ASSIGN_OR_RETURN(auto record, store.get(kBudgets, counter));
  ASSIGN_OR_RETURN(Counter loaded, parse_counter(record, counter));
  return loaded.spent;
}

}  // namespace kontor::policy
