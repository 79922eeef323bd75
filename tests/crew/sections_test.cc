#include "crew/sections.h"

#include <gtest/gtest.h>

#include "catalog/types.h"

namespace kontor::crew {
namespace {

Money eur(const char* amount) {
  return Money(Decimal::parse(amount).value(), catalog::currency_from_code("EUR").value());
}

SourcingSection sample_sourcing() {
  SourcingSection s;
  s.query = "insulated stainless steel bottles";
  s.query_lang = "en";
  s.quantity = 2000;
  s.unit = "pcs";
  s.currency = "EUR";
  s.max_moq = Decimal(3000);
  s.fx_date = Date::from_ymd(2026, 11, 23).value();
  ShortlistEntry e;
  e.rank = 1;
  e.supplier_id = "DEMO-SUP-0001";
  e.tier_price = eur("2.85");
  e.unit_price = eur("2.85");
  e.order_value = eur("5700");
  e.moq = 500;
  e.valid_until = Date::from_ymd(2026, 12, 31).value();
  e.on_time_rate = Decimal::parse("0.96").value();
  e.score = 0.75;
  e.certifications = {"LFGB"};
  s.shortlist.push_back(e);
  s.rejected.push_back({"DEMO-SUP-0002", "X", "O-2", "t", {"MOQ 5000 above the quantity 2000"}});
  return s;
}

TEST(SectionsTest, SourcingRoundTripsThroughJson) {
  nlohmann::json j = to_json(sample_sourcing());
  EXPECT_EQ(j["schema"], kSectionSchema);
  EXPECT_EQ(j["shortlist"][0]["tier_price"]["amount"], "2.85");
  EXPECT_EQ(j["shortlist"][0]["tier_price"]["currency"], "EUR");
  EXPECT_EQ(j["max_moq"], "3000");
  EXPECT_FALSE(j["shortlist"][0].contains("fx"));  // absent optional: omitted
  auto back = sourcing_section_from_json(j);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(to_json(*back), j);
}

TEST(SectionsTest, FromJsonNamesTheBadFieldWithItsPath) {
  nlohmann::json j = to_json(sample_sourcing());
  j["shortlist"][0]["tier_price"]["amount"] = "2,85";
  auto back = sourcing_section_from_json(j);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().message().rfind("sourcing.shortlist[0].tier_price.amount: ", 0), 0u)
      << back.status().message();
}

TEST(SectionsTest, MissingRequiredFieldIsAnError) {
  nlohmann::json j = to_json(sample_sourcing());
  j.erase("query");
  auto back = sourcing_section_from_json(j);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().message(), "sourcing.query: missing");
}

TEST(SectionsTest, NewerSchemaIsRefused) {
  nlohmann::json j = to_json(ListingSection{});
  j["schema"] = kSectionSchema + 1;
  EXPECT_FALSE(listing_section_from_json(j).ok());
}

TEST(SectionsTest, FinanceWithRecommendationRoundTrips) {
  FinanceSection f;
  f.currency = "EUR";
  f.quantity = 2000;
  f.as_of = Date::from_ymd(2026, 11, 23).value();
  Recommendation r;
  r.supplier_id = "DEMO-SUP-0001";
  r.per_unit_buyer = eur("4.1234");
  r.margin_rate = Decimal::parse("0.4210").value();
  r.alternatives.push_back({"DEMO-SUP-0003", "Y", "air", eur("5.01"), std::nullopt, "dearer"});
  f.recommendation = r;
  f.cash_flow.push_back({f.as_of, "Deposit", eur("-1710"), eur("-1710"), "T/T 30/70"});
  nlohmann::json j = to_json(f);
  EXPECT_EQ(j["recommendation"]["per_unit_buyer"]["amount"], "4.1234");
  auto back = finance_section_from_json(j);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(to_json(*back), j);
}

}  // namespace
}  // namespace kontor::crew
