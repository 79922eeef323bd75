// The trained HS classifier as bytes and back (what the cache folder keeps between
// processes): the decoded classifier gives exactly the same answers; a truncated, damaged or
// foreign blob is data_loss, never a crash; the training key follows the options.
#include <gtest/gtest.h>

#include <memory>
#include <random>

#include "compliance/hs_classifier.h"
#include "compliance/hs_jsonl.h"
#include "refdata/reference_data.h"

namespace kontor::compliance {
namespace {

class HsModelCodecTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    refdata::DataPaths paths{KONTOR_DEFAULT_DATA_DIR, KONTOR_REPO_DATA_DIR};
    auto data = refdata::ReferenceData::load(paths);
    ASSERT_TRUE(data.ok()) << data.status().message();
    data_ = *data;
    auto training = load_development_sets(KONTOR_DEFAULT_BENCH_DIR);
    ASSERT_TRUE(training.ok()) << training.status().message();
    ASSERT_GE(training->size(), 100u);
    training->resize(100);  // enough for the calibration folds, quicker than all of them
    auto classifier = HsClassifier::create(*data_, std::move(*training));
    ASSERT_TRUE(classifier.ok()) << classifier.status().message();
    classifier_ = std::make_unique<HsClassifier>(std::move(*classifier));
    blob_ = std::make_unique<std::string>(classifier_->to_bytes());
  }
  static void TearDownTestSuite() {
    classifier_.reset();
    blob_.reset();
    data_.reset();
  }

  static std::vector<ProductText> products() {
    return {
        {"Double wall insulated stainless steel water bottle 500ml", "", {}, {"Home", "Drinkware"}},
        {"Men's knitted cotton pullover sweater", "", {{"Material", "Cotton"}}, {}},
        {"Bluetooth speaker portable wireless", "", {}, {"Consumer Electronics"}},
        {"Ceramic coffee mug 350 ml", "", {}, {}},
        {"保温杯 不锈钢", "", {}, {"家居"}},
        {"", "", {}, {}},  // nothing known: low confidence, a question
    };
  }

  static std::shared_ptr<const refdata::ReferenceData> data_;
  static std::unique_ptr<HsClassifier> classifier_;
  static std::unique_ptr<std::string> blob_;
};

std::shared_ptr<const refdata::ReferenceData> HsModelCodecTest::data_;
std::unique_ptr<HsClassifier> HsModelCodecTest::classifier_;
std::unique_ptr<std::string> HsModelCodecTest::blob_;

TEST_F(HsModelCodecTest, DecodedClassifierGivesTheSameAnswers) {
  auto decoded = HsClassifier::from_bytes(*blob_);
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  EXPECT_EQ(decoded->training_size(), 100u);
  EXPECT_EQ(decoded->options().escalation_threshold, classifier_->options().escalation_threshold);
  int escalated = 0;
  for (const ProductText& p : products()) {
    const Classification want = classifier_->classify(p, 5);
    const Classification got = decoded->classify(p, 5);
    ASSERT_EQ(got.candidates.size(), want.candidates.size()) << p.title;
    ASSERT_FALSE(want.candidates.empty());
    for (std::size_t i = 0; i < want.candidates.size(); ++i) {
      EXPECT_EQ(got.candidates[i].hs6, want.candidates[i].hs6) << p.title;
      EXPECT_EQ(got.candidates[i].hs10, want.candidates[i].hs10) << p.title;
      EXPECT_EQ(got.candidates[i].confidence, want.candidates[i].confidence) << p.title;
      EXPECT_EQ(got.candidates[i].rationale, want.candidates[i].rationale) << p.title;
    }
    EXPECT_EQ(got.needs_human, want.needs_human);
    EXPECT_EQ(got.question.text, want.question.text);
    EXPECT_EQ(got.question.options, want.question.options);
    EXPECT_EQ(got.asked_about, want.asked_about);
    escalated += want.needs_human ? 1 : 0;
  }
  EXPECT_GE(escalated, 1);  // the empty listing: the question path is compared too
  // The bottle is steel ware of chapter 73 either way.
  EXPECT_EQ(decoded->classify(products()[0]).candidates[0].hs6.substr(0, 2), "73");
}

TEST_F(HsModelCodecTest, TruncatedBlobIsDataLoss) {
  for (std::size_t keep : {std::size_t{0}, std::size_t{10}, blob_->size() / 3, blob_->size() - 1}) {
    auto decoded = HsClassifier::from_bytes(std::string_view(*blob_).substr(0, keep));
    ASSERT_FALSE(decoded.ok()) << keep;
    EXPECT_EQ(decoded.status().code(), StatusCode::kDataLoss);
  }
  auto longer = HsClassifier::from_bytes(*blob_ + "x");
  EXPECT_EQ(longer.status().code(), StatusCode::kDataLoss);
}

TEST_F(HsModelCodecTest, OtherFormatIsDataLoss) {
  std::string other = *blob_;
  const std::size_t at = other.find("kontor-hs-model-");
  ASSERT_NE(at, std::string::npos);
  other[at + 7] = 'X';
  auto decoded = HsClassifier::from_bytes(other);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.status().message().find("format"), std::string::npos);
}

TEST_F(HsModelCodecTest, DamagedBlobNeverCrashes) {
  // Random byte changes (the cache folder's checksum catches them first; this is the second
  // line): either rejected, or a classifier that still answers.
  std::mt19937 random(20261205);
  std::uniform_int_distribution<std::size_t> where(0, blob_->size() - 1);
  int rejected = 0;
  for (int round = 0; round < 12; ++round) {
    std::string damaged = *blob_;
    for (int i = 0; i < 4; ++i) damaged[where(random)] ^= static_cast<char>(1 + random() % 255);
    auto decoded = HsClassifier::from_bytes(damaged);
    if (!decoded.ok()) {
      EXPECT_EQ(decoded.status().code(), StatusCode::kDataLoss);
      ++rejected;
      continue;
    }
    for (const ProductText& p : products())
      EXPECT_FALSE(decoded->classify(p, 3).candidates.empty());
  }
}

TEST_F(HsModelCodecTest, ModelKeyFollowsTheOptions) {
  const std::string key = HsClassifier::model_key();
  EXPECT_EQ(key.size(), 32u);
  EXPECT_EQ(key, HsClassifier::model_key(HsModelOptions{}));
  HsModelOptions other;
  other.escalation_threshold = 0.8;
  EXPECT_NE(key, HsClassifier::model_key(other));
}

}  // namespace
}  // namespace kontor::compliance
