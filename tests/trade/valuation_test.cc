#include "trade/valuation.h"

#include <gtest/gtest.h>

namespace kontor::trade {
namespace {

Currency usd() { return Currency::make("USD", 2).value(); }
Money M(std::string_view amount) { return Money(Decimal::parse(amount).value(), usd()); }

ValuationInput input(Incoterm term, refdata::ValuationBasis basis) {
  ValuationInput in;
  in.price = M("10000");
  in.incoterm = term;
  in.basis = basis;
  return in;
}

void set(ValuationInput& in, CostElement e, std::string_view amount) {
  in.costs[static_cast<int>(e)] = M(amount);
}

TEST(ValuationTest, FobPriceOnCifBasisAddsFreightAndInsurance) {
  auto in = input(Incoterm::kFOB, refdata::ValuationBasis::kCif);
  set(in, CostElement::kFreight, "100");
  set(in, CostElement::kInsurance, "50");
  auto v = value_goods(in);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->customs_value, M("10150"));
}

TEST(ValuationTest, CifPriceOnCifBasisNeedsNoTransportFigures) {
  auto v = value_goods(input(Incoterm::kCIF, refdata::ValuationBasis::kCif));
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->customs_value, M("10000"));
}

TEST(ValuationTest, CifPriceOnFobBasisDeductsFreightAndInsurance) {
  auto in = input(Incoterm::kCIF, refdata::ValuationBasis::kFob);
  set(in, CostElement::kFreight, "800");
  set(in, CostElement::kInsurance, "30");
  auto v = value_goods(in);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->customs_value, M("9170"));
  EXPECT_EQ(v->adjustments[static_cast<int>(CostElement::kFreight)]->amount, M("-800"));
}

TEST(ValuationTest, MissingFreightIsAnErrorNamingTheField) {
  auto in = input(Incoterm::kFOB, refdata::ValuationBasis::kCif);
  set(in, CostElement::kInsurance, "0");
  auto v = value_goods(in);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(v.status().message().rfind("freight: needed for customs valuation", 0), 0u)
      << v.status().message();
}

TEST(ValuationTest, ExplicitZeroInsuranceIsAccepted) {
  auto in = input(Incoterm::kCFR, refdata::ValuationBasis::kCif);
  set(in, CostElement::kInsurance, "0");
  auto v = value_goods(in);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->customs_value, M("10000"));
}

TEST(ValuationTest, ExwPriceNeedsOriginCharges) {
  auto in = input(Incoterm::kEXW, refdata::ValuationBasis::kFob);
  EXPECT_FALSE(value_goods(in).ok());
  set(in, CostElement::kOriginCharges, "250");
  auto v = value_goods(in);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->customs_value, M("10250"));
}

TEST(ValuationTest, DapPriceOnCifBasisDeductsDeliveryAfterArrival) {
  auto in = input(Incoterm::kDAP, refdata::ValuationBasis::kCif);
  set(in, CostElement::kInsurance, "20");
  set(in, CostElement::kDestinationDelivery, "300");
  auto v = value_goods(in);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->customs_value, M("9720"));
}

TEST(ValuationTest, DdpIsRejectedWithAWayForward) {
  auto v = value_goods(input(Incoterm::kDDP, refdata::ValuationBasis::kCif));
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("DAP"), std::string::npos);
}

TEST(ValuationTest, CostsLargerThanThePriceAreRejected) {
  auto in = input(Incoterm::kCIF, refdata::ValuationBasis::kFob);
  set(in, CostElement::kFreight, "9000");
  set(in, CostElement::kInsurance, "2000");
  EXPECT_FALSE(value_goods(in).ok());
}

}  // namespace
}  // namespace kontor::trade
