// Parsing of tariff rate texts as printed in the US HTS 2024, the EU CET 2020 and the UK Global
// Tariff 2021. Every text below is copied from those files (line cited where it is rare).
#include "trade/duty_rate.h"

#include <gtest/gtest.h>

namespace kontor::trade {
namespace {

DutyRate parse(std::string_view text, std::string_view jurisdiction = "US") {
  StatusOr<DutyRate> rate = parse_duty_rate(text, jurisdiction);
  EXPECT_TRUE(rate.ok()) << rate.status().to_string();
  return rate.ok() ? *rate : DutyRate{};
}

Decimal dec(std::string_view text) { return *Decimal::parse(text); }

TEST(DutyRateTest, FreeHasNoComponents) {
  DutyRate rate = parse("Free");
  EXPECT_EQ(rate.form, DutyForm::kFree);
  EXPECT_EQ(rate.component_count, 0);
  EXPECT_TRUE(rate.condition.empty());
}

TEST(DutyRateTest, ConditionalFreeKeepsTheCondition) {
  DutyRate rate = parse("Free, under bond, as prescribed in U.S. note 2 to this subchapter");
  EXPECT_EQ(rate.form, DutyForm::kFree);
  EXPECT_EQ(rate.condition, "under bond, as prescribed in U.S. note 2 to this subchapter");
}

TEST(DutyRateTest, AdValoremIsAFraction) {
  DutyRate rate = parse("2.6%");
  EXPECT_EQ(rate.form, DutyForm::kAdValorem);
  ASSERT_EQ(rate.component_count, 1);
  EXPECT_TRUE(rate.components[0].is_ad_valorem());
  EXPECT_EQ(rate.components[0].rate, dec("0.026"));
  EXPECT_EQ(rate.text, "2.6%");
}

TEST(DutyRateTest, MarkupIsIgnored) {
  EXPECT_EQ(parse("2.5% <u></u>").components[0].rate, dec("0.025"));  // 8708.22.00.00
  DutyRate area = parse("18.7¢/m<sup>2</sup>");                       // 7005.29.08
  EXPECT_EQ(area.components[0].unit, Unit::kSquareMetre);
}

TEST(DutyRateTest, CentsPerKilogramAreDollars) {
  DutyRate rate = parse("4.4¢/kg");
  EXPECT_EQ(rate.form, DutyForm::kSpecific);
  const DutyComponent& c = rate.components[0];
  EXPECT_EQ(c.kind, DutyComponent::Kind::kSpecific);
  EXPECT_EQ(c.rate, dec("0.044"));
  EXPECT_EQ(c.currency(), "USD");
  EXPECT_EQ(c.unit, Unit::kKilogram);
  EXPECT_EQ(c.per(), 1u);
}

TEST(DutyRateTest, DollarsPerDozen) {
  const DutyComponent c = parse("$1.05/doz.").components[0];
  EXPECT_EQ(c.rate, dec("1.05"));
  EXPECT_EQ(c.unit, Unit::kDozen);
}

TEST(DutyRateTest, EachIsPerPiece) {
  const DutyComponent c = parse("1¢ each").components[0];
  EXPECT_EQ(c.rate, dec("0.01"));
  EXPECT_EQ(c.unit, Unit::kPiece);
}

TEST(DutyRateTest, PerThousandPieces) {
  const DutyComponent c = parse("89.6¢/1000").components[0];  // 0601.10.15.00
  EXPECT_EQ(c.rate, dec("0.896"));
  EXPECT_EQ(c.unit, Unit::kPiece);
  EXPECT_EQ(c.per(), 1000u);
}

TEST(DutyRateTest, UsUnitsOfMeasure) {
  EXPECT_EQ(parse("76¢/pr.").components[0].unit, Unit::kPair);
  EXPECT_EQ(parse("$1.24/t").components[0].unit, Unit::kTonne);
  EXPECT_EQ(parse("0.34¢/liter").components[0].unit, Unit::kLitre);
  EXPECT_EQ(parse("5.25¢/bbl").components[0].unit, Unit::kBarrel);
  EXPECT_EQ(parse("6.5¢/gross").components[0].unit, Unit::kGross);
  EXPECT_EQ(parse("68¢/head").components[0].unit, Unit::kPiece);
}

TEST(DutyRateTest, ProofLitreIsAQualifiedLitre) {
  const DutyComponent c = parse("18.9¢/pf.liter").components[0];
  EXPECT_EQ(c.unit, Unit::kLitre);
  EXPECT_EQ(c.basis, DutyBasis::kProofLitres);
  EXPECT_EQ(c.rate, dec("0.189"));
}

TEST(DutyRateTest, CompoundKeepsBothComponents) {
  DutyRate rate = parse("25¢/kg + 3.6%");
  EXPECT_EQ(rate.form, DutyForm::kCompound);
  ASSERT_EQ(rate.component_count, 2);
  EXPECT_EQ(rate.components[0].rate, dec("0.25"));
  EXPECT_EQ(rate.components[1].rate, dec("0.036"));
  EXPECT_EQ(describe(rate), "0.25 USD/kg + 3.6%");
}

TEST(DutyRateTest, DrainedWeightIsABasis) {
  const DutyComponent c = parse("3.7¢/kg on drained weight").components[0];
  EXPECT_EQ(c.basis, DutyBasis::kDrainedWeight);
  EXPECT_EQ(c.unit, Unit::kKilogram);
}

TEST(DutyRateTest, WatchPartsAreValueBases) {
  DutyRate rate =
      parse("44¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery");
  ASSERT_EQ(rate.component_count, 4);
  EXPECT_EQ(rate.components[1].basis, DutyBasis::kCaseValue);
  EXPECT_EQ(rate.components[2].basis, DutyBasis::kStrapValue);
  EXPECT_EQ(rate.components[3].basis, DutyBasis::kBatteryValue);
  EXPECT_EQ(rate.components[3].rate, dec("0.053"));
}

TEST(DutyRateTest, JewelsAboveAThreshold) {
  DutyRate rate = parse("43¢ each + 2.8¢/jewel over 7 + 3.7% on the case");  // 9105.19.30
  EXPECT_EQ(rate.components[1].basis, DutyBasis::kJewels);
  EXPECT_EQ(rate.components[1].excess_over, 7);
}

TEST(DutyRateTest, LeadContentValueIsAValueBasis) {
  DutyRate rate = parse("2.5% on the value of the lead content");  // 7801.10.00.00
  EXPECT_EQ(rate.components[0].basis, DutyBasis::kLeadContentValue);
}

TEST(DutyRateTest, MixedNumberPercentage) {
  EXPECT_EQ(parse("12 1/2%").components[0].rate, dec("0.125"));
}

TEST(DutyRateTest, SectionThreeOhOneAddsToTheBaseLine) {
  DutyRate rate = parse("The duty provided in the applicable subheading + 25%");
  EXPECT_EQ(rate.form, DutyForm::kAdditional);
  ASSERT_EQ(rate.component_count, 1);
  EXPECT_EQ(rate.components[0].rate, dec("0.25"));
}

TEST(DutyRateTest, AdditionalSpellingsAgree) {
  for (std::string_view text : {"The duty provided in the applicable subheading plus 25%",
                                "The duty provided inthe applicable subheading+ 25%",
                                "[The duty provided in the applicable subheading + 25%]"}) {
    DutyRate rate = parse(text);
    EXPECT_EQ(rate.form, DutyForm::kAdditional) << text;
    EXPECT_EQ(rate.components[0].rate, dec("0.25")) << text;
  }
}

TEST(DutyRateTest, MinusReducesTheBaseRate) {
  DutyRate rate = parse("The duty rate provided in such subheading minus 0.5%");  // 9822.05.30
  EXPECT_EQ(rate.form, DutyForm::kAdditional);
  EXPECT_EQ(rate.components[0].rate, dec("-0.005"));
}

TEST(DutyRateTest, NoChangeIsTheBaseDuty) {
  DutyRate rate = parse("No change");
  EXPECT_EQ(rate.form, DutyForm::kAdditional);
  EXPECT_EQ(rate.component_count, 0);
}

TEST(DutyRateTest, NoteReferenceIsNotComputable) {
  DutyRate rate = parse("See additional U.S. note 1");
  EXPECT_EQ(rate.form, DutyForm::kNotComputable);
  EXPECT_EQ(rate.reason, NotComputableReason::kSeeNote);
}

TEST(DutyRateTest, EnsembleIsNotComputable) {
  DutyRate rate =
      parse("The rate applicable to each garment in the ensemble if separately entered");
  EXPECT_EQ(rate.reason, NotComputableReason::kEnsembleGarments);
}

TEST(DutyRateTest, SugarPolarityIsNotComputable) {
  DutyRate rate = parse(
      "3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a "
      "degree in proportion) but not less than 3.143854¢/kg");  // 1701.12.05.00
  EXPECT_EQ(rate.reason, NotComputableReason::kSugarPolarity);
}

TEST(DutyRateTest, EuAgriculturalComponentIsNotComputable) {
  DutyRate rate = parse("9.00% +  EA MAX 18.70%  + ADSZ", "EU");  // CN 17049051
  EXPECT_EQ(rate.form, DutyForm::kNotComputable);
  EXPECT_EQ(rate.reason, NotComputableReason::kEuAgriculturalComponent);
}

TEST(DutyRateTest, EntryPriceIsNotComputable) {
  EXPECT_EQ(parse("Entry Price", "EU").reason, NotComputableReason::kEntryPrice);
}

TEST(DutyRateTest, EuSpecificPerHundredKilograms) {
  const DutyComponent c = parse("41.20 EUR / 100 kg", "EU").components[0];
  EXPECT_EQ(c.rate, dec("41.20"));
  EXPECT_EQ(c.currency(), "EUR");
  EXPECT_EQ(c.unit, Unit::kKilogram);
  EXPECT_EQ(c.per(), 100u);
}

TEST(DutyRateTest, CurrencyBeforeTheAmount) {
  const DutyComponent c = parse("EUR 4.4 / 100 kg", "EU").components[0];
  EXPECT_EQ(c.rate, dec("4.4"));
  EXPECT_EQ(c.per(), 100u);
}

TEST(DutyRateTest, UkCompoundInPounds) {
  DutyRate rate = parse("10.00% + 77.00 GBP/100kg", "GB");  // UKGT 01022910
  EXPECT_EQ(rate.form, DutyForm::kCompound);
  EXPECT_EQ(rate.components[1].currency(), "GBP");
  EXPECT_EQ(rate.components[1].per(), 100u);
}

TEST(DutyRateTest, MinimumAndMaximumClauses) {
  DutyRate rate = parse("18.40% MIN 22.00 EUR / 100 kg MAX 24.00 EUR / 100 kg", "EU");
  ASSERT_EQ(rate.component_count, 3);
  EXPECT_EQ(rate.components[0].clause, DutyClause::kMain);
  EXPECT_EQ(rate.components[1].clause, DutyClause::kMinimum);
  EXPECT_EQ(rate.components[2].clause, DutyClause::kMaximum);
  EXPECT_EQ(rate.form, DutyForm::kCompound);
}

TEST(DutyRateTest, CompoundMaximum) {
  DutyRate rate = parse("9.10% + 45.10 EUR / 100 kg MAX 18.90% + 16.50 EUR / 100 kg", "EU");
  EXPECT_EQ(describe(rate), "9.1% + 45.1 EUR/100 kg MAX 18.9% + 16.5 EUR/100 kg");
}

TEST(DutyRateTest, AlcoholByVolumePerHectolitre) {
  const DutyComponent c = parse("1.75 EUR / % vol / hl", "EU").components[0];
  EXPECT_EQ(c.unit, Unit::kLitre);
  EXPECT_EQ(c.per(), 100u);
  EXPECT_EQ(c.per_percent, PerPercent::kAlcoholByVolume);
}

TEST(DutyRateTest, ThousandItemsWithSeparator) {
  const DutyComponent c = parse("52.00 EUR / 1,000 items", "EU").components[0];
  EXPECT_EQ(c.per(), 1000u);
  EXPECT_EQ(c.unit, Unit::kPiece);
  EXPECT_EQ(parse("1,024.00 EUR / tonne", "EU").components[0].rate, dec("1024"));
}

TEST(DutyRateTest, EuBareNumberIsAPercentage) {
  DutyRate rate = parse("8.3 + 3.8 EUR/100 kg eda", "EU");  // CN 2008999120; UK: "8.00% + …"
  EXPECT_EQ(rate.components[0].rate, dec("0.083"));
  EXPECT_EQ(rate.components[1].basis, DutyBasis::kDrainedWeight);
}

TEST(DutyRateTest, UsBareNumberIsAnError) {
  StatusOr<DutyRate> rate = parse_duty_rate("6.4 + 2¢/kg", "US");
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.status().code(), StatusCode::kInvalidArgument);
}

TEST(DutyRateTest, SeasonalEuRate) {
  DutyRate rate =
      parse("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)", "EU");  // 03024100
  EXPECT_EQ(rate.form, DutyForm::kSeasonal);
  ASSERT_EQ(rate.season_count, 2);
  EXPECT_EQ(rate.seasons[0].range_count, 2);
  EXPECT_TRUE(rate.seasons[0].ranges[1].contains(6, 16));
  EXPECT_FALSE(rate.seasons[0].ranges[1].contains(6, 15));
  EXPECT_EQ(rate.components[1].season, 1);
}

TEST(DutyRateTest, SeasonWrapsOverTheNewYear) {
  DutyRate rate = parse("14.00% (01 JUL - 31 JAN), 0.00% (01 FEB - 30 JUN)", "GB");
  EXPECT_TRUE(rate.seasons[0].ranges[0].contains(1, 15));
  EXPECT_TRUE(rate.seasons[0].ranges[0].contains(12, 31));
  EXPECT_FALSE(rate.seasons[0].ranges[0].contains(3, 1));
}

TEST(DutyRateTest, LastSeasonWithoutDatesIsTheRest) {
  DutyRate rate = parse(
      "9.60% MIN 1.1\u00a0€/100\u00a0kg/net (01 JAN-14 APR, 1 DEC-31 DEC), 13.60% MIN "
      "1.6€/100kg/net",
      "EU");  // CN 07041000
  ASSERT_EQ(rate.season_count, 2);
  EXPECT_EQ(rate.seasons[1].range_count, 0);
  EXPECT_EQ(rate.component_count, 4);
}

TEST(DutyRateTest, DayPastTheMonthsEndIsItsLastDay) {
  DutyRate rate = parse(
      "11.20% (01 JAN-31 APR, 01 AUG-31 DEC), 12.80% MIN 2.4€/100kg/net "
      "(01 MAY-31 JUL)",
      "EU");  // CN 08101000
  EXPECT_EQ(rate.seasons[0].ranges[0].to_day, 30);
}

TEST(DutyRateTest, UnknownUnitIsAnErrorQuotingTheText) {
  StatusOr<DutyRate> rate = parse_duty_rate("5¢/furlong", "US");
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.status().message(), "duty rate '5¢/furlong': unknown unit of a specific rate");
}

