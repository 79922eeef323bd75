#include "trade/margin.h"

#include <gtest/gtest.h>

#include "refdata/data_paths.h"

namespace kontor::trade {
namespace {

Decimal dec(const char* text) { return Decimal::parse(text).value(); }
Date day(const char* text) { return Date::parse(text).value(); }
Money eur(const char* amount) { return Money(dec(amount), Currency::make("EUR", 2).value()); }
Money usd(const char* amount) { return Money(dec(amount), Currency::make("USD", 2).value()); }

const ChannelFeeTable& fees() {
  static const ChannelFeeTable* table =
      new ChannelFeeTable(ChannelFeeTable::load_default(KONTOR_REPO_DATA_DIR).value());
  return *table;
}

const refdata::VatTable& vat() {
  static const refdata::VatTable* table = [] {
    const auto paths = refdata::DataPaths::from_environment();
    return new refdata::VatTable(
        refdata::VatTable::load(paths.shared_dir + "/tax_vat_rates_eu_ibericode.csv",
                                paths.shared_dir + "/tax_sales_tax_rates_world.csv")
            .value());
  }();
  return *table;
}

// Amazon.de, kitchen, fulfilled by Amazon, 0.45 kg shipping weight, retail 24.99 EUR.
MarginRequest amazon_de() {
  MarginRequest request;
  request.sale.channel = "amazon";
  request.sale.market = CountryCode::parse("DE").value();
  request.sale.market_group = "EU";
  request.sale.category = "kitchen";
  request.sale.price = eur("24.99");
  request.sale.unit_shipping_kg = dec("0.45");
  request.sale.fulfilled_by_channel = true;
  request.sale.as_of = day("2025-06-01");
  request.landed_cost_per_unit = eur("6.50");
  return request;
}

TEST(ChannelFees, AmazonReferralAndFulfilmentBand) {
  auto result = channel_fees(fees(), amazon_de().sale);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->lines.size(), 2u);
  // 15 % × 24.99 = 3.7485 → 3.75 (half-up); FBA band 0.25–0.5 kg: 3.20.
  EXPECT_EQ(result->lines[0].amount, eur("3.75"));
  EXPECT_EQ(result->lines[1].amount, eur("3.20"));
  EXPECT_EQ(result->total, eur("6.95"));
  EXPECT_EQ(result->lines[0].provenance.source->file, "channel_fees.csv");
}

TEST(ChannelFees, MinimumReferralFeeApplies) {
  ChannelFeeRequest sale = amazon_de().sale;
  sale.price = eur("1.50");  // 15 % = 0.225 < 0.30 minimum
  sale.fulfilled_by_channel = false;
  auto result = channel_fees(fees(), sale);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->lines.size(), 1u);
  EXPECT_TRUE(result->lines[0].minimum_applied);
  EXPECT_EQ(result->total, eur("0.30"));
}

TEST(ChannelFees, ShopifyCardFeePercentPlusFixed) {
  ChannelFeeRequest sale;
  sale.channel = "shopify";
  sale.market = CountryCode::parse("US").value();
  sale.price = usd("24.99");
  sale.as_of = day("2025-06-01");
  auto result = channel_fees(fees(), sale);
  ASSERT_TRUE(result.ok());
  // 2.9 % × 24.99 + 0.30 = 1.02471 → 1.02.
  EXPECT_EQ(result->total, usd("1.02"));
}

TEST(ChannelFees, EuGroupRowsServeOtherMembers) {
  ChannelFeeRequest sale = amazon_de().sale;
  sale.market = CountryCode::parse("FR").value();
  sale.fulfilled_by_channel = false;
  auto result = channel_fees(fees(), sale);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->lines[0].label, "amazon referral fee 15 % (kitchen, EU)");
  sale.market_group.clear();
  EXPECT_EQ(channel_fees(fees(), sale).status().code(), StatusCode::kNotFound);
}

TEST(ChannelFees, PriceInAnotherCurrencyIsRejected) {
  ChannelFeeRequest sale = amazon_de().sale;
  sale.price = usd("24.99");
  EXPECT_EQ(channel_fees(fees(), sale).status().code(), StatusCode::kInvalidArgument);
}

TEST(ChannelFees, MalformedRowNamesLineAndField) {
  auto table = ChannelFeeTable::parse(
      "channel,market,fee,category,basis,rate,fixed,currency,min_fee,weight_from_kg,"
      "weight_to_kg,valid_from,source\n"
      "amazon,US,referral,*,percent_of_price,15,,USD,,,,2025-01-01,x\n",
      "fees.csv");
  EXPECT_EQ(table.status().message(),
            "fees.csv line 2, field 'rate': a percent_of_price rate is a fraction (0.15 for 15 %)");
}

