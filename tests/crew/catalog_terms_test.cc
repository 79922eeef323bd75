#include "crew/catalog_terms.h"

#include <gtest/gtest.h>

namespace kontor::crew {
namespace {

Decimal dec(std::string_view text) { return Decimal::parse(text).value(); }
Currency usd() { return Currency::make("USD", 2).value(); }

TEST(CatalogTerms, AnOfferIsPricedByTheQuoteEngine) {
  catalog::Offer offer;
  offer.id = "O9";
  offer.supplier_id = "S7";
  offer.currency = usd();
  offer.tiers = {{100, dec("2.50")}, {1000, dec("2.10")}};
  offer.moq = 100;
  offer.incoterm = Incoterm::kEXW;
  const trade::QuoteTerms terms = quote_terms(offer);
  EXPECT_EQ(terms.offer_id, "O9");
  EXPECT_EQ(terms.supplier_id, "S7");
  auto quote =
      trade::normalise_quote(terms, 150, usd(), Date::parse("2025-03-01").value(), nullptr);
  ASSERT_TRUE(quote.ok());
  EXPECT_EQ(quote->goods_total.amount(), dec("375"));
  EXPECT_EQ(quote->buyer_pays.size(), 6u);  // EXW leaves every leg to the buyer
}

TEST(CatalogTerms, ASupplierKeepsItsVerificationAndRates) {
  catalog::Supplier s;
  s.id = "S7";
  s.verification = catalog::Verification::kVerified;
  s.on_time_rate = dec("0.9");
  const trade::SupplierProfile profile = supplier_profile(s);
  EXPECT_EQ(profile.id, "S7");
  EXPECT_EQ(profile.verification, trade::SupplierVerification::kVerified);
  EXPECT_EQ(profile.on_time_rate, dec("0.9"));
}

}  // namespace
}  // namespace kontor::crew
