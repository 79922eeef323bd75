#include "core/money.h"

#include <gtest/gtest.h>

#include <random>

#include "core/fx_rate.h"

namespace kontor {
namespace {

Currency C(std::string_view code, int minor) { return Currency::make(code, minor).value(); }
Decimal D(std::string_view text) { return Decimal::parse(text).value(); }

TEST(CurrencyTest, ValidatesCode) {
  EXPECT_TRUE(Currency::make("EUR", 2).ok());
  EXPECT_FALSE(Currency::make("eur", 2).ok());
  EXPECT_FALSE(Currency::make("EURO", 2).ok());
  EXPECT_FALSE(Currency::make("EUR", 7).ok());
}

TEST(MoneyTest, RoundsToTheCurrencyMinorUnit) {
  EXPECT_EQ(Money(D("1234.565"), C("USD", 2)).rounded(RoundingMode::kHalfUp).to_string(),
            "1234.57 USD");
  EXPECT_EQ(Money(D("1234.5"), C("JPY", 0)).rounded(RoundingMode::kHalfEven).to_string(),
            "1234 JPY");
  EXPECT_EQ(Money(D("1.2345"), C("KWD", 3)).rounded(RoundingMode::kHalfUp).to_string(),
            "1.235 KWD");
}

TEST(MoneyTest, PrintsAtLeastTheMinorUnit) {
  EXPECT_EQ(Money(D("7"), C("EUR", 2)).to_string(), "7.00 EUR");
  EXPECT_EQ(Money(D("7.125"), C("EUR", 2)).to_string(), "7.125 EUR");
}

TEST(FxRateTest, ConvertsExactlyAndCarriesTheRate) {
  FxRate rate{C("USD", 2), C("EUR", 2), D("0.9215"), Date::parse("2025-03-03").value(), {}};
  Money eur = convert(Money(D("100.00"), C("USD", 2)), rate);
  EXPECT_EQ(eur.currency().code(), "EUR");
  EXPECT_EQ(eur.amount(), D("92.15"));
  FxRate back = rate.inverted(6);
  EXPECT_EQ(back.rate.to_string(), "1.085187");
}

// Property: summing rounded lines can differ from rounding the sum by at most half a minor unit
// per line — the reason Kontor names where it rounds (per line vs per entry).
TEST(MoneyPropertyTest, SumOfRoundedLinesWithinHalfUnitPerLine) {
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<long long> m(0, 100'000'000);
  Currency eur = C("EUR", 2);
  for (int i = 0; i < 5000; ++i) {
    Money exact = Money::zero(eur), rounded = Money::zero(eur);
    const int n = 1 + static_cast<int>(m(rng) % 20);
    for (int j = 0; j < n; ++j) {
      Money line(Decimal::from_scaled(m(rng), 4), eur);
      exact += line;
      rounded += line.rounded(RoundingMode::kHalfUp);
    }
    Decimal drift = (rounded.amount() - exact.amount()).abs();
    ASSERT_LE(drift, D("0.005") * Decimal(n));
  }
}

}  // namespace
}  // namespace kontor