TEST(Margin, VatInclusivePriceInGermany) {
  auto result = compute_margin(vat(), fees(), amazon_de());
  ASSERT_TRUE(result.ok()) << result.status().message();
  // VAT in 24.99 at 19 %: 24.99 × 0.19 / 1.19 = 3.98999… → 3.99; net 21.00.
  EXPECT_EQ(result->vat, eur("3.99"));
  EXPECT_EQ(result->net_revenue, eur("21.00"));
  // 21.00 − 6.95 fees − 6.50 landed = 7.55; 7.55 / 21.00 = 35.952… % → 35.95.
  EXPECT_EQ(result->contribution, eur("7.55"));
  EXPECT_EQ(result->margin_percent, dec("35.95"));
  EXPECT_EQ(*result->vat_rate, dec("0.19"));
}

TEST(Margin, BreakEvenPriceSolvesThroughFeesAndVat) {
  auto result = compute_margin(vat(), fees(), amazon_de());
  ASSERT_TRUE(result.ok());
  // P / 1.19 − 0.15 P − 3.20 − 6.50 = 0 → P = 9.70 × 1.19 / (1 − 0.15 × 1.19) = 14.0511… → 14.06.
  EXPECT_EQ(result->break_even_price, eur("14.06"));
}

TEST(Margin, BreakEvenWhereTheMinimumFeeApplies) {
  MarginRequest request = amazon_de();
  request.sale.fulfilled_by_channel = false;
  request.landed_cost_per_unit = eur("0.50");
  auto result = compute_margin(vat(), fees(), request);
  ASSERT_TRUE(result.ok());
  // Linear solution 0.50 × 1.19 / 0.8215 = 0.7243… has 15 % = 0.11 < 0.30 minimum; with the
  // minimum as a fixed fee: (0.30 + 0.50) × 1.19 = 0.952 → 0.96.
  EXPECT_EQ(result->break_even_price, eur("0.96"));
}

TEST(Margin, UsPriceExcludesSalesTax) {
  MarginRequest request;
  request.sale.channel = "shopify";
  request.sale.market = CountryCode::parse("US").value();
  request.sale.price = usd("24.99");
  request.sale.as_of = day("2025-06-01");
  request.landed_cost_per_unit = usd("7.00");
  request.price_includes_vat = false;
  auto result = compute_margin(vat(), fees(), request);
  ASSERT_TRUE(result.ok());
  // 24.99 − 1.02 − 7.00 = 16.97; 16.97 / 24.99 = 67.907… % → 67.91;
  // break-even (0.30 + 7.00) / (1 − 0.029) = 7.5180… → 7.52.
  EXPECT_EQ(result->contribution, usd("16.97"));
  EXPECT_EQ(result->margin_percent, dec("67.91"));
  EXPECT_EQ(result->break_even_price, usd("7.52"));
  EXPECT_FALSE(result->vat_rate.has_value());
}

TEST(Margin, LinesWalkFromPriceToContribution) {
  auto result = compute_margin(vat(), fees(), amazon_de());
  ASSERT_TRUE(result.ok());
  Money sum = eur("0");
  for (std::size_t i = 0; i + 1 < result->lines.size(); ++i) sum += result->lines[i].amount;
  EXPECT_EQ(sum, result->lines.back().amount);
  EXPECT_EQ(result->lines[1].label, "VAT 19 % (DE) contained in the price");
}

TEST(Margin, CurrencyMismatchIsRejected) {
  MarginRequest request = amazon_de();
  request.landed_cost_per_unit = usd("6.50");
  EXPECT_EQ(compute_margin(vat(), fees(), request).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kontor::trade

namespace kontor::trade {
namespace {

TEST(MarginJson, CarriesFiguresAsDecimalStrings) {
  auto result = compute_margin(vat(), fees(), amazon_de());
  ASSERT_TRUE(result.ok());
  nlohmann::json j = to_json(*result);
  EXPECT_EQ(j["contribution"]["amount"], "7.55");
  EXPECT_EQ(j["margin_percent"], "35.95");
  EXPECT_EQ(j["break_even_price"]["amount"], "14.06");
  EXPECT_EQ(j["vat_rate"], "0.19");
}

}  // namespace
}  // namespace kontor::trade
