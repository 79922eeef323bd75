// The grant a case runs under is stored with it: a later process (resume, approve, the server)
// given no grant acts under the stored one, and one given another grant does not use it.
#include <gtest/gtest.h>

#include "crew/runner.h"
#include "policy/budget.h"
#include "policy/case_grant_policy.h"
#include "policy/grant_cache.h"
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

Grant make_grant(const KeyPair& root, std::string id, const char* budget) {
  Block b;
  b.id = std::move(id);
  b.holder = "workspace";
  b.actions = std::vector<std::string>{"sample.order"};
  b.max = Cap{*Decimal::parse("500"), "EUR"};
  b.budget = Cap{*Decimal::parse(budget), "EUR"};
  b.expires = *parse_time("2026-12-31");
  return *Grant::create(root, b);
}

class CaseGrantTest : public ::testing::Test {
 protected:
  CaseGrantTest() {
    registry_.add("sampler", [] { return std::make_unique<SampleAgent>(); });
    Seed seed{};
    seed.fill(5);
    root_ = KeyPair::from_seed(seed);
    grant_ = make_grant(root_, "g-00000000000000d1", "1000");
  }
  crew::NewCase new_case(std::string id, std::vector<crew::TaskSpec> tasks) {
    return sample_case(std::move(tasks), std::move(id));
  }
  const store::OutboxAction* find(const crew::CaseSummary& s, std::string_view reference) {
    return find_action(s, reference);
  }
  GrantPolicyOptions at_noon() {
    return {.now = [] { return *parse_time("2026-11-23T12:00:00Z"); }};
  }
  std::string spent(const char* counter) {
    return BudgetLedger::spent(*store_, counter)->to_string();
  }

  std::unique_ptr<store::Store> store_ = store::open_memory_store();
  crew::AgentRegistry registry_;
  crew::RecordingExecutor executor_;
  KeyPair root_;
  std::optional<Grant> grant_;
};

TEST_F(CaseGrantTest, TheGrantARunActsUnderIsStoredWithTheCase) {
  CaseGrantPolicy policy(root_.public_key, *grant_, at_noon());
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &executor_});
  auto summary = runner.start(new_case("K1", {sample("small", "120.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(find(*summary, "OFFER-small")->state, ActionState::kDone);
  auto token = CaseGrantPolicy::bound_token(*store_, "K1");
  ASSERT_TRUE(token.ok() && token->has_value());
  EXPECT_EQ(**token, grant_->encode());
}

TEST_F(CaseGrantTest, ALaterProcessWithoutTheGrantApprovesUnderTheStoredOne) {
  {
    CaseGrantPolicy with_grant(root_.public_key, *grant_, at_noon());
    crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &with_grant, &executor_});
    ASSERT_TRUE(
        runner.start(new_case("K1", {sample("small", "120.00"), sample("big", "800.00")})).ok());
  }
  EXPECT_EQ(spent("g-00000000000000d1"), "120.00");
  // `kontor approve` (or the server) later, given no grant.
  CaseGrantPolicy later(root_.public_key, std::nullopt, at_noon());
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &later, &executor_});
  auto inspected = runner.inspect("K1");
  ASSERT_TRUE(inspected.ok());
  auto approved = runner.approve("K1", find(*inspected, "OFFER-big")->key);
  ASSERT_TRUE(approved.ok()) << approved.status().to_string();
  EXPECT_EQ(find(*approved, "OFFER-big")->state, ActionState::kDone);
  // Charged to the grant stored with the case, and its approval was digest-bound and consumed.
  EXPECT_EQ(spent("g-00000000000000d1"), "920.00");
  auto approval = store_->get("policy/approvals", find(*approved, "OFFER-big")->key);
  ASSERT_TRUE(approval.ok() && approval->has_value());
  EXPECT_NE((*approval)->body.find("\"used_at\""), std::string::npos);
}

