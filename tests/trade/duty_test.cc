// Duty computation from parsed rates: exact amounts, unit conversion, EU MIN/MAX clauses,
// seasons, chapter 99 additional duties and the errors that name what is missing.
#include "trade/duty.h"

#include <gtest/gtest.h>

namespace kontor::trade {
namespace {

Decimal dec(std::string_view text) { return *Decimal::parse(text); }
Currency cur(std::string_view code) { return *Currency::make(code, 2); }
Money money(std::string_view amount, std::string_view code) {
  return Money(dec(amount), cur(code));
}
Quantity qty(std::string_view value, Unit unit) { return Quantity(dec(value), unit); }

DutyRate rate(std::string_view text, std::string_view jurisdiction = "US") {
  StatusOr<DutyRate> r = parse_duty_rate(text, jurisdiction);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? *r : DutyRate{};
}

DutyBase value_only(std::string_view amount, std::string_view code = "USD") {
  DutyBase base;
  base.customs_value = money(amount, code);
  return base;
}

Decimal duty(const DutyRate& r, const DutyBase& base) {
  StatusOr<DutyAmount> amount = compute_duty(r, base);
  EXPECT_TRUE(amount.ok()) << amount.status().to_string();
  return amount.ok() ? amount->amount.amount() : Decimal(-1);
}

TEST(DutyTest, FreeIsZeroInTheCustomsCurrency) {
  StatusOr<DutyAmount> amount = compute_duty(rate("Free"), value_only("1000.00"));
  ASSERT_TRUE(amount.ok());
  EXPECT_EQ(amount->amount, money("0", "USD"));
  EXPECT_EQ(amount->term_count, 0);
}

TEST(DutyTest, AdValoremIsExact) {
  // 3.6% of 12,345.67 USD = 444.44412: nothing is rounded here.
  EXPECT_EQ(duty(rate("3.6%"), value_only("12345.67")), dec("444.44412"));
}

TEST(DutyTest, CompoundAddsItsTermsAndExplainsThem) {
  DutyRate r = rate("25¢/kg + 3.6%");
  DutyBase base = value_only("12345.00");
  base.quantities[0] = qty("200", Unit::kKilogram);
  StatusOr<DutyAmount> amount = compute_duty(r, base);
  ASSERT_TRUE(amount.ok());
  EXPECT_EQ(amount->amount.amount(), dec("494.42"));
  EXPECT_EQ(explain(r, *amount),
            "0.25 USD/kg × 200 kg = 50.00 USD; 3.6% × 12345.00 USD = 444.42 USD; "
            "duty 494.42 USD");
}

TEST(DutyTest, ComputingInPlaceOverwritesThePreviousResult) {
  DutyBase base = value_only("1000.00");
  base.quantities[0] = qty("200", Unit::kKilogram);
  DutyAmount out;
  ASSERT_TRUE(compute_duty(rate("25¢/kg + 3.6%"), base, out).ok());
  EXPECT_EQ(out.term_count, 2);
  ASSERT_TRUE(compute_duty(rate("2.6%"), base, out).ok());
  EXPECT_EQ(out.term_count, 1);
  EXPECT_EQ(out.amount.amount(), dec("26"));
  EXPECT_EQ(out.terms[0].base, dec("1000.00"));
}

TEST(DutyTest, PoundsConvertExactlyToKilograms) {
  DutyBase base = value_only("100");
  base.quantities[0] = qty("1000", Unit::kPound);  // 453.59237 kg by definition
  EXPECT_EQ(duty(rate("4.4¢/kg"), base), dec("19.95806428"));
}

TEST(DutyTest, PiecesConvertToDozens) {
  DutyBase base = value_only("100");
  base.quantities[0] = qty("120", Unit::kPiece);
  EXPECT_EQ(duty(rate("$1.05/doz."), base), dec("10.50"));
}

TEST(DutyTest, PerThousandPieces) {
  DutyBase base = value_only("100");
  base.quantities[0] = qty("2500", Unit::kPiece);
  EXPECT_EQ(duty(rate("89.6¢/1000"), base), dec("2.24"));
}

TEST(DutyTest, SmallSpecificAmountsKeepEveryDigit) {
  DutyBase base = value_only("100");
  base.quantities[0] = qty("1", Unit::kLitre);
  EXPECT_EQ(duty(rate("0.34¢/liter"), base), dec("0.0034"));
}

TEST(DutyTest, MissingWeightIsNamed) {
  DutyBase base = value_only("12345.00");
  base.quantities[0] = qty("100", Unit::kPiece);
  StatusOr<DutyAmount> amount = compute_duty(rate("25¢/kg + 3.6%"), base);
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(amount.status().message(), "duty rate '25¢/kg + 3.6%' needs the net weight in kg");
}

TEST(DutyTest, MissingQualifiedQuantityIsNamed) {
  DutyBase base = value_only("100");
  base.quantities[0] = qty("100", Unit::kKilogram);
  StatusOr<DutyAmount> amount = compute_duty(rate("3.7¢/kg on drained weight"), base);
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().message(),
            "duty rate '3.7¢/kg on drained weight' needs the drained weight in kg");
}

TEST(DutyTest, DrainedWeightIsUsedWhenDeclared) {
  DutyBase base = value_only("100");
  base.quantities[0] = qty("100", Unit::kKilogram);
  base.qualified_quantities[0] =
      QualifiedQuantity{DutyBasis::kDrainedWeight, qty("60", Unit::kKilogram)};
  EXPECT_EQ(duty(rate("3.7¢/kg on drained weight"), base), dec("2.22"));
}

TEST(DutyTest, SpecificRateInAnotherCurrencyIsAnError) {
  DutyBase base = value_only("1000.00", "USD");
  base.quantities[0] = qty("100", Unit::kKilogram);
  StatusOr<DutyAmount> amount = compute_duty(rate("41.20 EUR / 100 kg", "EU"), base);
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().code(), StatusCode::kInvalidArgument);
}

