#include "logistics/rate_card.h"

#include <gtest/gtest.h>

#include "logistics_test_data.h"

namespace kontor::logistics {
namespace {

using testing::date;
using testing::dec;
using testing::rate_card;

constexpr const char* kHeader =
    "mode,charge,origin_region,destination_region,basis,rate,currency,min_charge,"
    "weight_from_kg,weight_to_kg,transit_days_min,transit_days_max,valid_from,valid_to,"
    "description,source\n";

TEST(RateCard, DefaultCardLoadsWithProvenancePerRow) {
  const auto& lines = rate_card().lines();
  ASSERT_FALSE(lines.empty());
  const RateLine& first = lines.front();
  EXPECT_EQ(first.mode, FreightMode::kSeaLcl);
  EXPECT_EQ(first.rate, dec("75"));
  EXPECT_EQ(first.provenance.line, 2u);
  EXPECT_EQ(first.provenance.source->file, "rate_cards.csv");
  EXPECT_EQ(first.provenance.text, "75");
}

TEST(RateCard, ExactLaneBeatsWildcard) {
  auto rows = rate_card().find(FreightMode::kSeaFcl40, ChargeKind::kFreight, "CN", "EU",
                               date("2025-06-01"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]->rate, dec("2200"));
  auto fallback = rate_card().find(FreightMode::kSeaFcl40, ChargeKind::kFreight, "MX", "AU",
                                   date("2025-06-01"));
  ASSERT_EQ(fallback.size(), 1u);
  EXPECT_EQ(fallback[0]->origin_region, "*");
  EXPECT_EQ(fallback[0]->rate, dec("3000"));
}

TEST(RateCard, RowsOutsideTheirValidityAreNotFound) {
  EXPECT_TRUE(rate_card()
                  .find(FreightMode::kAir, ChargeKind::kFreight, "CN", "EU", date("2024-12-31"))
                  .empty());
}

TEST(RateCard, UnknownModeNamesFileLineAndField) {
  std::string text = std::string(kHeader) +
                     "boat,freight,CN,EU,per_wm,75,USD,,,,30,40,2025-01-01,2025-12-31,x,y\n";
  auto card = RateCard::parse(text, "my_rates.csv");
  EXPECT_EQ(card.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(card.status().message(), "my_rates.csv line 2, field 'mode': unknown mode 'boat'");
}

TEST(RateCard, BadDecimalAndReversedDatesAreRejected) {
  std::string bad_rate = std::string(kHeader) +
                         "sea_lcl,freight,CN,EU,per_wm,7,5,USD,,,,30,40,2025-01-01,2025-12-31,x\n";
  EXPECT_EQ(RateCard::parse(bad_rate, "r.csv").status().code(), StatusCode::kDataLoss);
  std::string reversed = std::string(kHeader) +
                         "sea_lcl,freight,CN,EU,per_wm,75,USD,,,,30,40,2025-01-01,2024-12-31,x,y\n";
  EXPECT_EQ(RateCard::parse(reversed, "r.csv").status().message(),
            "r.csv line 2, field 'valid_to': before valid_from");
  std::string no_transit =
      std::string(kHeader) +
      "air,freight,CN,EU,per_chargeable_kg,4,USD,,,,,,2025-01-01,2025-12-31,x,y\n";
  EXPECT_EQ(RateCard::parse(no_transit, "r.csv").status().message(),
            "r.csv line 2, field 'transit_days_max': a freight row needs transit days");
}

TEST(RateCard, MissingColumnIsNamed) {
  auto card = RateCard::parse("mode,charge\nsea_lcl,freight\n", "r.csv");
  EXPECT_EQ(card.status().message(), "r.csv line 1, field 'origin_region': missing column");
}

TEST(RateCard, MissingFileIsAnError) {
  EXPECT_FALSE(RateCard::load("/nonexistent/rates.csv").ok());
}

}  // namespace
}  // namespace kontor::logistics
