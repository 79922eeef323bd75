// The HS classifier on the real HS 2022 nomenclature and US HTS 2024, learning from the
// development listings under shared/bench: tricky pairs, escalation, the JSON line format.
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "compliance/hs_classifier.h"
#include "compliance/hs_jsonl.h"
#include "refdata/reference_data.h"

namespace kontor::compliance {
namespace {

class HsClassifierPairsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    refdata::DataPaths paths{KONTOR_DEFAULT_DATA_DIR, KONTOR_REPO_DATA_DIR};
    auto data = refdata::ReferenceData::load(paths);
    ASSERT_TRUE(data.ok()) << data.status().message();
    data_ = *data;
    auto training = load_development_sets(KONTOR_DEFAULT_BENCH_DIR);
    ASSERT_TRUE(training.ok()) << training.status().message();
    auto classifier = HsClassifier::create(*data_, std::move(*training));
    ASSERT_TRUE(classifier.ok()) << classifier.status().message();
    classifier_ = std::make_unique<HsClassifier>(std::move(*classifier));
  }
  static void TearDownTestSuite() {
    classifier_.reset();
    data_.reset();
  }

  static Classification classify(std::string title,
                                 std::vector<std::pair<std::string, std::string>> attrs = {},
                                 std::vector<std::string> category = {}) {
    ProductText p;
    p.title = std::move(title);
    p.attributes = std::move(attrs);
    p.category_path = std::move(category);
    return classifier_->classify(p, 3);
  }

  static std::shared_ptr<const refdata::ReferenceData> data_;
  static std::unique_ptr<HsClassifier> classifier_;
};

std::shared_ptr<const refdata::ReferenceData> HsClassifierPairsTest::data_;
std::unique_ptr<HsClassifier> HsClassifierPairsTest::classifier_;

TEST_F(HsClassifierPairsTest, LearnsFromBothDevelopmentSets) {
  EXPECT_EQ(classifier_->training_size(), 516u);
}

TEST_F(HsClassifierPairsTest, PlasticBottleIsArticleOfPlastics) {
  const Classification r =
      classify("Sports Water Bottle 750ml Leakproof", {{"Material", "Plastic"}},
               {"Home & Garden", "Kitchen,Dining & Bar", "Drinkware", "Water Bottles"});
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_EQ(r.candidates[0].hs6.substr(0, 2), "39");
}

TEST_F(HsClassifierPairsTest, StainlessSteelBottleIsNotPlastics) {
  const Classification r =
      classify("Sports Water Bottle 750ml Leakproof", {{"Material", "Stainless Steel"}},
               {"Home & Garden", "Kitchen,Dining & Bar", "Drinkware", "Water Bottles"});
  ASSERT_FALSE(r.candidates.empty());
  const std::string heading = r.candidates[0].hs6.substr(0, 4);
  EXPECT_TRUE(heading == "7323" || heading == "9617") << r.candidates[0].hs6;
}

TEST_F(HsClassifierPairsTest, RationaleNamesTheExcludedPlasticsHeading) {
  const Classification r =
      classify("Sports Water Bottle 750ml Leakproof", {{"Material", "Stainless Steel"}},
               {"Home & Garden", "Kitchen,Dining & Bar", "Drinkware", "Water Bottles"});
  ASSERT_FALSE(r.candidates.empty());
  bool names_exclusion = false;
  for (const std::string& line : r.candidates[0].rationale) {
    names_exclusion |= line.starts_with("excluded 39") &&
                       line.find("the listing's material is iron or steel") != std::string::npos;
  }
  EXPECT_TRUE(names_exclusion);
}

TEST_F(HsClassifierPairsTest, PhoneIsTelephoneSet) {
  const Classification r = classify("Smartphone 6.7 inch 8GB 256GB 5G Android Mobile Phone", {},
                                    {"Phones & Telecommunications", "Mobile Phones"});
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_EQ(r.candidates[0].hs6, "851713");
}

TEST_F(HsClassifierPairsTest, PhoneCaseIsNotATelephoneSet) {
  const Classification r =
      classify("Shockproof Silicone Case for iPhone 15 Pro Max", {{"Material", "Silicone"}},
               {"Phones & Telecommunications", "Mobile Phone Accessories", "Phone Cases"});
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_NE(r.candidates[0].hs6.substr(0, 4), "8517");
}

TEST_F(HsClassifierPairsTest, ReplacementPartGoesToParts) {
  const Classification r = classify("Replacement Part Carbon Brush for Electric Motor");
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_NE(r.candidates[0].description.find("arbon"), std::string::npos)
      << r.candidates[0].hs6 << " " << r.candidates[0].description;
}