TEST(DutyRateTest, GarbageIsAnError) {
  EXPECT_FALSE(parse_duty_rate("abc", "US").ok());
  EXPECT_FALSE(parse_duty_rate("", "US").ok());
  EXPECT_FALSE(parse_duty_rate("5% 6%", "US").ok());
}

TEST(DutyRateTest, UnknownJurisdictionIsAnError) {
  StatusOr<DutyRate> rate = parse_duty_rate("5%", "XX");
  ASSERT_FALSE(rate.ok());
  EXPECT_EQ(rate.status().code(), StatusCode::kInvalidArgument);
}

TEST(DutyRateTest, SpecialColumnSplitsByProgramme) {
  std::string_view text = "Free (A+,AU,BH) 3.4¢/kg (P) See 9822.05.10 (AU)";
  StatusOr<std::vector<SpecialRate>> rates = parse_special_rates(text, "US");
  ASSERT_TRUE(rates.ok()) << rates.status().to_string();
  ASSERT_EQ(rates->size(), 3u);
  EXPECT_EQ((*rates)[0].rate.form, DutyForm::kFree);
  EXPECT_EQ((*rates)[0].programs, "A+,AU,BH");
  EXPECT_EQ((*rates)[1].rate.components[0].rate, dec("0.034"));
  EXPECT_EQ((*rates)[1].programs, "P");
  EXPECT_EQ((*rates)[2].rate.reason, NotComputableReason::kSeeNote);
}

TEST(DutyRateTest, SpecialColumnKeepsParenthesesThatAreNotProgrammes) {
  StatusOr<std::vector<SpecialRate>> rates =
      parse_special_rates("Free (See U.S. note 3 of this subchapter)", "US");
  ASSERT_TRUE(rates.ok());
  ASSERT_EQ(rates->size(), 1u);
  EXPECT_EQ((*rates)[0].rate.form, DutyForm::kFree);
  EXPECT_TRUE((*rates)[0].programs.empty());
}

}  // namespace
}  // namespace kontor::trade
