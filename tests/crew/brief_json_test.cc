// Brief ↔ JSON: a full round trip, absent fields omitted, and bad JSON naming the field.
#include <gtest/gtest.h>

#include "catalog/types.h"
#include "crew/brief.h"

namespace kontor::crew {
namespace {

Brief full_brief() {
  Brief b;
  b.goal = "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99";
  b.language = "en";
  b.product = "insulated stainless steel bottles";
  b.quantity = Quantity(Decimal(2000), Unit::kPiece);
  b.destination = *CountryCode::parse("DE");
  const Currency eur = *catalog::currency_from_code("EUR");
  b.target_retail_price = Money(*Decimal::parse("24.99"), eur);
  b.target_landed_cost = Money(*Decimal::parse("8.5"), eur);
  b.budget = Money(Decimal(20000), eur);
  b.deadline = *Date::parse("2027-03-01");
  b.channels = {SalesChannel::kAmazon, SalesChannel::kTikTokShop};
  b.required_certifications = {"CE", "LFGB"};
  b.avoid_origins = {*CountryCode::parse("CN")};
  b.preferred_origins = {*CountryCode::parse("VN")};
  b.max_moq = Decimal(500);
  b.questions.push_back({"brief.deadline", "deadline", "By when?", {"2027-03-01"}, "intake"});
  return b;
}

TEST(BriefJsonTest, RoundTripKeepsEveryField) {
  const Brief b = full_brief();
  const nlohmann::json j = to_json(b);
  EXPECT_EQ(j["quantity"], (nlohmann::json{{"value", "2000"}, {"unit", "pcs"}}));
  EXPECT_EQ(j["target_retail_price"], (nlohmann::json{{"amount", "24.99"}, {"currency", "EUR"}}));
  EXPECT_EQ(j["deadline"], "2027-03-01");
  EXPECT_EQ(j["channels"], (nlohmann::json{"amazon", "tiktok_shop"}));
  EXPECT_EQ(j["max_moq"], "500");
  auto back = brief_from_json(j);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(to_json(*back), j);
  EXPECT_EQ(back->target_landed_cost->to_string(), "8.50 EUR");
  EXPECT_EQ(back->questions[0].options, (std::vector<std::string>{"2027-03-01"}));
}

TEST(BriefJsonTest, AbsentFieldsAreOmittedAndReadBackAbsent) {
  Brief b;
  b.goal = "find mugs";
  const nlohmann::json j = to_json(b);
  EXPECT_FALSE(j.contains("quantity"));
  EXPECT_FALSE(j.contains("destination"));
  EXPECT_FALSE(j.contains("deadline"));
  auto back = brief_from_json(j);
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->quantity);
  EXPECT_FALSE(back->target_retail_price);
  EXPECT_EQ(back->goal, "find mugs");
}

std::string error_of(const char* field, nlohmann::json value) {
  nlohmann::json j = to_json(full_brief());
  j[field] = std::move(value);
  auto back = brief_from_json(j);
  return back.ok() ? "ok" : back.status().message();
}

TEST(BriefJsonTest, BadJsonNamesTheField) {
  EXPECT_EQ(error_of("quantity", {{"value", "2000"}, {"unit", "boxes"}}),
            "quantity.unit: unknown unit 'boxes'");
  EXPECT_EQ(error_of("quantity", {{"value", "lots"}, {"unit", "pcs"}}).rfind("quantity.value: ", 0),
            0u);
  EXPECT_EQ(error_of("destination", "Germany").rfind("destination: ", 0), 0u);
  EXPECT_EQ(error_of("deadline", "March").rfind("deadline: ", 0), 0u);
  EXPECT_EQ(error_of("channels", {"amazon", "bazaar"}),
            "channels[1]: unknown sales channel 'bazaar'");
  EXPECT_EQ(error_of("avoid_origins", {"CN", 7}).rfind("avoid_origins[1]: ", 0), 0u);
  EXPECT_EQ(error_of("target_retail_price", {{"amount", "x"}, {"currency", "EUR"}})
                .rfind("target_retail_price.amount: ", 0),
            0u);
  EXPECT_EQ(error_of("budget", "20000 EUR").rfind("budget: ", 0), 0u);
  EXPECT_EQ(error_of("max_moq", 500), "max_moq: expected a decimal string");
  EXPECT_EQ(error_of("questions", {{{"id", "x"}}}), "questions[0].field: missing");
  EXPECT_EQ(brief_from_json(nlohmann::json::array()).status().message(),
            "brief: expected a JSON object");
}

TEST(BriefJsonTest, SalesChannelNamesRoundTrip) {
  for (SalesChannel c : {SalesChannel::kAmazon, SalesChannel::kShopify, SalesChannel::kTikTokShop,
                         SalesChannel::kEbay, SalesChannel::kEtsy, SalesChannel::kWholesale,
                         SalesChannel::kOwnStore}) {
    EXPECT_EQ(parse_sales_channel(sales_channel_name(c)), c);
  }
  EXPECT_FALSE(parse_sales_channel("Amazon"));
}

}  // namespace
}  // namespace kontor::crew
