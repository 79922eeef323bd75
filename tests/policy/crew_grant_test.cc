// End to end: a crew run under a grant. A sample order within the grant runs at once; one over
// the per-action cap waits for a human, whose approval is bound to that exact action.
#include <gtest/gtest.h>

#include "crew/runner.h"
#include "policy/approvals.h"
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

class CrewGrantTest : public ::testing::Test {
 protected:
  CrewGrantTest() {
    registry_.add("sampler", [] { return std::make_unique<SampleAgent>(); });
    Seed seed{};
    seed.fill(3);
    root_ = KeyPair::from_seed(seed);
    Block b;
    b.id = "g-00000000000000cc";
    b.holder = "workspace";
    b.actions = std::vector<std::string>{"rfq.send", "sample.order"};
    b.max = Cap{*Decimal::parse("500"), "EUR"};
    b.budget = Cap{*Decimal::parse("2000"), "EUR"};
    b.expires = *parse_time("2026-12-31");
    grant_ = *Grant::create(root_, b);
  }
  crew::NewCase new_case(std::vector<crew::TaskSpec> tasks) {
    return sample_case(std::move(tasks));
  }
  const store::OutboxAction* find(const crew::CaseSummary& s, std::string_view reference) {
    return find_action(s, reference);
  }

  std::unique_ptr<store::Store> store_ = store::open_memory_store();
  crew::AgentRegistry registry_;
  crew::RecordingExecutor executor_;
  KeyPair root_;
  std::optional<Grant> grant_;
};

TEST_F(CrewGrantTest, WithinTheGrantRunsOverTheCapWaitsForApproval) {
  GrantPolicy policy(*grant_, root_.public_key);
  ASSERT_TRUE(policy.verify_status().ok());
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &executor_});
  auto summary = runner.start(new_case({sample("small", "120.00"), sample("big", "800.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  const store::OutboxAction* small = find(*summary, "OFFER-small");
  const store::OutboxAction* big = find(*summary, "OFFER-big");
  ASSERT_TRUE(small && big);
  EXPECT_EQ(small->state, ActionState::kDone);
  EXPECT_EQ(big->state, ActionState::kAwaitingApproval);
  EXPECT_EQ(executor_.total_executions(), 1);
  EXPECT_EQ(BudgetLedger::spent(*store_, "g-00000000000000cc")->to_string(), "120.00");

  auto approved = runner.approve("K1", big->key);
  ASSERT_TRUE(approved.ok()) << approved.status().to_string();
  EXPECT_EQ(find(*approved, "OFFER-big")->state, ActionState::kDone);
  EXPECT_EQ(executor_.total_executions(), 2);
  // The human-approved order is charged to the budget as well (budget_release_test.cc).
  EXPECT_EQ(BudgetLedger::spent(*store_, "g-00000000000000cc")->to_string(), "920.00");
}

// Delegates to a GrantPolicy; right after a human approval it changes the stored action's
// counterparty, as a bug or someone with access to the store could before execution.
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
    body["action"]["counterparty"] = "SUP-ELSEWHERE";
    return txn.put("outbox/" + action.case_id, action.key, body.dump()).status();
  }
  Status before_execute(store::Transaction& txn, const store::OutboxAction& a) override {
    return inner_.before_execute(txn, a);
  }

 private:
  GrantPolicy& inner_;
};

TEST_F(CrewGrantTest, AnActionChangedAfterApprovalFailsInsteadOfRunning) {
  GrantPolicy inner(*grant_, root_.public_key);
  TamperingPolicy policy(inner);
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &executor_});
  auto summary = runner.start(new_case({sample("big", "800.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  auto approved = runner.approve("K1", find(*summary, "OFFER-big")->key);
  ASSERT_TRUE(approved.ok()) << approved.status().to_string();
  const store::OutboxAction* big = find(*approved, "OFFER-big");
  EXPECT_EQ(big->state, ActionState::kFailed);
  EXPECT_TRUE(big->result.dump().find("approval void: the action changed after it was approved") !=
              std::string::npos)
      << big->result.dump();
  EXPECT_EQ(executor_.total_executions(), 0);
}

}  // namespace
}  // namespace kontor::policy
