// Budgets through the crew's outbox: a human-approved action that moves money is charged like
// one the grant allowed, and an action that does not run after all (it failed or was refused
// just before execution) gives its reservation back.
#include <gtest/gtest.h>

#include "crew/runner.h"
#include "policy/budget.h"
#include "policy/grant_policy.h"
#include "sample_agent.h"
#include "store/memory/memory_store.h"
#include "store/outbox.h"

namespace kontor::policy {
namespace {

using crew::ProposedAction;
using store::ActionState;
using testing_support::find_action;
using testing_support::sample;
using testing_support::sample_case;
using testing_support::SampleAgent;

// The counterparty's system refuses every order.
class RefusingExecutor final : public crew::ActionExecutor {
 public:
  StatusOr<nlohmann::json> execute(const store::OutboxAction&) override {
    ++calls;
    return unavailable("supplier portal: order rejected (503)");
  }
  crew::ExecutionLookup lookup(const store::OutboxAction&) override {
    return {crew::ExecutionLookup::Found::kNotExecuted, nullptr};
  }
  int calls = 0;
};

// Changes the stored action's amount right after a human approval, then lets the grant policy
// check it before execution (which refuses it).
class TamperingPolicy final : public crew::Policy {
 public:
  explicit TamperingPolicy(GrantPolicy& inner) : inner_(inner) {}
  crew::PolicyDecision decide(std::string_view c, std::string_view t,
                              const ProposedAction& a) override {
    return inner_.decide(c, t, a);
  }
  crew::PolicyDecision decide_in(store::Transaction& txn, const store::OutboxAction& e,
                                 const ProposedAction& a) override {
    return inner_.decide_in(txn, e, a);
  }
  Status approved(store::Transaction& txn, const store::OutboxAction& action) override {
    RETURN_IF_ERROR(inner_.approved(txn, action));
    ASSIGN_OR_RETURN(auto record, txn.get("outbox/" + action.case_id, action.key));
    nlohmann::json body = nlohmann::json::parse(record->body);
    body["action"]["amount"]["amount"] = "8000.00";
    return txn.put("outbox/" + action.case_id, action.key, body.dump()).status();
  }
  Status before_execute(store::Transaction& txn, const store::OutboxAction& a) override {
    return inner_.before_execute(txn, a);
  }
  Status released(store::Transaction& txn, const store::OutboxAction& a) override {
    return inner_.released(txn, a);
  }

 private:
  GrantPolicy& inner_;
};

class BudgetReleaseTest : public ::testing::Test {
 protected:
  BudgetReleaseTest() {
    registry_.add("sampler", [] { return std::make_unique<SampleAgent>(); });
    Seed seed{};
    seed.fill(3);
    root_ = KeyPair::from_seed(seed);
    Block b;
    b.id = "g-00000000000000cc";
    b.holder = "workspace";
    b.actions = std::vector<std::string>{"rfq.send", "sample.order"};
    b.max = Cap{*Decimal::parse("500"), "EUR"};
    b.budget = Cap{*Decimal::parse("1000"), "EUR"};
    b.expires = *parse_time("2026-12-31");
    grant_ = *Grant::create(root_, b);
  }
  crew::NewCase new_case(std::vector<crew::TaskSpec> tasks) {
    return sample_case(std::move(tasks));
  }
  const store::OutboxAction* find(const crew::CaseSummary& s, std::string_view reference) {
    return find_action(s, reference);
  }
  std::string spent() { return BudgetLedger::spent(*store_, "g-00000000000000cc")->to_string(); }
  GrantPolicyOptions at_noon() {
    return {.now = [] { return *parse_time("2026-11-23T12:00:00Z"); }};
  }

