#include "catalog/demo_marketplace.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace kontor::catalog {
namespace {

const Glossary& glossary() {
  static const Glossary g = Glossary::load_default().value();
  return g;
}

const Catalog& demo() {
  static const Catalog c = demo_marketplace(DemoOptions{}, glossary()).value();
  return c;
}

TEST(DemoMarketplace, DefaultSizeIsFiveThousandProductsEachWithOneOffer) {
  EXPECT_EQ(demo().products().size(), 5000u);
  EXPECT_EQ(demo().offers().size(), 5000u);
  EXPECT_EQ(demo().suppliers().size(), 250u);
  EXPECT_TRUE(demo().check_references().ok());
}

// Regression: `make demo` on 2026-12-05 found every offer of the demo marketplace (valid from
// 2026-01-01) expired, so no supplier could serve the README's goal.
TEST(DemoMarketplace, CurrentOffersAreValidForAtLeastNinetyDaysFromToday) {
  const Date today = Date::from_ymd(2027, 6, 17).value();
  DemoOptions options = DemoOptions::current(today);
  options.products = 1000;
  EXPECT_EQ(options.as_of, Date::from_ymd(2027, 6, 1).value());
  const Catalog catalog = demo_marketplace(options, glossary()).value();
  ASSERT_EQ(catalog.offers().size(), 1000u);
  for (const Offer& offer : catalog.offers()) {
    EXPECT_GE(offer.valid_until, options.as_of.plus_days(90)) << offer.id;
    EXPECT_GT(offer.valid_until, today.plus_days(60)) << offer.id;
  }
}

TEST(DemoMarketplace, EveryRecordIsLabelledDemo) {
  EXPECT_TRUE(demo().is_demo());
  EXPECT_EQ(demo().products().front().id, "DEMO-P0000001");
  EXPECT_EQ(demo().suppliers().front().id, "DEMO-S00001");
}

TEST(DemoMarketplace, AtLeastTenProductsPerLeafCategory) {
  std::map<std::vector<std::string>, int> per_leaf;
  for (const Product& p : demo().products()) ++per_leaf[p.category_path];
  int smallest = 1 << 30;
  for (const auto& [path, n] : per_leaf) smallest = std::min(smallest, n);
  EXPECT_GE(smallest, 10);
  EXPECT_GE(per_leaf.size(), 150u);
}

TEST(DemoMarketplace, FirstProductComesFromFirstRealListing) {
  const Product& p = demo().products().front();
  EXPECT_EQ(p.category_path,
            (std::vector<std::string>{"Jewelry & Accessories", "Fashion Jewelry", "Pendants"}));
  EXPECT_EQ(p.category_path_zh.back(), "项链吊坠");
  EXPECT_EQ(p.attributes.at("material"), "Metal");
}

TEST(DemoMarketplace, SameSeedGivesIdenticalCatalog) {
  DemoOptions options;
  options.products = 1000;
  Catalog a = demo_marketplace(options, glossary()).value();
  Catalog b = demo_marketplace(options, glossary()).value();
  for (std::size_t i = 0; i < a.products().size(); ++i) {
    ASSERT_EQ(to_json(a.products()[i]), to_json(b.products()[i]));
    ASSERT_EQ(to_json(a.offers()[i]), to_json(b.offers()[i]));
  }
}

TEST(DemoMarketplace, SuppliersComeFromTheSourcingCountries) {
  std::set<std::string> countries;
  for (const Supplier& s : demo().suppliers()) countries.insert(std::string(s.country.code()));
  for (const char* c : {"CN", "VN", "IN", "TR", "MX", "PL", "BD"}) {
    EXPECT_TRUE(countries.count(c)) << c;
  }
}

TEST(DemoMarketplace, TitlesAppearInSeveralLanguages) {
  std::map<std::string, int> originals;
  for (const Product& p : demo().products()) ++originals[p.titles.front().lang];
  for (const char* lang : {"en", "zh", "vi", "tr", "es", "pt"}) {
    EXPECT_GT(originals[lang], 0) << lang;
  }
}

TEST(DemoMarketplace, TiersStartAtMoqAndFallWithQuantity) {
  for (const Offer& o : demo().offers()) {
    ASSERT_EQ(o.tiers.front().min_quantity, o.moq) << o.id;
    for (std::size_t i = 1; i < o.tiers.size(); ++i) {
      ASSERT_GT(o.tiers[i].min_quantity, o.tiers[i - 1].min_quantity) << o.id;
      ASSERT_LE(o.tiers[i].unit_price, o.tiers[i - 1].unit_price) << o.id;
    }
  }
}

TEST(DemoMarketplace, DemoCatalogPassesImportValidation) {
  DemoOptions options;
  options.products = 1000;
  Catalog c = demo_marketplace(options, glossary()).value();
  for (const Offer& o : c.offers()) ASSERT_TRUE(offer_from_json(to_json(o)).ok()) << o.id;
  for (const Product& p : c.products()) {
    auto back = product_from_json(to_json(p));
    ASSERT_TRUE(back.ok()) << p.id << " " << back.status().to_string();
  }
}

TEST(DemoMarketplace, SizeOutsideRangeIsRejected) {
  DemoOptions options;
  options.products = 0;
  EXPECT_EQ(demo_marketplace(options, glossary()).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kontor::catalog
