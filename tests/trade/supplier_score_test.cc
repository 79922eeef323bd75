#include "trade/supplier_score.h"

#include <gtest/gtest.h>

namespace kontor::trade {
namespace {

Decimal dec(const char* text) { return Decimal::parse(text).value(); }
Money eur(const char* amount) { return Money(dec(amount), Currency::make("EUR", 2).value()); }

// Audited, 8 years, replies in 12 h, 95 % on time, 2 % defects; 4.20 EUR landed vs the best
// 3.90; 30 days production + 40 transit against a 90-day deadline; CE and LFGB required, the
// offer has an LFGB report.
SupplierScoreInputs candidate() {
  SupplierScoreInputs in;
  in.supplier = {"S1",        "Ningbo Hengda", SupplierVerification::kAudited, 8, 12, dec("0.95"),
                 dec("0.02"), {"ISO 9001"}};
  in.offer_certifications = {"LFGB"};
  in.required_certifications = {"CE", "lfgb"};
  in.landed_cost_per_unit = eur("4.20");
  in.best_landed_cost_per_unit = eur("3.90");
  in.lead_time_days = 30;
  in.transit_days = 40;
  in.days_to_deadline = 90;
  return in;
}

TEST(SupplierScore, PartsAreWorkedOutExactly) {
  auto score = score_supplier(candidate());
  ASSERT_TRUE(score.ok()) << score.status().message();
  ASSERT_EQ(score->parts.size(), 4u);
  // cost: 40 × 3.90 / 4.20 = 37.1428… → 37.14
  EXPECT_EQ(score->parts[0].points, dec("37.14"));
  // time: 20 days of slack ≥ 14 → full 20
  EXPECT_EQ(score->parts[1].points, dec("20"));
  // quality: 0.25 × 1 + 0.30 × 0.95 + 0.25 × (1 − 0.2) + 0.10 × 1 + 0.10 × 0.8 = 0.915;
  // 25 × 0.915 = 22.875 → 22.88 (half-even)
  EXPECT_EQ(score->parts[2].points, dec("22.88"));
  // compliance: 1 of 2 → 7.50
  EXPECT_EQ(score->parts[3].points, dec("7.50"));
  EXPECT_EQ(score->total, dec("87.52"));
}

TEST(SupplierScore, MissingCertificationIsFlagged) {
  auto score = score_supplier(candidate());
  ASSERT_TRUE(score.ok());
  EXPECT_EQ(score->missing_certifications, std::vector<std::string>{"CE"});
  EXPECT_EQ(score->flags, std::vector<std::string>{"no CE certificate or test report"});
}

TEST(SupplierScore, MissedDeadlineScoresNoTimePoints) {
  SupplierScoreInputs in = candidate();
  in.days_to_deadline = 64;  // 70 days needed
  auto score = score_supplier(in);
  ASSERT_TRUE(score.ok());
  EXPECT_TRUE(score->misses_deadline);
  EXPECT_EQ(score->parts[1].points, dec("0"));
  EXPECT_EQ(score->flags.front(), "misses the deadline by 6 days");
}

TEST(SupplierScore, LittleSlackScoresProportionally) {
  SupplierScoreInputs in = candidate();
  in.days_to_deadline = 77;  // 7 days of slack: 20 × (0.5 + 7/28) = 15
  auto score = score_supplier(in);
  ASSERT_TRUE(score.ok());
  EXPECT_EQ(score->parts[1].points, dec("15"));
}

TEST(SupplierScore, RejectsMixedCurrencies) {
  SupplierScoreInputs in = candidate();
  in.best_landed_cost_per_unit = Money(dec("3.90"), Currency::make("USD", 2).value());
  EXPECT_EQ(score_supplier(in).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kontor::trade