TEST_F(HsClassifierPairsTest, UsLineIsUnderTheSubheading) {
  const Classification r =
      classify("925 Sterling Silver Stud Earrings for Women", {{"Metals Type", "Silver"}},
               {"Jewelry & Accessories", "Fine Jewelry", "Earrings"});
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_EQ(r.candidates[0].hs6, "711311");
  EXPECT_EQ(r.candidates[0].hs10.substr(0, 6), "711311");
  EXPECT_EQ(r.candidates[0].hs10.size(), 10u);
}

TEST_F(HsClassifierPairsTest, VagueListingEscalatesWithAQuestion) {
  const Classification r = classify("Bottle");
  EXPECT_TRUE(r.needs_human);
  EXPECT_FALSE(r.question.text.empty());
  EXPECT_GE(r.asked_about.size(), 2u);
  ASSERT_GE(r.candidates.size(), 2u);
  EXPECT_LT(r.candidates[0].confidence, classifier_->options().escalation_threshold);
}

TEST_F(HsClassifierPairsTest, BottleWithoutMaterialAsksForTheMaterial) {
  const Classification r =
      classify("Drinking bottle with lid, household", {}, {"Home & Garden", "Drinkware"});
  ASSERT_TRUE(r.needs_human);
  EXPECT_EQ(r.question.field, "main_material") << r.question.text;
  EXPECT_EQ(r.question.text.rfind("What is the main material: ", 0), 0u) << r.question.text;
}

TEST_F(HsClassifierPairsTest, ConfidencesAreProbabilities) {
  const Classification r = classify("Cotton T-shirt for men, knitted jersey");
  ASSERT_EQ(r.candidates.size(), 3u);
  double sum = 0;
  for (const HsCandidate& c : r.candidates) {
    EXPECT_GE(c.confidence, 0.0);
    EXPECT_LE(c.confidence, 1.0);
    sum += c.confidence;
  }
  EXPECT_LE(sum, 1.0 + 1e-9);
}

TEST_F(HsClassifierPairsTest, BatchWritesOneJsonLinePerItem) {
  std::istringstream in(
      "{\"task_id\": 7, \"product_name\": \"Stainless Steel Vacuum Flask\", "
      "\"product_attributes\": \"{\\\"Material\\\":\\\"Stainless Steel\\\"}\", "
      "\"cate_lv1_desc\": \"Home & Garden\", \"cate_lv1_desc_cn\": \"家居用品\"}\n"
      "\n"
      "{\"task_id\": 8, \"product_name\": \"Kids plastic toy car\"}\n");
  std::ostringstream out;
  ASSERT_TRUE(classify_batch(*classifier_, in, "batch.jsonl", out, 2).ok());
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_EQ(text.rfind("{\"task_id\":7,\"candidates\":[{", 0), 0u) << text.substr(0, 80);
  EXPECT_NE(text.find("\"hs6\":"), std::string::npos);
  EXPECT_NE(text.find("\"hs10\":"), std::string::npos);
  EXPECT_NE(text.find("\"rationale\":"), std::string::npos);
}

TEST_F(HsClassifierPairsTest, MalformedBatchLineIsAnErrorNamingTheLine) {
  std::istringstream in(
      "{\"task_id\": 1, \"product_name\": \"Ceramic mug\"}\n"
      "{\"task_id\": 2, \"product_name\": \"Glass vase\"\n");
  std::ostringstream out;
  const Status s = classify_batch(*classifier_, in, "items.jsonl", out);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "items.jsonl line 2: not valid JSON");
  EXPECT_TRUE(out.str().empty());
}

TEST_F(HsClassifierPairsTest, EscalationQuestionIsInTheJsonLine) {
  HsBatchItem item;
  item.task_id = "q1";
  item.product.title = "Bottle";
  const Classification r = classifier_->classify(item.product, 3);
  ASSERT_TRUE(r.needs_human);
  const std::string line = classification_json_line(item, r);
  EXPECT_EQ(line.rfind("{\"task_id\":\"q1\",\"candidates\":[", 0), 0u) << line.substr(0, 60);
  EXPECT_NE(line.find("\"needs_human\":true,\"question\":{\"field\":\"" + r.question.field + "\""),
            std::string::npos);
}

TEST_F(HsClassifierPairsTest, SetIsClassifiedByEssentialCharacter) {
  const Classification r = classify("Manicure Set 12 in 1 Nail Clipper Kit Stainless Steel");
  ASSERT_FALSE(r.candidates.empty());
  bool gri3b = false;
  for (const std::string& line : r.candidates[0].rationale) {
    gri3b |= line.find("GRI 3 b") != std::string::npos;
  }
  EXPECT_TRUE(gri3b);
}

}  // namespace
}  // namespace kontor::compliance