  std::unique_ptr<store::Store> store_ = store::open_memory_store();
  crew::AgentRegistry registry_;
  crew::RecordingExecutor executor_;
  KeyPair root_;
  std::optional<Grant> grant_;
};

TEST_F(BudgetReleaseTest, AHumanApprovalThatMovesMoneyIsChargedToTheBudget) {
  GrantPolicy policy(*grant_, root_.public_key, at_noon());
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &executor_});
  auto summary = runner.start(new_case({sample("small", "120.00"), sample("big", "800.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(spent(), "120.00");
  auto approved = runner.approve("K1", find(*summary, "OFFER-big")->key);
  ASSERT_TRUE(approved.ok()) << approved.status().to_string();
  EXPECT_EQ(find(*approved, "OFFER-big")->state, ActionState::kDone);
  EXPECT_EQ(spent(), "920.00");
}

TEST_F(BudgetReleaseTest, AHumanApprovalPastTheBudgetLeavesTheCrewNothingToSpendAlone) {
  GrantPolicy policy(*grant_, root_.public_key, at_noon());
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &executor_});
  auto first = runner.start(new_case({sample("big", "1100.00")}));
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  ASSERT_TRUE(runner.approve("K1", find(*first, "OFFER-big")->key).ok());
  EXPECT_EQ(spent(), "1100.00");
  crew::NewCase second = new_case({sample("small", "10.00")});
  second.id = "K2";
  auto next = runner.start(second);
  ASSERT_TRUE(next.ok()) << next.status().to_string();
  EXPECT_EQ(find(*next, "OFFER-small")->state, ActionState::kAwaitingApproval);
  EXPECT_EQ(spent(), "1100.00");
}

TEST_F(BudgetReleaseTest, AFailedExecutionGivesItsReservationBack) {
  GrantPolicy policy(*grant_, root_.public_key, at_noon());
  RefusingExecutor refusing;
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &refusing});
  auto summary = runner.start(new_case({sample("small", "120.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(refusing.calls, 1);
  EXPECT_EQ(find(*summary, "OFFER-small")->state, ActionState::kFailed);
  EXPECT_EQ(spent(), "0.00");
  EXPECT_EQ(store_->count(BudgetLedger::kReservations).value(), 0);
}

TEST_F(BudgetReleaseTest, AnApprovedActionThatFailsGivesItsChargeBack) {
  GrantPolicy policy(*grant_, root_.public_key, at_noon());
  RefusingExecutor refusing;
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &refusing});
  auto summary = runner.start(new_case({sample("big", "800.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  auto approved = runner.approve("K1", find(*summary, "OFFER-big")->key);
  ASSERT_TRUE(approved.ok()) << approved.status().to_string();
  EXPECT_EQ(find(*approved, "OFFER-big")->state, ActionState::kFailed);
  EXPECT_EQ(spent(), "0.00");
}

TEST_F(BudgetReleaseTest, AnActionRefusedBeforeExecutionGivesItsChargeBack) {
  GrantPolicy inner(*grant_, root_.public_key, at_noon());
  TamperingPolicy policy(inner);
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &executor_});
  auto summary = runner.start(new_case({sample("big", "800.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  auto approved = runner.approve("K1", find(*summary, "OFFER-big")->key);
  ASSERT_TRUE(approved.ok()) << approved.status().to_string();
  EXPECT_EQ(find(*approved, "OFFER-big")->state, ActionState::kFailed);
  EXPECT_EQ(executor_.total_executions(), 0);
  EXPECT_EQ(spent(), "0.00");
  EXPECT_EQ(store_->count(BudgetLedger::kReservations).value(), 0);
}

TEST_F(BudgetReleaseTest, ADeniedActionSpendsNothing) {
  GrantPolicy policy(*grant_, root_.public_key, at_noon());
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &executor_});
  auto summary = runner.start(new_case({sample("small", "120.00"), sample("big", "800.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  auto denied = runner.deny("K1", find(*summary, "OFFER-big")->key, "too dear");
  ASSERT_TRUE(denied.ok()) << denied.status().to_string();
  EXPECT_EQ(find(*denied, "OFFER-big")->state, ActionState::kDenied);
  EXPECT_EQ(spent(), "120.00");
}

TEST(BudgetLedgerReleaseTest, ReleaseGivesBackOnlyWhatWasHeldForThatAction) {
  auto store = store::open_memory_store();
  const std::vector<EffectiveGrant::Budget> b{{"g-1", 0, Cap{*Decimal::parse("1000"), "EUR"}}};
  auto txn = store->begin().value();
  ASSERT_TRUE(BudgetLedger::reserve(*txn, b, Cap{*Decimal::parse("300"), "EUR"}, "g-1", "d1").ok());
  ASSERT_TRUE(BudgetLedger::charge(*txn, b, Cap{*Decimal::parse("900"), "EUR"}, "d2").ok());
  EXPECT_EQ(BudgetLedger::release(*txn, b, "d3")->to_string(), "0");
  EXPECT_EQ(BudgetLedger::release(*txn, b, "d1")->to_string(), "300");
  EXPECT_EQ(BudgetLedger::release(*txn, b, "d1")->to_string(), "0");
  ASSERT_TRUE(txn->commit().ok());
  EXPECT_EQ(BudgetLedger::spent(*store, "g-1")->to_string(), "900");
}

TEST(BudgetLedgerReleaseTest, AChargeInAnotherCurrencyLeavesTheBudgetAlone) {
  auto store = store::open_memory_store();
  const std::vector<EffectiveGrant::Budget> b{{"g-1", 0, Cap{*Decimal::parse("1000"), "EUR"}}};
  auto txn = store->begin().value();
  auto outcome = BudgetLedger::charge(*txn, b, Cap{*Decimal::parse("900"), "USD"}, "d1");
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->spent_after.front().to_string(), "0");
  ASSERT_TRUE(txn->commit().ok());
  EXPECT_EQ(BudgetLedger::spent(*store, "g-1")->to_string(), "0");
}

}  // namespace
}  // namespace kontor::policy
