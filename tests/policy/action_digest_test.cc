#include "policy/action_digest.h"

#include <gtest/gtest.h>

#include "core/money.h"
#include "crew/actions.h"

namespace kontor::policy {
namespace {

crew::ProposedAction sample_order() {
  crew::ProposedAction action;
  action.kind = "sample.order";
  action.counterparty = "SUP-0042";
  action.amount = Money(Decimal::parse("120.00").value(), Currency::make("EUR", 2).value());
  action.reference = "OFFER-17";
  action.params = {{"quantity", 3}, {"sku", "BTL-750"}};
  action.reason = "check the finish before ordering 2000";
  return action;
}

TEST(ActionDigestTest, IsSixtyFourHexDigitsAndStable) {
  const std::string digest = action_digest("K1", sample_order());
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_EQ(digest.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(digest, action_digest("K1", sample_order()));
}

}  // namespace
}  // namespace kontor::policy
