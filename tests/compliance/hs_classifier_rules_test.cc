// The HS classifier's text and GRI-style rules, on their own (no reference data needed).
#include <gtest/gtest.h>

#include "compliance/hs_rules.h"
#include "compliance/hs_text.h"

namespace kontor::compliance {
namespace {

ProductText listing(std::string title,
                    std::vector<std::pair<std::string, std::string>> attrs = {}) {
  ProductText p;
  p.title = std::move(title);
  p.attributes = std::move(attrs);
  return p;
}

TEST(HsText, SpellsTheUsWayAndStemsPlurals) {
  EXPECT_EQ(normalize_word("Jewellery"), "jewelry");
  EXPECT_EQ(normalize_word("boxes"), "box");
  EXPECT_EQ(normalize_word("batteries"), "battery");
  EXPECT_EQ(normalize_word("Aluminium"), "aluminum");
  EXPECT_EQ(normalize_word("the"), "");
  EXPECT_EQ(normalize_word("2024"), "");
  EXPECT_EQ(normalize_word("925"), "925");
}

TEST(HsText, ChineseBecomesCharacterUnigramsAndBigrams) {
  TermWeights terms;
  add_terms("保温杯 steel", 1.0, terms);
  EXPECT_TRUE(terms.contains("保温"));
  EXPECT_TRUE(terms.contains("温杯"));
  EXPECT_TRUE(terms.contains("杯"));
  EXPECT_TRUE(terms.contains("steel"));
  EXPECT_FALSE(terms.contains("保温杯"));
}

TEST(HsText, StripsExclusionClauses) {
  EXPECT_EQ(strip_exclusions("Communication apparatus (excluding telephone sets or base "
                             "stations); machines"),
            "Communication apparatus (); machines");
}

TEST(HsRules, MaterialFromAttributeBeforeTitle) {
  const ListingTraits f =
      listing_traits(listing("Insulated Water Bottle 500ml", {{"Material", "Stainless Steel"}}));
  EXPECT_TRUE(f.materials & static_cast<MaterialMask>(Material::kSteel));
  EXPECT_FALSE(f.materials & static_cast<MaterialMask>(Material::kPlastics));
  EXPECT_EQ(f.material_source, "attribute Material = 'Stainless Steel'");
}

TEST(HsRules, WordsAfterForDoNotGiveTheMaterial) {
  const ListingTraits f = listing_traits(listing("Silicone Case for Stainless Steel Bottle"));
  EXPECT_TRUE(f.materials & static_cast<MaterialMask>(Material::kPlastics));
  EXPECT_FALSE(f.materials & static_cast<MaterialMask>(Material::kSteel));
}

TEST(HsRules, CandidateMaterialFromNomenclatureText) {
  const CandidateFacts plastics = candidate_facts(
      "Tableware and kitchenware, of plastics",
      "Tableware, kitchenware, other household articles and hygienic or toilet articles, of "
      "plastics",
      "39");
  EXPECT_EQ(plastics.materials, static_cast<MaterialMask>(Material::kPlastics));
  // "whether or not plated with precious metal" does not make imitation jewellery precious.
  const CandidateFacts imitation = candidate_facts(
      "Jewellery; imitation, of base metal, whether or not plated with precious metal",
      "Imitation jewellery", "71");
  EXPECT_FALSE(imitation.materials & static_cast<MaterialMask>(Material::kPrecious));
  EXPECT_TRUE(imitation.materials & static_cast<MaterialMask>(Material::kBaseMetal));
}

TEST(HsRules, SteelListingExcludesPlasticsHeading) {
  const ListingTraits steel = listing_traits(listing("Bottle", {{"Material", "Stainless Steel"}}));
  const CandidateFacts plastics =
      candidate_facts("Tableware and kitchenware, of plastics", "of plastics", "39");
  const RuleOutcome r = apply_rules(steel, plastics);
  EXPECT_TRUE(r.excluded);
  EXPECT_LT(r.adjustment, 0);
  ASSERT_FALSE(r.reasons.empty());
  EXPECT_EQ(r.reasons[0],
            "its text is for articles of plastics, the listing's material is iron or steel "
            "(attribute Material = 'Stainless Steel')");
}

TEST(HsRules, KnittedListingExcludesNotKnittedChapter) {
  const ListingTraits knit = listing_traits(listing("Women's Knitted Cardigan Sweater"));
  EXPECT_EQ(knit.knit, 1);
  const CandidateFacts woven = candidate_facts(
      "Jackets and blazers; women's or girls', of cotton (not knitted or crocheted)",
      "Suits, ensembles, jackets; women's or girls' (not knitted or crocheted)", "62");
  EXPECT_EQ(woven.knit, -1);
  EXPECT_TRUE(apply_rules(knit, woven).excluded);
}

TEST(HsRules, PartsSubheadingIsForParts) {
  const CandidateFacts parts = candidate_facts(
      "Communication apparatus; parts, other than aerials and aerial reflectors of all kinds",
      "Telephone sets", "85");
  EXPECT_TRUE(parts.parts_only);
  const CandidateFacts phones =
      candidate_facts("Telephone sets; smartphones for cellular or other wireless networks",
                      "Telephone sets", "85");
  EXPECT_FALSE(phones.parts_only);
  EXPECT_TRUE(listing_traits(listing("Replacement LCD Screen for iPhone 12")).is_part);
  EXPECT_FALSE(listing_traits(listing("Smartphone 6.5 inch 128GB")).is_part);
}

TEST(HsRules, QuestionSeparatesByMaterial) {
  const CandidateFacts plastics = candidate_facts("Tableware, of plastics", "of plastics", "39");
  const CandidateFacts steel =
      candidate_facts("Steel, stainless; table, kitchen and other household articles",
                      "household articles of iron or steel", "73");
  const SeparatingQuestion q = separating_question({&plastics, &steel}, {"a", "b"});
  EXPECT_EQ(q.field, "main_material");
  EXPECT_EQ(q.text, "What is the main material: plastics or iron or steel?");
  EXPECT_EQ(q.options, (std::vector<std::string>{"plastics", "iron or steel"}));
}

TEST(HsRules, QuestionSeparatesKnittedFromWoven) {
  const CandidateFacts knit = candidate_facts("T-shirts; of cotton, knitted or crocheted",
                                              "T-shirts; knitted or crocheted", "61");
  const CandidateFacts woven =
      candidate_facts("Shirts; men's, of cotton (not knitted or crocheted)",
                      "Shirts (not knitted or crocheted)", "62");
  const SeparatingQuestion q = separating_question({&knit, &woven}, {"a", "b"});
  EXPECT_EQ(q.field, "fabric");
  EXPECT_EQ(q.text, "Is the fabric knitted or crocheted, or woven?");
}

}  // namespace
}  // namespace kontor::compliance
