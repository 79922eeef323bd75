// The HS model's query terms (category-path tokens, head noun) and calibration features, on a
// hand-made two-subheading nomenclature (no reference data needed).
#include <gtest/gtest.h>

#include <cmath>

#include "compliance/hs_model.h"

namespace kontor::compliance {
namespace {

ProductText pendant() {
  ProductText p;
  p.title = "Retro Green Dragon Magnetic Pendant";
  p.category_path = {"Jewelry & Accessories", "珠宝饰品及配件", "Fashion Jewelry", "Pendants",
                     "Pendants"};
  return p;
}

TEST(HsModelTerms, CategoryTokensAreOffByDefault) {
  const TermWeights terms = product_terms(pendant());
  for (const auto& [t, w] : terms) EXPECT_FALSE(t.starts_with("cat:")) << t;
}

TEST(HsModelTerms, CategoryTokensArePathPrefixesWithoutRepeatedLevels) {
  HsModelOptions o;
  o.category_weight = 0.5;
  const TermWeights terms = product_terms(pendant(), o);
  EXPECT_DOUBLE_EQ(terms.at("cat:jewelry & accessories>"), 0.5);
  EXPECT_DOUBLE_EQ(terms.at("cat:jewelry & accessories>珠宝饰品及配件>fashion jewelry>pendants>"),
                   0.5);
  EXPECT_FALSE(terms.contains(
      "cat:jewelry & accessories>珠宝饰品及配件>fashion jewelry>pendants>pendants>"));
}

TEST(HsModelTerms, HeadNounIsTheLastTitleWordBeforeFor) {
  ProductText p;
  p.title = "Silicone Phone Case for iPhone 15";
  HsModelOptions o;
  o.head_weight = 1.0;
  const double plain = product_terms(p).at("case");
  EXPECT_DOUBLE_EQ(product_terms(p, o).at("case"), plain + 1.0);
  EXPECT_DOUBLE_EQ(product_terms(p, o).at("silicone"), product_terms(p).at("silicone"));
}

HsTexts two_subheadings() {
  HsTexts texts;
  texts.sections = {{"XX", "Miscellaneous"}};
  texts.entries = {{"71", "Pearls, precious stones, imitation jewellery", "XX"},
                   {"7117", "Imitation jewellery", "XX"},
                   {"711719", "Imitation jewellery of base metal, other", "XX"},
                   {"711790", "Imitation jewellery, other", "XX"}};
  return texts;
}

TEST(HsModelCalibration, FeaturesAreLogOddsThenTrainingCounts) {
  HsModelOptions o;
  o.calibration_features = 3;
  auto index = build_index(two_subheadings(), o);
  LabeledProduct seen{pendant(), {"7117190000"}};
  auto model = learn_model(index, {seen, seen}, o);
  RankedClass r;
  r.c = index->class_of.at("711719");
  r.log_odds = 1.5;
  const std::vector<double> x = calibration_features(*model, r);
  ASSERT_EQ(x.size(), 3u);
  EXPECT_DOUBLE_EQ(x[0], 1.5);
  EXPECT_DOUBLE_EQ(x[1], std::log1p(2.0));
  EXPECT_DOUBLE_EQ(x[2], std::log1p(2.0));
  r.c = index->class_of.at("711790");
  EXPECT_DOUBLE_EQ(calibration_features(*model, r)[1], 0.0);
  o.calibration_features = 1;
  model->options = o;
  EXPECT_EQ(calibration_features(*model, r).size(), 1u);
}

}  // namespace
}  // namespace kontor::compliance
