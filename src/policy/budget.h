// Budgets: how much a grant's holder has spent, kept in the store. A reservation reads what was
// spent, checks the cap and records the new total inside the caller's store transaction — the
// same one that moves the action in the outbox — so two parallel actions can never together
// exceed a cap (the store runs one write transaction at a time; SQLite takes the write lock at
// BEGIN IMMEDIATE), and a proposal that is rolled back takes its reservation with it.
//
// Records: collection "policy/budgets", key the budget's counter (EffectiveGrant::Budget):
//   {"counter", "cap": "2000.00", "currency": "EUR", "spent": "620.00", "actions": 3}
// and "policy/budget_reservations", key "<counter>|<action digest>": {"amount", "currency"};
// reserving the same action (digest) again counts it once.
//
// Three ways a counter moves: reserve() when the crew acts within its grant (refused over the
// cap), charge() when a human approves an action that moves money (recorded even over the cap:
// the human is the authority, and what the crew may still spend alone shrinks accordingly), and
// release() when a reserved or charged action does not run after all (it failed or was denied),
// which gives its amount back so a failed payment leaves no phantom spending.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/status.h"
#include "policy/grant.h"
#include "store/store.h"

namespace kontor::policy {

struct BudgetOutcome {
  bool within = true;
  std::string reason;  // when not within: "over the budget 2000.00 EUR of grant g-… (spent …)"
  // The budgets' totals after this reservation (when within), in the order given.
  std::vector<Decimal> spent_after;
};

class BudgetLedger {
 public:
  static constexpr std::string_view kBudgets = "policy/budgets";
  static constexpr std::string_view kReservations = "policy/budget_reservations";

  // All of `budgets` or none: not within (and nothing written) when any would exceed its cap or
  // is in another currency than `amount`.
  static StatusOr<BudgetOutcome> reserve(store::Transaction& txn,
                                         const std::vector<EffectiveGrant::Budget>& budgets,
                                         const Cap& amount, std::string_view grant_id,
                                         std::string_view digest);
  // Records `amount` against every budget in its currency, whatever the cap (a human approved
  // it); budgets in another currency are left alone (spent_after repeats their total). The same
  // action (digest) is counted once, whether reserved or charged.
  static StatusOr<BudgetOutcome> charge(store::Transaction& txn,
                                        const std::vector<EffectiveGrant::Budget>& budgets,
                                        const Cap& amount, std::string_view digest);
  // Gives back what the action with `digest` reserved or was charged under each budget; the
  // amount given back in total over all counters (0 when nothing was held for it).
  static StatusOr<Decimal> release(store::Transaction& txn,
                                   const std::vector<EffectiveGrant::Budget>& budgets,
                                   std::string_view digest);
  // What was spent under a counter (0 when nothing yet).
  static StatusOr<Decimal> spent(store::Store& store, std::string_view counter);
};

}  // namespace kontor::policy
