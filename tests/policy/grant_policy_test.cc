#include "policy/grant_policy.h"

#include <gtest/gtest.h>

#include "policy/budget.h"
#include "store/memory/memory_store.h"

namespace kontor::policy {
namespace {

using crew::PolicyVerdict;

const std::int64_t kNow = parse_time("2026-11-23T12:00:00Z").value();

KeyPair root_key() {
  Seed seed{};
  seed.fill(7);
  return KeyPair::from_seed(seed);
}

Grant grant() {
  Block b;
  b.id = "g-00000000000000aa";
  b.holder = "workspace";
  b.actions = std::vector<std::string>{"rfq.send", "sample.order"};
  b.forbid = {"payment.*"};
  b.counterparties = std::vector<std::string>{"SUP-1"};
  b.max = Cap{Decimal::parse("500.00").value(), "EUR"};
  b.budget = Cap{Decimal::parse("2000.00").value(), "EUR"};
  b.expires = parse_time("2026-12-31").value();
  b.cases = std::vector<std::string>{"K1"};
  return Grant::create(root_key(), b).value();
}

crew::ProposedAction action(std::string kind, std::string amount = "",
                            std::string counterparty = "SUP-1") {
  crew::ProposedAction a;
  a.kind = std::move(kind);
  a.counterparty = std::move(counterparty);
  if (!amount.empty()) {
    a.amount = Money(Decimal::parse(amount).value(), Currency::make("EUR", 2).value());
  }
  a.reference = "OFFER-1";
  return a;
}

class GrantPolicyTest : public ::testing::Test {
 protected:
  GrantPolicyOptions options() {
    GrantPolicyOptions o;
    o.now = [this] { return now_; };
    return o;
  }
  crew::PolicyDecision decide(crew::Policy& policy, const crew::ProposedAction& a,
                              std::string case_id = "K1") {
    store::OutboxAction entry;
    entry.key = "key-" + std::to_string(++n_);
    entry.case_id = case_id;
    entry.task_id = "t";
    entry.kind = a.kind;
    entry.action = crew::action_to_json(a);
    auto txn = store_->begin().value();
    crew::PolicyDecision decision = policy.decide_in(*txn, entry, a);
    EXPECT_TRUE(txn->commit().ok());
    return decision;
  }
  std::int64_t now_ = kNow;
  int n_ = 0;
  std::unique_ptr<store::Store> store_ = store::open_memory_store();
};

TEST_F(GrantPolicyTest, WithinTheGrantIsAllowedAndSpendsTheBudget) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  auto d = decide(policy, action("sample.order", "120.00"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kAllow);
  EXPECT_EQ(d.reason, "within grant g-00000000000000aa (budget 2000.00 EUR: 120.00 EUR spent)");
  EXPECT_EQ(BudgetLedger::spent(*store_, "g-00000000000000aa")->to_string(), "120.00");
}

TEST_F(GrantPolicyTest, WithoutAnAmountIsAllowed) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  EXPECT_EQ(decide(policy, action("rfq.send")).verdict, PolicyVerdict::kAllow);
}

TEST_F(GrantPolicyTest, OverThePerActionCapNeedsApproval) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  auto d = decide(policy, action("sample.order", "500.01"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kNeedsApproval);
  EXPECT_EQ(d.reason, "over the per-action cap 500.00 EUR of grant g-00000000000000aa: 500.01 EUR");
}

TEST_F(GrantPolicyTest, OverTheBudgetNeedsApproval) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  for (int i = 0; i < 4; ++i) {
    crew::ProposedAction a = action("sample.order", "450.00");
    a.reference = "OFFER-" + std::to_string(i);
    ASSERT_EQ(decide(policy, a).verdict, PolicyVerdict::kAllow);
  }
  auto d = decide(policy, action("sample.order", "200.01"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kNeedsApproval);
  EXPECT_EQ(d.reason,
            "over the budget 2000.00 EUR of grant g-00000000000000aa (spent 1800.00 EUR, "
            "this action 200.01 EUR)");
}

TEST_F(GrantPolicyTest, AnActionOutsideTheGrantNeedsApproval) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  auto d = decide(policy, action("freight.book", "100"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kNeedsApproval);
  EXPECT_EQ(
      d.reason,
      "action freight.book is outside grant g-00000000000000aa (allows [rfq.send, sample.order])");
}

TEST_F(GrantPolicyTest, AnotherCounterpartyNeedsApproval) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  auto d = decide(policy, action("rfq.send", "", "SUP-9"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kNeedsApproval);
  EXPECT_EQ(d.reason, "counterparty 'SUP-9' is outside grant g-00000000000000aa (allows [SUP-1])");
}

TEST_F(GrantPolicyTest, AnotherCaseNeedsApproval) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  auto d = decide(policy, action("rfq.send"), "K2");
  EXPECT_EQ(d.verdict, PolicyVerdict::kNeedsApproval);
  EXPECT_EQ(d.reason, "case K2 is outside the scope of grant g-00000000000000aa");
}

TEST_F(GrantPolicyTest, AForbiddenKindIsDenied) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  auto d = decide(policy, action("payment.deposit", "10"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kDeny);
  EXPECT_EQ(d.reason,
            "action payment.deposit is forbidden by grant g-00000000000000aa ('payment.*')");
}

TEST_F(GrantPolicyTest, AnExpiredGrantDeniesEverything) {
  GrantPolicy policy(grant(), root_key().public_key, options());
  now_ = parse_time("2027-01-01T00:00:00Z").value();
  auto d = decide(policy, action("rfq.send"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kDeny);
  EXPECT_EQ(d.reason, "grant g-00000000000000aa expired at 2026-12-31T23:59:59Z");
}

TEST_F(GrantPolicyTest, AGrantFromAnotherRootDeniesEverything) {
  Seed other{};
  other.fill(8);
  GrantPolicy policy(grant(), KeyPair::from_seed(other).public_key, options());
  EXPECT_FALSE(policy.verify_status().ok());
  auto d = decide(policy, action("rfq.send"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kDeny);
  EXPECT_EQ(d.reason,
            "grant invalid: block 0: signature: does not verify with the workspace root key");
}

TEST_F(GrantPolicyTest, WithoutAGrantMoneyWaitsForAHuman) {
  GrantPolicy policy(options());
  EXPECT_EQ(decide(policy, action("rfq.send")).verdict, PolicyVerdict::kAllow);
  auto d = decide(policy, action("sample.order", "1"));
  EXPECT_EQ(d.verdict, PolicyVerdict::kNeedsApproval);
  EXPECT_EQ(d.reason, "moves money: 1.00 EUR (no grant)");
}

}  // namespace
}  // namespace kontor::policy