TEST_F(CaseGrantTest, ACaseWithoutAGrantKeepsTheDefault) {
  CaseGrantPolicy policy(root_.public_key, std::nullopt, at_noon());
  crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &policy, &executor_});
  auto summary = runner.start(new_case("K1", {sample("small", "120.00")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(find(*summary, "OFFER-small")->state, ActionState::kAwaitingApproval);
  EXPECT_FALSE(CaseGrantPolicy::bound_token(*store_, "K1")->has_value());
  EXPECT_EQ(store_->count("policy/approvals").value(), 0);
}

TEST_F(CaseGrantTest, AnotherGrantOfferedForABoundCaseIsNotUsed) {
  {
    CaseGrantPolicy first(root_.public_key, *grant_, at_noon());
    crew::Runner runner(*store_, registry_, crew::RunnerServices{nullptr, &first, &executor_});
    ASSERT_TRUE(runner.start(new_case("K1", {sample("small", "120.00")})).ok());
  }
  const Grant wider = make_grant(root_, "g-00000000000000d2", "5000");
  CaseGrantPolicy second(root_.public_key, wider, at_noon());
  store::OutboxAction entry;
  entry.key = "k-2";
  entry.case_id = "K1";
  ProposedAction order{"sample.order",
                       "SUP-1",
                       Money(*Decimal::parse("50.00"), *Currency::make("EUR", 2)),
                       "OFFER-2",
                       nlohmann::json::object(),
                       ""};
  entry.action = crew::action_to_json(order);
  auto txn = store_->begin().value();
  crew::PolicyDecision decision = second.decide_in(*txn, entry, order);
  EXPECT_EQ(decision.verdict, crew::PolicyVerdict::kNeedsApproval);
  EXPECT_EQ(decision.reason,
            "case K1 runs under grant g-00000000000000d1 (stored with it); the grant "
            "g-00000000000000d2 given now is not used");
  EXPECT_EQ(CaseGrantPolicy::bind(*txn, "K1", wider, 0).code(), StatusCode::kAlreadyExists);
}

TEST_F(CaseGrantTest, AStoredGrantThatNoLongerVerifiesDeniesTheAction) {
  Seed other_seed{};
  other_seed.fill(6);
  const Grant foreign = make_grant(KeyPair::from_seed(other_seed), "g-00000000000000d3", "1000");
  auto txn = store_->begin().value();
  ASSERT_TRUE(CaseGrantPolicy::bind(*txn, "K1", foreign, 0).ok());
  CaseGrantPolicy policy(root_.public_key, std::nullopt, at_noon());
  store::OutboxAction entry;
  entry.key = "k-1";
  entry.case_id = "K1";
  ProposedAction order{"sample.order",           "SUP-1", std::nullopt, "OFFER-1",
                       nlohmann::json::object(), ""};
  entry.action = crew::action_to_json(order);
  crew::PolicyDecision decision = policy.decide_in(*txn, entry, order);
  EXPECT_EQ(decision.verdict, crew::PolicyVerdict::kDeny);
  EXPECT_EQ(decision.reason.rfind("grant stored with case K1: ", 0), 0u) << decision.reason;
}

TEST(VerifiedGrantCacheTest, VerifiesATokenOnceAndRefusesAForgedOne) {
  Seed seed{};
  seed.fill(5);
  const KeyPair root = KeyPair::from_seed(seed);
  const std::string token = make_grant(root, "g-00000000000000d1", "1000").encode();
  VerifiedGrantCache cache(root.public_key);
  auto first = cache.effective(token);
  auto second = cache.effective(token);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ((*first)->id, "g-00000000000000d1");
  EXPECT_EQ(cache.size(), 1u);
  Seed other{};
  other.fill(6);
  VerifiedGrantCache elsewhere(KeyPair::from_seed(other).public_key);
  EXPECT_FALSE(elsewhere.effective(token).ok());
  EXPECT_EQ(elsewhere.size(), 0u);
}

}  // namespace
}  // namespace kontor::policy