TEST(DutyTest, NotComputableNeedsACustomsExpert) {
  StatusOr<DutyAmount> amount = compute_duty(rate("See additional U.S. note 1"), value_only("1"));
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(amount.status().message(),
            "needs a customs expert: duty rate 'See additional U.S. note 1': refers to a note or "
            "another heading of the tariff");
}

TEST(DutyTest, EuMinimumAppliesWhenHigher) {
  // 12% MIN 0.40 EUR / 100 kg (CN 07049010): 12% of 2.00 EUR = 0.24 < 0.40 × 10 = 4.00.
  DutyBase base = value_only("2.00", "EUR");
  base.quantities[0] = qty("1000", Unit::kKilogram);
  StatusOr<DutyAmount> amount = compute_duty(rate("12.00% MIN 0.40 EUR / 100 kg", "EU"), base);
  ASSERT_TRUE(amount.ok());
  EXPECT_EQ(amount->amount.amount(), dec("4.00"));
  EXPECT_EQ(amount->limit, DutyAmount::Limit::kMinimum);
}

TEST(DutyTest, EuMinimumIgnoredWhenLower) {
  DutyBase base = value_only("1000.00", "EUR");
  base.quantities[0] = qty("1000", Unit::kKilogram);
  StatusOr<DutyAmount> amount = compute_duty(rate("12.00% MIN 0.40 EUR / 100 kg", "EU"), base);
  ASSERT_TRUE(amount.ok());
  EXPECT_EQ(amount->amount.amount(), dec("120"));
  EXPECT_EQ(amount->limit, DutyAmount::Limit::kNone);
}

TEST(DutyTest, EuCompoundMaximumCaps) {
  // CN 17049030: 9.1% + 45.10 EUR/100 kg, at most 18.9% + 16.50 EUR/100 kg.
  DutyBase base = value_only("1000.00", "EUR");
  base.quantities[0] = qty("1000", Unit::kKilogram);
  DutyRate r = rate("9.10% + 45.10 EUR / 100 kg MAX 18.90% + 16.50 EUR / 100 kg", "EU");
  StatusOr<DutyAmount> amount = compute_duty(r, base);
  ASSERT_TRUE(amount.ok());
  // main 91 + 451 = 542; maximum 189 + 165 = 354.
  EXPECT_EQ(amount->amount.amount(), dec("354"));
  EXPECT_EQ(amount->limit, DutyAmount::Limit::kMaximum);
}

TEST(DutyTest, EuMinimumAndMaximumClamp) {
  // CN 24011035: 18.4% MIN 22 EUR/100 kg MAX 24 EUR/100 kg; 100 kg.
  DutyRate r = rate("18.40% MIN 22.00 EUR / 100 kg MAX 24.00 EUR / 100 kg", "EU");
  DutyBase base = value_only("100.00", "EUR");
  base.quantities[0] = qty("100", Unit::kKilogram);
  EXPECT_EQ(duty(r, base), dec("22"));  // 18.40 < 22
  base.customs_value = money("125.00", "EUR");
  EXPECT_EQ(duty(r, base), dec("23"));  // 23.00 between
  base.customs_value = money("200.00", "EUR");
  EXPECT_EQ(duty(r, base), dec("24"));  // 36.80 > 24
}

TEST(DutyTest, AlcoholPerVolumePerHectolitre) {
  // 1.75 EUR / % vol / hl on 1,000 l at 12.5 % vol = 1.75 × 12.5 × 10 = 218.75 EUR.
  DutyBase base = value_only("5000.00", "EUR");
  base.quantities[0] = qty("1000", Unit::kLitre);
  base.alcohol_strength = dec("12.5");
  EXPECT_EQ(duty(rate("1.75 EUR / % vol / hl", "EU"), base), dec("218.75"));
}

