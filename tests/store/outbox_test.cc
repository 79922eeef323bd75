#include "store/outbox.h"

#include <gtest/gtest.h>

#include "store_backends.h"

namespace kontor::store::testing {
namespace {

using OutboxTest = BackendTest;

OutboxAction rfq() {
  OutboxAction a;
  a.task_id = "negotiation";
  a.kind = "rfq.send";
  a.action = {{"counterparty", "S1"}, {"params", {{"quantity", "2000"}}}};
  return a;
}

StatusOr<OutboxAction> move(Store& store, Outbox& outbox, std::string_view key, ActionState to) {
  ASSIGN_OR_RETURN(auto txn, store.begin());
  ASSIGN_OR_RETURN(OutboxAction a, outbox.transition(*txn, key, to, nullptr, "t"));
  RETURN_IF_ERROR(txn->commit());
  return a;
}

TEST(IdempotencyKey, IgnoresParameterOrderAndSeparatesFields) {
  nlohmann::json a = nlohmann::json::parse(R"({"b":1,"a":2})");
  nlohmann::json b = nlohmann::json::parse(R"({"a":2,"b":1})");
  EXPECT_EQ(idempotency_key("C", "t", "rfq.send", a), idempotency_key("C", "t", "rfq.send", b));
  EXPECT_NE(idempotency_key("C", "ab", "c", a), idempotency_key("C", "a", "bc", a));
  EXPECT_EQ(idempotency_key("C", "t", "k", a).size(), 32u);
}

TEST(ActionStateMachine, ExecutingCannotGoBackToApprovedDirectly) {
  EXPECT_TRUE(can_transition(ActionState::kApproved, ActionState::kExecuting));
  EXPECT_FALSE(can_transition(ActionState::kExecuting, ActionState::kApproved));
  EXPECT_TRUE(can_transition(ActionState::kExecuting, ActionState::kOutcomeUnknown));
  EXPECT_TRUE(can_transition(ActionState::kOutcomeUnknown, ActionState::kApproved));
  EXPECT_FALSE(can_transition(ActionState::kDone, ActionState::kExecuting));
}

TEST(ActionStateMachine, NamesRoundTrip) {
  for (auto s : {ActionState::kProposed, ActionState::kAwaitingApproval, ActionState::kApproved,
                 ActionState::kExecuting, ActionState::kDone, ActionState::kFailed,
                 ActionState::kOutcomeUnknown, ActionState::kDenied}) {
    EXPECT_EQ(parse_action_state(action_state_name(s)), s);
  }
  EXPECT_EQ(action_state_name(ActionState::kAwaitingApproval), "awaiting_approval");
}

TEST_P(OutboxTest, AddingTheSameActionTwiceKeepsOne) {
  Outbox outbox(*store_, "C1");
  auto txn = store_->begin();
  auto first = outbox.add(**txn, rfq());
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->second);
  auto again = outbox.add(**txn, rfq());
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->second);
  EXPECT_EQ(again->first.key, first->first.key);
  ASSERT_TRUE((*txn)->commit().ok());
  EXPECT_EQ(outbox.list()->size(), 1u);
}

TEST_P(OutboxTest, HappyPathReachesDoneWithResult) {
  Outbox outbox(*store_, "C1");
  std::string key;
  {
    auto txn = store_->begin();
    key = outbox.add(**txn, rfq())->first.key;
    ASSERT_TRUE((*txn)->commit().ok());
  }
  ASSERT_TRUE(move(*store_, outbox, key, ActionState::kApproved).ok());
  ASSERT_TRUE(move(*store_, outbox, key, ActionState::kExecuting).ok());
  auto txn = store_->begin();
  ASSERT_TRUE(outbox.transition(**txn, key, ActionState::kDone, {{"rfq", "RFQ-1"}}, "t").ok());
  ASSERT_TRUE((*txn)->commit().ok());
  auto stored = outbox.get(key);
  EXPECT_EQ((*stored)->state, ActionState::kDone);
  EXPECT_EQ((*stored)->result["rfq"], "RFQ-1");
  EXPECT_EQ((*stored)->task_id, "negotiation");
}

TEST_P(OutboxTest, ForbiddenTransitionIsFailedPrecondition) {
  Outbox outbox(*store_, "C1");
  std::string key;
  {
    auto txn = store_->begin();
    key = outbox.add(**txn, rfq())->first.key;
    ASSERT_TRUE((*txn)->commit().ok());
  }
  auto skipped = move(*store_, outbox, key, ActionState::kExecuting);
  EXPECT_EQ(skipped.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(skipped.status().message().find("cannot go from proposed to executing"),
            std::string::npos);
}

TEST_P(OutboxTest, UnknownKeyIsNotFound) {
  Outbox outbox(*store_, "C1");
  EXPECT_EQ(move(*store_, outbox, "nope", ActionState::kApproved).status().code(),
            StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxTest, ::testing::ValuesIn(all_backends()), backend_name);

}  // namespace
}  // namespace kontor::store::testing
