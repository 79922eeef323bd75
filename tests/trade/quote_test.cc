#include "trade/quote.h"

#include <gtest/gtest.h>

#include "refdata/data_paths.h"

namespace kontor::trade {
namespace {

Decimal dec(const char* text) { return Decimal::parse(text).value(); }
Date day(const char* text) { return Date::parse(text).value(); }
Currency usd() { return Currency::make("USD", 2).value(); }
Currency eur() { return Currency::make("EUR", 2).value(); }

// 500+ at 4.80, 1000+ at 4.20, 5000+ at 3.90 USD, FOB Ningbo, valid to 2025-12-31.
QuoteTerms bottle_offer() {
  QuoteTerms terms;
  terms.offer_id = "O1";
  terms.supplier_id = "S1";
  terms.currency = usd();
  terms.tiers = {{500, dec("4.80")}, {1000, dec("4.20")}, {5000, dec("3.90")}};
  terms.moq = 500;
  terms.incoterm = Incoterm::kFOB;
  terms.named_place = "Ningbo";
  terms.valid_until = day("2025-12-31");
  return terms;
}

FxLookup fixed_rate(const char* rate) {
  return [rate](const Currency& from, const Currency& to, Date date) -> StatusOr<FxRate> {
    return FxRate{from, to, Decimal::parse(rate).value(), date, {}, ""};
  };
}

TEST(Quote, TierAtTheBriefsQuantity) {
  auto quote = normalise_quote(bottle_offer(), 2000, usd(), day("2025-03-01"), nullptr);
  ASSERT_TRUE(quote.ok()) << quote.status().message();
  EXPECT_TRUE(quote->serviceable);
  EXPECT_EQ(quote->tier->min_quantity, 1000);
  EXPECT_EQ(quote->unit_price.to_string(), "4.20 USD");
  EXPECT_EQ(quote->goods_total.amount(), dec("8400"));
  EXPECT_EQ(quote->tier_text, "tier from 1000 units: 4.20 USD");
  EXPECT_FALSE(quote->fx.has_value());
}

TEST(Quote, TierBoundaryIsInclusive) {
  auto quote = normalise_quote(bottle_offer(), 5000, usd(), day("2025-03-01"), nullptr);
  ASSERT_TRUE(quote.ok());
  EXPECT_EQ(quote->unit_price.amount(), dec("3.90"));
}

TEST(Quote, MoqNotMetIsNotServiceableWithReason) {
  auto quote = normalise_quote(bottle_offer(), 300, usd(), day("2025-03-01"), nullptr);
  ASSERT_TRUE(quote.ok());
  EXPECT_FALSE(quote->serviceable);
  EXPECT_EQ(quote->reason, "MOQ 500 not met by 300 units");
}

TEST(Quote, ExpiredOfferIsNotServiceable) {
  auto quote = normalise_quote(bottle_offer(), 2000, usd(), day("2026-01-05"), nullptr);
  ASSERT_TRUE(quote.ok());
  EXPECT_FALSE(quote->serviceable);
  EXPECT_EQ(quote->reason, "offer expired on 2025-12-31");
}

TEST(Quote, ConvertedWithTheDatedRateExactly) {
  // 4.20 USD × 0.92 = 3.864 EUR per unit (unrounded), × 2000 = 7728 EUR.
  auto quote = normalise_quote(bottle_offer(), 2000, eur(), day("2025-03-01"), fixed_rate("0.92"));
  ASSERT_TRUE(quote.ok());
  EXPECT_EQ(quote->unit_price_target.to_string(), "3.864 EUR");
  EXPECT_EQ(quote->goods_total_target.amount(), dec("7728"));
  ASSERT_TRUE(quote->fx.has_value());
  EXPECT_EQ(quote->fx->rate, dec("0.92"));
}

TEST(Quote, ConvertedWithRealEcbRate) {
  const auto paths = refdata::DataPaths::from_environment();
  auto table =
      refdata::FxTable::load(paths.shared_dir + "/fx_ecb_eurofxref_hist.csv",
                             paths.shared_dir + "/fx_fred_usd_rates_monthly.csv",
                             paths.shared_dir + "/fx_hmrc_monthly_rates_gbp_2020_2023.csv");
  ASSERT_TRUE(table.ok()) << table.status().message();
  auto quote =
      normalise_quote(bottle_offer(), 2000, eur(), day("2025-03-03"), fx_lookup_from(*table));
  ASSERT_TRUE(quote.ok()) << quote.status().message();
  ASSERT_TRUE(quote->fx.has_value());
  EXPECT_EQ(quote->fx->date, day("2025-03-03"));
  EXPECT_EQ(quote->unit_price_target.amount(), dec("4.20") * quote->fx->rate);
  EXPECT_NE(quote->fx->provenance.source, nullptr);
}

TEST(Quote, CurrencyMismatchWithoutFxIsAnError) {
  auto quote = normalise_quote(bottle_offer(), 2000, eur(), day("2025-03-01"), nullptr);
  EXPECT_EQ(quote.status().code(), StatusCode::kInvalidArgument);
}

TEST(Quote, FobLeavesFreightAndInsuranceToTheBuyer) {
  auto quote = normalise_quote(bottle_offer(), 2000, usd(), day("2025-03-01"), nullptr);
  ASSERT_TRUE(quote.ok());
  EXPECT_TRUE(quote->needs_freight);
  EXPECT_TRUE(quote->needs_insurance);
  const std::vector<BuyerCost> expected = {BuyerCost::kMainCarriage, BuyerCost::kInsurance,
                                           BuyerCost::kDestinationDelivery,
                                           BuyerCost::kImportClearance};
  EXPECT_EQ(quote->buyer_pays, expected);
  EXPECT_EQ(quote->notes.front(),
            "FOB Ningbo: main freight and cargo insurance are the buyer's to add");
}

TEST(Quote, CifAndDapNeedNoFreightOrInsurance) {
  QuoteTerms terms = bottle_offer();
  terms.incoterm = Incoterm::kCIF;
  auto cif = normalise_quote(terms, 2000, usd(), day("2025-03-01"), nullptr);
  ASSERT_TRUE(cif.ok());
  EXPECT_FALSE(cif->needs_freight);
  EXPECT_FALSE(cif->needs_insurance);
  terms.incoterm = Incoterm::kDAP;
  auto dap = normalise_quote(terms, 2000, usd(), day("2025-03-01"), nullptr);
  ASSERT_TRUE(dap.ok());
  EXPECT_FALSE(dap->needs_insurance);
  EXPECT_EQ(dap->buyer_pays, std::vector<BuyerCost>{BuyerCost::kImportClearance});
}

TEST(Quote, RejectsBadInput) {
  EXPECT_EQ(
      normalise_quote(bottle_offer(), 0, usd(), day("2025-03-01"), nullptr).status().message(),
      "quantity: must be positive");
  QuoteTerms empty = bottle_offer();
  empty.tiers.clear();
  EXPECT_EQ(normalise_quote(empty, 10, usd(), day("2025-03-01"), nullptr).status().message(),
            "offer O1: no price tiers");
}

}  // namespace
}  // namespace kontor::trade

namespace kontor::trade {
namespace {

TEST(QuoteJson, ServiceableAndNot) {
  auto ok = normalise_quote(bottle_offer(), 2000, usd(), day("2025-03-01"), nullptr);
  ASSERT_TRUE(ok.ok());
  nlohmann::json j = to_json(*ok);
  EXPECT_EQ(j["unit_price"]["amount"], "4.2");
  EXPECT_EQ(j["goods_total"]["amount"], "8400");
  EXPECT_EQ(j["buyer_pays"][0], "main_carriage");
  auto no = normalise_quote(bottle_offer(), 10, usd(), day("2025-03-01"), nullptr);
  ASSERT_TRUE(no.ok());
  EXPECT_EQ(to_json(*no)["reason"], "MOQ 500 not met by 10 units");
}

}  // namespace
}  // namespace kontor::trade
