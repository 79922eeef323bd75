#include <gtest/gtest.h>

#include "catalog/types.h"

namespace kontor::catalog {
namespace {

Offer bottle_offer() {
  Offer o;
  o.id = "OF-1";
  o.currency = currency_from_code("USD").value();
  o.moq = 500;
  o.tiers = {{500, Decimal::parse("4.80").value()},
             {2000, Decimal::parse("4.35").value()},
             {10000, Decimal::parse("3.95").value()}};
  return o;
}

TEST(TierPrice, QuantityBelowMoqIsRefused) {
  auto price = bottle_offer().unit_price(499);
  ASSERT_FALSE(price.ok());
  EXPECT_EQ(price.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(price.status().message(), "offer OF-1: quantity 499 is below the MOQ of 500");
}

TEST(TierPrice, MoqGetsFirstTier) {
  EXPECT_EQ(bottle_offer().unit_price(500)->to_string(), "4.80 USD");
}

TEST(TierPrice, JustBelowTierBoundaryKeepsLowerTier) {
  EXPECT_EQ(bottle_offer().unit_price(1999)->to_string(), "4.80 USD");
}

TEST(TierPrice, TierBoundaryIsInclusive) {
  EXPECT_EQ(bottle_offer().unit_price(2000)->to_string(), "4.35 USD");
}

TEST(TierPrice, LargeOrderGetsLastTier) {
  EXPECT_EQ(bottle_offer().unit_price(250000)->to_string(), "3.95 USD");
}

TEST(TierPrice, ZeroDecimalCurrencyHasMinorUnitZero) {
  EXPECT_EQ(currency_from_code("VND")->minor_unit(), 0);
  EXPECT_EQ(currency_from_code("KWD")->minor_unit(), 3);
  EXPECT_EQ(currency_from_code("EUR")->minor_unit(), 2);
}

}  // namespace
}  // namespace kontor::catalog
