#include "refdata/vat.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace kontor::refdata {
namespace {

using testing::D;
using testing::shared;

const VatTable& vat() {
  static const VatTable table = testing::must(VatTable::load(
      shared("tax_vat_rates_eu_ibericode.csv"), shared("tax_sales_tax_rates_world.csv")));
  return table;
}
CountryCode cc(const char* code) { return CountryCode::parse(code).value(); }
Decimal dec(const char* text) { return Decimal::parse(text).value(); }

TEST(VatTableTest, GermanStandardRateWithItsEffectiveDate) {
  auto rate = vat().rate(cc("DE"), D("2026-01-10"), VatRateKind::kStandard);
  ASSERT_TRUE(rate.ok()) << rate.status().to_string();
  EXPECT_EQ(rate->rate, dec("0.19"));
  EXPECT_EQ(rate->rate_text, "19");
  EXPECT_EQ(rate->tax_name, "VAT");
  EXPECT_EQ(rate->effective_from, D("2021-01-01"));
  EXPECT_EQ(rate->provenance.source->file, "tax_vat_rates_eu_ibericode.csv");
  EXPECT_EQ(rate->provenance.line, 9u);
}

TEST(VatTableTest, GermanTemporaryCutOf2020) {
  auto rate = vat().rate(cc("DE"), D("2020-09-01"), VatRateKind::kStandard);
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->rate, dec("0.16"));
  EXPECT_EQ(rate->effective_from, D("2020-07-01"));
  auto before = vat().rate(cc("DE"), D("2020-06-30"), VatRateKind::kStandard);
  EXPECT_EQ(before->rate, dec("0.19"));
  EXPECT_EQ(before->effective_from, D("1900-01-01"));  // "0000-01-01" in the file
}

TEST(VatTableTest, GermanReducedRate) {
  auto rate = vat().rate(cc("DE"), D("2026-01-10"), VatRateKind::kReduced);
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->rate, dec("0.07"));
  EXPECT_EQ(rate->kind, VatRateKind::kReduced);
}

TEST(VatTableTest, FrenchReducedRatesAreNumbered) {
  auto rate = vat().rate(cc("FR"), D("2025-03-01"), VatRateKind::kReduced1);
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->rate, dec("0.055"));
  EXPECT_EQ(vat().rate(cc("FR"), D("2025-03-01"), VatRateKind::kSuperReduced)->rate, dec("0.021"));
  auto plain = vat().rate(cc("FR"), D("2025-03-01"), VatRateKind::kReduced);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(plain.status().message().find("reduced1 5.5%, reduced2 10%"), std::string::npos)
      << plain.status().message();
}

TEST(VatTableTest, UnitedStatesHasNoFederalImportVat) {
  auto rate = vat().rate(cc("US"), D("2026-01-10"), VatRateKind::kStandard);
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->tax_name, "none");
  EXPECT_TRUE(rate->rate.is_zero());
  EXPECT_EQ(rate->provenance.line, 156u);
}

TEST(VatTableTest, WorldStandardRateWithHistory) {
  auto now = vat().rate(cc("CH"), D("2024-06-01"), VatRateKind::kStandard);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->rate, dec("0.081"));
  EXPECT_EQ(now->effective_from, D("2024-01-01"));  // 2023-12-31T22:00Z is midnight in Bern
  EXPECT_EQ(vat().rate(cc("CH"), D("2023-12-31"), VatRateKind::kStandard)->rate, dec("0.077"));
  EXPECT_EQ(vat().rate(cc("JP"), D("2024-06-01"), VatRateKind::kStandard)->tax_name, "VAT");
  EXPECT_EQ(vat().rate(cc("AU"), D("2024-06-01"), VatRateKind::kStandard)->tax_name, "GST");
}

TEST(VatTableTest, ReducedRateOutsideEuIsFailedPrecondition) {
  auto rate = vat().rate(cc("CN"), D("2024-06-01"), VatRateKind::kReduced);
  EXPECT_EQ(rate.status().code(), StatusCode::kFailedPrecondition);
}

TEST(VatTableTest, UnknownCountryIsNotFound) {
  EXPECT_EQ(vat().rate(cc("XX"), D("2024-06-01"), VatRateKind::kStandard).status().code(),
            StatusCode::kNotFound);
}

TEST(VatTableTest, RegionalRateAddsToTheNationalRate) {
  auto on = vat().regional_rate(cc("CA"), "ON", D("2025-06-01"));
  ASSERT_TRUE(on.ok()) << on.status().to_string();
  EXPECT_EQ(on->rate, dec("0.13"));
  EXPECT_EQ(on->tax_name, "HST");
  auto ceuta = vat().regional_rate(cc("ES"), "CE", D("2025-06-01"));
  ASSERT_TRUE(ceuta.ok());
  EXPECT_TRUE(ceuta->rate.is_zero());
}

TEST(VatTableTest, RateKindNamesRoundTrip) {
  EXPECT_EQ(vat_rate_kind_name(VatRateKind::kSuperReduced), "super_reduced");
  EXPECT_EQ(parse_vat_rate_kind("reduced2").value(), VatRateKind::kReduced2);
  EXPECT_EQ(parse_vat_rate_kind("low").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kontor::refdata
