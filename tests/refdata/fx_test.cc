#include "refdata/fx.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace kontor::refdata {
namespace {

using testing::C;
using testing::D;
using testing::shared;

const FxTable& fx() {
  static const FxTable table = testing::must(
      FxTable::load(shared("fx_ecb_eurofxref_hist.csv"), shared("fx_fred_usd_rates_monthly.csv"),
                    shared("fx_hmrc_monthly_rates_gbp_2020_2023.csv")));
  return table;
}

Decimal dec(const char* text) { return Decimal::parse(text).value(); }

TEST(FxTableTest, EcbEurUsdOfAPublicationDay) {
  auto rate = fx().rate(C("EUR"), C("USD"), D("2025-05-09"));
  ASSERT_TRUE(rate.ok()) << rate.status().to_string();
  EXPECT_EQ(rate->rate, dec("1.1252"));
  EXPECT_EQ(rate->date, D("2025-05-09"));
  EXPECT_EQ(rate->provenance.source->file, "fx_ecb_eurofxref_hist.csv");
  EXPECT_EQ(rate->provenance.line, 2u);
  EXPECT_EQ(rate->provenance.key, "EUR/USD");
  EXPECT_EQ(rate->provenance.text, "1.1252");
  EXPECT_TRUE(rate->detail.empty());
}

TEST(FxTableTest, WeekendFallsBackToThePreviousPublication) {
  auto rate = fx().rate(C("EUR"), C("USD"), D("2025-05-11"));  // Sunday
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->date, D("2025-05-09"));
  EXPECT_EQ(rate->rate, dec("1.1252"));
}

TEST(FxTableTest, InverseRateIsRoundedHalfEvenToTenDecimals) {
  auto rate = fx().rate_from(FxSource::kEcb, C("USD"), C("EUR"), D("2025-05-09"));
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->rate, dec("0.8887308923"));
  EXPECT_EQ(rate->provenance.key, "USD/EUR");
  EXPECT_NE(rate->detail.find("EUR/USD 1.1252"), std::string::npos) << rate->detail;
}

TEST(FxTableTest, CrossRateThroughEurDescribesBothLegs) {
  auto rate = fx().rate(C("USD"), C("JPY", 0), D("2025-05-09"));
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->rate, dec("145.1830785638"));  // 163.36 / 1.1252
  EXPECT_EQ(rate->provenance.text, "163.36 / 1.1252");
  EXPECT_NE(rate->detail.find("EUR/JPY 163.36"), std::string::npos) << rate->detail;
  EXPECT_NE(rate->detail.find("EUR/USD 1.1252"), std::string::npos) << rate->detail;
}

TEST(FxTableTest, FedMonthlyRateIsUnitsPerUsd) {
  auto rate = fx().rate_from(FxSource::kFed, C("USD"), C("JPY", 0), D("2024-06-15"));
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->rate, dec("157.8600"));
  EXPECT_EQ(rate->date, D("2024-06-01"));
  EXPECT_EQ(rate->provenance.line, 7924u);
}

TEST(FxTableTest, FedEuroSeriesIsEurPerUsdLikeTheOthers) {
  // The data README calls the Euro series USD per EUR; the file holds EUR per USD. Checked
  // against the ECB: 0.9291 EUR per USD (June 2024) against 1.0842 USD per EUR (2024-06-03).
  auto fed = fx().rate_from(FxSource::kFed, C("USD"), C("EUR"), D("2024-06-15"));
  auto ecb = fx().rate_from(FxSource::kEcb, C("EUR"), C("USD"), D("2024-06-03"));
  ASSERT_TRUE(fed.ok() && ecb.ok());
  EXPECT_EQ(fed->rate, dec("0.9291"));
  const Decimal product = fed->rate * ecb->rate;  // ≈ 1 when both say the same thing
  EXPECT_GT(product, dec("0.98"));
  EXPECT_LT(product, dec("1.02"));
}

TEST(FxTableTest, FedServesPairsTheEcbDoesNotQuote) {
  auto rate = fx().rate(C("USD"), C("TWD"), D("2024-06-20"));
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->provenance.source->id, "fed_h10_monthly");
  EXPECT_EQ(rate->rate, dec("32.3768"));
}

TEST(FxTableTest, HmrcMonthlyRateHoldsForItsValidityPeriod) {
  auto rate = fx().rate_from(FxSource::kHmrc, C("GBP"), C("EUR"), D("2020-01-31"));
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->rate, dec("1.1748"));
  EXPECT_EQ(rate->date, D("2020-01-01"));
  EXPECT_EQ(rate->provenance.line, 1724u);
  EXPECT_EQ(rate->provenance.source->file, "fx_hmrc_monthly_rates_gbp_2020_2023.csv");
}

TEST(FxTableTest, HmrcCoversCurrenciesOnlyItPublishes) {
  auto rate = fx().rate(C("GBP"), C("AED"), D("2023-08-10"));
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->provenance.source->id, "hmrc_monthly");
  EXPECT_EQ(rate->rate, dec("4.7333"));
}

TEST(FxTableTest, StaleRateIsFailedPreconditionNamingItsDate) {
  auto rate = fx().rate_from(FxSource::kEcb, C("EUR"), C("USD"), D("2026-01-10"));
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(rate.status().message().find("2025-05-09"), std::string::npos);
}

TEST(FxTableTest, StaleEcbFallsThroughToTheFed) {
  auto rate = fx().rate(C("EUR"), C("USD"), D("2026-01-10"));
  ASSERT_TRUE(rate.ok()) << rate.status().to_string();
  EXPECT_EQ(rate->provenance.source->id, "fed_h10_monthly");
  EXPECT_EQ(rate->date, D("2026-01-01"));
}

TEST(FxTableTest, UnknownPairIsNotFound) {
  auto rate = fx().rate(C("EUR"), C("XYZ"), D("2024-01-10"));
  EXPECT_EQ(rate.status().code(), StatusCode::kNotFound);
  auto early = fx().rate(C("EUR"), C("USD"), D("1950-01-01"));
  EXPECT_EQ(early.status().code(), StatusCode::kNotFound);
}

TEST(FxTableTest, IdentityRate) {
  auto rate = fx().rate(C("CHF"), C("CHF"), D("2024-01-10"));
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->rate, Decimal(1));
  EXPECT_EQ(rate->provenance.rule, "identity");
}

TEST(FxTableTest, LatestPublicationPerSource) {
  EXPECT_EQ(fx().latest(FxSource::kEcb), D("2025-05-09"));
  EXPECT_EQ(fx().latest(FxSource::kFed), D("2026-06-01"));
  EXPECT_EQ(fx().latest(FxSource::kHmrc), D("2023-08-01"));
  EXPECT_EQ(fx_source_name(FxSource::kHmrc), "HMRC");
}

}  // namespace
}  // namespace kontor::refdata
