#include "core/decimal.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>

namespace kontor {
namespace {

Decimal D(std::string_view text) { return Decimal::parse(text).value(); }

TEST(DecimalTest, ParsesAndPrintsExactly) {
  EXPECT_EQ(D("12.340").to_string(), "12.340");
  EXPECT_EQ(D("-0.05").to_string(), "-0.05");
  EXPECT_EQ(D("+7").to_string(), "7");
  EXPECT_EQ(D("0").to_string(), "0");
  EXPECT_EQ(D("000123.4500").to_plain_string(), "123.45");
  EXPECT_EQ(D("999999999999999999.999999999999999999").to_string(),
            "999999999999999999.999999999999999999");
}

TEST(DecimalTest, RejectsMalformedText) {
  for (const char* bad : {"", "-", ".5", "5.", "1.2.3", "1e5", "1,000", " 1", "abc", "0x10",
                          "1.0000000000000000000", "1234567890123456789"}) {
    auto parsed = Decimal::parse(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(DecimalTest, ComparesNumerically) {
  EXPECT_EQ(D("1.50"), D("1.5"));
  EXPECT_LT(D("-2"), D("-1.999"));
  EXPECT_GT(D("0.001"), D("0"));
}

TEST(DecimalTest, ArithmeticIsExact) {
  EXPECT_EQ((D("0.1") + D("0.2")).to_string(), "0.3");
  EXPECT_EQ((D("10150") * D("0.1")).to_plain_string(), "1015");
  EXPECT_EQ((D("5000") * D("0.003464")).to_plain_string(), "17.32");
  EXPECT_EQ((D("1.005") - D("2")).to_string(), "-0.995");
}

TEST(DecimalTest, RoundingModesOnTies) {
  struct Case {
    const char* in;
    RoundingMode mode;
    const char* out;
  };
  const Case cases[] = {
      {"2.345", RoundingMode::kHalfUp, "2.35"},     {"-2.345", RoundingMode::kHalfUp, "-2.35"},
      {"2.345", RoundingMode::kHalfEven, "2.34"},   {"2.355", RoundingMode::kHalfEven, "2.36"},
      {"-2.345", RoundingMode::kHalfEven, "-2.34"}, {"2.349", RoundingMode::kDown, "2.34"},
      {"2.341", RoundingMode::kUp, "2.35"},         {"-2.341", RoundingMode::kFloor, "-2.35"},
      {"-2.349", RoundingMode::kCeiling, "-2.34"},  {"2.3449", RoundingMode::kHalfUp, "2.34"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(D(c.in).rounded(2, c.mode).to_string(), c.out)
        << c.in << " " << rounding_mode_name(c.mode);
  }
  EXPECT_EQ(D("1250").rounded(-2, RoundingMode::kHalfEven).to_string(), "1200");
  EXPECT_EQ(D("3.1").rounded(3, RoundingMode::kHalfUp).to_string(), "3.100");
}

TEST(DecimalTest, DivisionRoundsAsAsked) {
  EXPECT_EQ(Decimal::divide(D("1"), D("3"), 4, RoundingMode::kHalfUp).value().to_string(),
            "0.3333");
  EXPECT_EQ(Decimal::divide(D("2"), D("3"), 2, RoundingMode::kDown).value().to_string(), "0.66");
  EXPECT_EQ(Decimal::divide(D("-1"), D("8"), 2, RoundingMode::kHalfEven).value().to_string(),
            "-0.12");
  EXPECT_EQ(Decimal::divide(D("10.5"), D("0.25"), 0, RoundingMode::kHalfUp).value().to_string(),
            "42");
  EXPECT_FALSE(Decimal::divide(D("1"), D("0"), 2, RoundingMode::kHalfUp).ok());
}

TEST(DecimalTest, ProductsBeyondEighteenDigitsRoundHalfEven) {
  Decimal a = D("0.000000001");                            // 1e-9
  Decimal b = D("0.0000000015");                           // 1.5e-9 → 1.5e-18
  EXPECT_EQ((a * b).to_string(), "0.000000000000000002");  // 1.5e-18 rounds to even: 2e-18
}

// The inline fast paths (64-bit factors, equal scales, 64-bit division) hand over to the
// 128-bit paths at the boundary without losing a digit.
TEST(DecimalTest, FastPathsMatchTheWideArithmeticAtTheBoundary) {
  const Decimal big = D("999999999999999999.99");  // mantissa above 2^63
  EXPECT_EQ((big * D("2")).to_string(), "1999999999999999999.98");
  const Decimal int64_max = Decimal::from_scaled(INT64_MAX, 0);
  const Decimal int64_min = Decimal::from_scaled(INT64_MIN, 0);
  EXPECT_EQ((int64_max * D("2")).to_string(), "18446744073709551614");
  EXPECT_EQ((big + D("0.01")).to_string(), "1000000000000000000.00");
  EXPECT_EQ((int64_min - D("1")).to_string(), "-9223372036854775809");
  EXPECT_EQ(big.rounded(0, RoundingMode::kHalfUp).to_string(), "1000000000000000000");
  EXPECT_EQ(int64_min.rounded(-1, RoundingMode::kHalfEven).to_string(), "-9223372036854775810");
  EXPECT_EQ(Decimal::divide(big, D("3"), 2, RoundingMode::kHalfUp).value().to_string(),
            "333333333333333333.33");
  EXPECT_EQ(Decimal::divide(int64_min, D("-1"), 0, RoundingMode::kDown).value().to_string(),
            "9223372036854775808");
  EXPECT_GT(big, D("999999999999999999.9"));
}

// Mixed scales rescale the smaller one: a 64-bit mantissa × 10^18 takes the plain multiply,
// a wider mantissa the checked one; both must give the exact sum and order.
TEST(DecimalTest, MixedScalesRescaleExactlyOnBothPaths) {
  const Decimal int64_max = Decimal::from_scaled(INT64_MAX, 0);
  const Decimal tiny = Decimal::from_scaled(1, 18);
  EXPECT_EQ((int64_max + tiny).to_string(), "9223372036854775807.000000000000000001");
  EXPECT_EQ((Decimal::from_scaled(INT64_MIN, 0) - tiny).to_string(),
            "-9223372036854775808.000000000000000001");
  const Decimal wide = Decimal::from_scaled(INT64_MAX, 0) * D("10");  // above 2^63 at scale 0
  EXPECT_EQ((wide + D("0.5")).to_string(), "92233720368547758070.5");
  EXPECT_LT(wide, wide + D("0.01"));
  EXPECT_EQ(D("12.5").with_scale_at_least(4).to_string(), "12.5000");
  EXPECT_GT(D("800"), D("799.99"));
}

// Property: rounding never moves a value by more than one unit of the target scale, and
// half-up / half-even agree except on exact ties.
TEST(DecimalPropertyTest, RoundingStaysWithinOneUnit) {
  std::mt19937_64 rng(20261123);
  std::uniform_int_distribution<long long> mantissa(-1'000'000'000'000LL, 1'000'000'000'000LL);
  std::uniform_int_distribution<int> scale(0, 8);
  for (int i = 0; i < 20000; ++i) {
    Decimal x = Decimal::from_scaled(mantissa(rng), scale(rng));
    for (RoundingMode mode : {RoundingMode::kHalfUp, RoundingMode::kHalfEven, RoundingMode::kDown,
                              RoundingMode::kUp, RoundingMode::kFloor, RoundingMode::kCeiling}) {
      Decimal r = x.rounded(2, mode);
      Decimal diff = (r - x).abs();
      ASSERT_LT(diff, D("0.01")) << x.to_string();
      if (mode == RoundingMode::kHalfUp || mode == RoundingMode::kHalfEven) {
        ASSERT_LE(diff, D("0.005")) << x.to_string();
      }
      if (mode == RoundingMode::kFloor) {
        ASSERT_LE(r, x);
      }
      if (mode == RoundingMode::kCeiling) {
        ASSERT_GE(r, x);
      }
      if (mode == RoundingMode::kDown) {
        ASSERT_LE(r.abs(), x.abs());
      }
    }
  }
}

// Property: text round-trips, and (a + b) - b == a exactly.
TEST(DecimalPropertyTest, TextRoundTripAndExactInverse) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<long long> mantissa(-9'000'000'000'000'000LL,
                                                    9'000'000'000'000'000LL);
  std::uniform_int_distribution<int> scale(0, 18);
  for (int i = 0; i < 20000; ++i) {
    Decimal a = Decimal::from_scaled(mantissa(rng), scale(rng));
    Decimal b = Decimal::from_scaled(mantissa(rng), scale(rng));
    ASSERT_EQ(D(a.to_string()), a);
    ASSERT_EQ((a + b) - b, a);
  }
}

// Property: q = a / b rounded down satisfies q*b <= a < (q + ulp)*b for positive a, b.
TEST(DecimalPropertyTest, DivisionBracketsTheQuotient) {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<long long> m(1, 10'000'000'000LL);
  for (int i = 0; i < 20000; ++i) {
    Decimal a = Decimal::from_scaled(m(rng), 2);
    Decimal b = Decimal::from_scaled(m(rng), 3);
    Decimal q = Decimal::divide(a, b, 6, RoundingMode::kDown).value();
    ASSERT_LE(q * b, a);
    ASSERT_GT((q + D("0.000001")) * b, a);
  }
}

}  // namespace
}  // namespace kontor
