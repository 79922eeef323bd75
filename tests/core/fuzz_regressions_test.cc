// Inputs the fuzzers in tests/fuzz/ found to crash, kept so the fix stays fixed. One test per
// finding, named after it.
#include <gtest/gtest.h>

#include "core/decimal.h"

namespace kontor {
namespace {

// decimal_fuzz: "123456789012345678.123455|0.0001456245678401" aborted in divide() (the
// numerator scaled to 10^(scale + 16) overflowed 128 bits) instead of returning an error.
TEST(FuzzRegressionTest, DecimalDivideByATinyDivisorAtLargeScaleIsOutOfRange) {
  auto quotient =
      Decimal::divide(*Decimal::parse("123456789012345678.123455"),
                      *Decimal::parse("0.0001456245678401"), 6, RoundingMode::kHalfEven);
  EXPECT_EQ(quotient.status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(quotient.status().message(),
            "division: 123456789012345678.123455 / 0.0001456245678401 at scale 6 is too large");
}

TEST(FuzzRegressionTest, DecimalDivideJustInsideTheRangeStillWorks) {
  auto quotient = Decimal::divide(*Decimal::parse("123456789012345678"), *Decimal::parse("0.0001"),
                                  6, RoundingMode::kHalfEven);
  ASSERT_TRUE(quotient.ok()) << quotient.status().to_string();
  EXPECT_EQ(quotient->to_string(), "1234567890123456780000.000000");
}

}  // namespace
}  // namespace kontor