TEST(DutyTest, AlcoholStrengthMissingIsNamed) {
  DutyBase base = value_only("5000.00", "EUR");
  base.quantities[0] = qty("1000", Unit::kLitre);
  StatusOr<DutyAmount> amount = compute_duty(rate("1.75 EUR / % vol / hl", "EU"), base);
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().message(),
            "duty rate '1.75 EUR / % vol / hl' needs the alcoholic strength in % vol");
}

TEST(DutyTest, ProofLitresFromVolumeAndStrength) {
  // 100 l at 40 % vol = 80 proof litres × $1.32.
  DutyBase base = value_only("1000.00");
  base.quantities[0] = qty("100", Unit::kLitre);
  base.alcohol_strength = dec("40");
  EXPECT_EQ(duty(rate("$1.32/pf. liter"), base), dec("105.60"));
}

TEST(DutyTest, SeasonalPicksTheSeasonOfEntry) {
  DutyRate r = rate("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)", "EU");
  DutyBase base = value_only("1000.00", "EUR");
  base.entry_date = *Date::parse("2020-03-01");
  EXPECT_EQ(duty(r, base), dec("0"));
  base.entry_date = *Date::parse("2020-06-16");
  EXPECT_EQ(duty(r, base), dec("150"));
}

TEST(DutyTest, SeasonalWithoutDateIsAnError) {
  DutyRate r = rate("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)", "EU");
  StatusOr<DutyAmount> amount = compute_duty(r, value_only("1000.00", "EUR"));
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().code(), StatusCode::kInvalidArgument);
}

TEST(DutyTest, SeasonalDateOutsideEverySeasonIsAnError) {
  // New potatoes (CN 07019050) have a rate only from 1 January to 30 June.
  DutyRate r = rate("9.60% (01 JAN-15 MAY), 13.40% (16 MAY-30 JUNE)", "EU");
  DutyBase base = value_only("1000.00", "EUR");
  base.entry_date = *Date::parse("2020-08-01");
  StatusOr<DutyAmount> amount = compute_duty(r, base);
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().code(), StatusCode::kFailedPrecondition);
}

TEST(DutyTest, AdditionalDutyAddsToTheBaseDuty) {
  DutyBase base = value_only("1000.00");
  base.base_duty = money("26.00", "USD");
  StatusOr<DutyAmount> amount =
      compute_duty(rate("The duty provided in the applicable subheading + 25%"), base);
  ASSERT_TRUE(amount.ok());
  EXPECT_EQ(amount->amount.amount(), dec("276"));
  EXPECT_EQ(amount->base_duty, money("26.00", "USD"));
}

TEST(DutyTest, AdditionalDutyNeedsTheBaseDuty) {
  StatusOr<DutyAmount> amount = compute_duty(
      rate("The duty provided in the applicable subheading + 25%"), value_only("1000.00"));
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().message(),
            "duty rate 'The duty provided in the applicable subheading + 25%' needs the duty of "
            "the applicable subheading");
}

TEST(DutyTest, MinusNeverGoesBelowZero) {
  DutyRate r = rate("The duty rate provided in such subheading minus 0.5%");
  DutyBase base = value_only("1000.00");
  base.base_duty = money("2.00", "USD");
  EXPECT_EQ(duty(r, base), dec("0"));
  base.base_duty = money("30.00", "USD");
  EXPECT_EQ(duty(r, base), dec("25"));
}

TEST(DutyTest, WatchPartsUseTheirDeclaredValues) {
  DutyRate r = rate("75¢ each + 6% on the case + 14% on the strap, band or bracelet");
  DutyBase base = value_only("1000.00");
  base.quantities[0] = qty("10", Unit::kPiece);
  base.part_values[0] = PartValue{DutyBasis::kCaseValue, money("200.00", "USD")};
  base.part_values[1] = PartValue{DutyBasis::kStrapValue, money("50.00", "USD")};
  EXPECT_EQ(duty(r, base), dec("26.50"));  // 7.50 + 12.00 + 7.00
}

TEST(DutyTest, MissingPartValueIsNamed) {
  DutyBase base = value_only("1000.00");
  base.quantities[0] = qty("10", Unit::kPiece);
  StatusOr<DutyAmount> amount = compute_duty(rate("98¢ each + 3% on the case"), base);
  ASSERT_FALSE(amount.ok());
  EXPECT_EQ(amount.status().message(),
            "duty rate '98¢ each + 3% on the case' needs the value of the case");
}

TEST(DutyTest, JewelsCountOnlyAboveTheThreshold) {
  DutyRate r = rate("43¢ each + 2.8¢/jewel over 7 + 3.7% on the case");
  DutyBase base = value_only("100.00");
  base.quantities[0] = qty("1", Unit::kPiece);
  base.qualified_quantities[0] = QualifiedQuantity{DutyBasis::kJewels, qty("17", Unit::kPiece)};
  base.part_values[0] = PartValue{DutyBasis::kCaseValue, money("10.00", "USD")};
  EXPECT_EQ(duty(r, base), dec("1.08"));  // 0.43 + 10 × 0.028 + 0.37
}

}  // namespace
}  // namespace kontor::trade
