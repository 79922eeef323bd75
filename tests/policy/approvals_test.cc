#include "policy/approvals.h"

#include <gtest/gtest.h>

#include "policy/action_digest.h"
#include "store/memory/memory_store.h"

namespace kontor::policy {
namespace {

using nlohmann::json;

constexpr std::int64_t kNow = 1'790'000'000;  // 2026-09-21

store::OutboxAction deposit() {
  store::OutboxAction a;
  a.key = "k-deposit";
  a.case_id = "K1";
  a.task_id = "pay";
  a.kind = "payment.deposit";
  a.action = {{"kind", "payment.deposit"},
              {"counterparty", "SUP-1"},
              {"amount", {{"amount", "360.00"}, {"currency", "EUR"}}},
              {"reference", "PO-1"},
              {"params", {{"iban", "DE02120300000000202051"}}},
              {"reason", "30% deposit"}};
  return a;
}

class ApprovalsTest : public ::testing::Test {
 protected:
  Status approve(const store::OutboxAction& a, std::int64_t expires = kNow + 3600) {
    auto txn = store_->begin().value();
    RETURN_IF_ERROR(ApprovalBook::approve(*txn, a, "human", kNow, expires).status());
    return txn->commit();
  }
  Status consume(const store::OutboxAction& a, std::int64_t now = kNow + 60) {
    auto txn = store_->begin().value();
    RETURN_IF_ERROR(ApprovalBook::consume(*txn, a, now));
    return txn->commit();
  }
  std::unique_ptr<store::Store> store_ = store::open_memory_store();
};

TEST(ActionDigestFieldsTest, EveryFieldChangesTheDigest) {
  const std::string base = action_digest(deposit());
  auto changed = [&](auto edit) {
    store::OutboxAction a = deposit();
    edit(a);
    return action_digest(a);
  };
  EXPECT_NE(base, changed([](auto& a) { a.case_id = "K2"; }));
  EXPECT_NE(base, changed([](auto& a) { a.action["kind"] = "payment.balance"; }));
  EXPECT_NE(base, changed([](auto& a) { a.action["counterparty"] = "SUP-2"; }));
  EXPECT_NE(base, changed([](auto& a) { a.action["amount"]["amount"] = "360.01"; }));
  EXPECT_NE(base, changed([](auto& a) { a.action["amount"]["currency"] = "USD"; }));
  EXPECT_NE(base, changed([](auto& a) { a.action["reference"] = "PO-2"; }));
  EXPECT_NE(base, changed([](auto& a) { a.action["params"]["iban"] = "DE89370400440532013000"; }));
  EXPECT_EQ(base, changed([](auto& a) { a.action["reason"] = "reworded"; }));
}

TEST(ActionDigestFieldsTest, CanonicalFormIsVersionedAndSorted) {
  EXPECT_EQ(action_canonical_form("K1", deposit().action),
            "kontor-action-v1\nK1\n{\"amount\":{\"amount\":\"360.00\",\"currency\":\"EUR\"},"
            "\"counterparty\":\"SUP-1\",\"kind\":\"payment.deposit\",\"params\":{\"iban\":"
            "\"DE02120300000000202051\"},\"reference\":\"PO-1\"}");
}

TEST_F(ApprovalsTest, AnApprovedActionRunsOnce) {
  ASSERT_TRUE(approve(deposit()).ok());
  EXPECT_TRUE(consume(deposit()).ok());
  Status again = consume(deposit(), kNow + 120);
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.message(),
            "action k-deposit: approval by human was already used at 2026-09-21T14:14:20Z");
}

TEST_F(ApprovalsTest, NoApprovalNoExecution) {
  EXPECT_EQ(consume(deposit()).message(), "action k-deposit: no approval on record");
}

TEST_F(ApprovalsTest, AnExpiredApprovalDoesNotCount) {
  ASSERT_TRUE(approve(deposit(), kNow + 30).ok());
  EXPECT_EQ(consume(deposit(), kNow + 31).message(),
            "action k-deposit: approval by human expired at 2026-09-21T14:13:50Z");
}

TEST_F(ApprovalsTest, AChangedParameterVoidsTheApproval) {
  ASSERT_TRUE(approve(deposit()).ok());
  store::OutboxAction changed = deposit();
  changed.action["params"]["iban"] = "GB33BUKB20201555555555";
  Status status = consume(changed);
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(status.message().starts_with(
      "action k-deposit: approval void: the action changed after it was approved (human "
      "approved digest " +
      action_digest(deposit()).substr(0, 12)))
      << status.message();
  EXPECT_TRUE(consume(deposit()).ok());  // the approved form still runs
}

TEST_F(ApprovalsTest, RearmAllowsOneMoreUseAfterReconciliation) {
  ASSERT_TRUE(approve(deposit()).ok());
  ASSERT_TRUE(consume(deposit()).ok());
  auto txn = store_->begin().value();
  ASSERT_TRUE(ApprovalBook::rearm(*txn, "k-deposit").ok());
  ASSERT_TRUE(txn->commit().ok());
  EXPECT_TRUE(consume(deposit()).ok());
  EXPECT_FALSE(consume(deposit()).ok());
}

}  // namespace
}  // namespace kontor::policy
