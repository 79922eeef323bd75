// Product flags derived from text and HS codes by data/market_requirements_flags.csv.
#include <gtest/gtest.h>

#include "compliance/product_facts.h"

namespace kontor::compliance {
namespace {

class FactsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules =
        FlagRules::load(std::string(KONTOR_REPO_DATA_DIR) + "/market_requirements_flags.csv");
    ASSERT_TRUE(rules.ok()) << rules.status().to_string();
    rules_ = std::move(rules).value();
  }
  ProductFacts derive(ProductDescription p) {
    auto f = rules_.derive(p);
    EXPECT_TRUE(f.ok()) << f.status().to_string();
    return *f;
  }
  FlagRules rules_;
};

TEST_F(FactsTest, KeywordsMatchWholeWordsOnly) {
  // "toyota" is not a toy, "cupboard" is not a cup.
  ProductFacts f = derive({"Toyota cupboard sticker", "", {}, "", {}});
  EXPECT_FALSE(f.has(ProductFlag::kToy));
  EXPECT_FALSE(f.has(ProductFlag::kFoodContact));
}

TEST_F(FactsTest, ImplicationsCarryTheirReason) {
  ProductFacts f = derive({"Power bank 10000", "", {}, "", {}});
  EXPECT_EQ(*f.reason(ProductFlag::kLithiumBattery), "keyword 'power bank' in title");
  EXPECT_EQ(*f.reason(ProductFlag::kBattery), "implied by lithium_battery");
  EXPECT_EQ(*f.reason(ProductFlag::kElectrical), "implied by battery");
}

TEST_F(FactsTest, HsCodeSetsFlags) {
  ProductFacts f = derive({"Item 42", "", {}, "8507.60.0020", {}});
  EXPECT_EQ(f.hs_code(), "8507600020");
  EXPECT_EQ(*f.reason(ProductFlag::kLithiumBattery), "HS 8507600020 under 850760");
}

TEST_F(FactsTest, AttributesAndChineseKeywordsCount) {
  ProductFacts f = derive({"儿童蓝牙耳机", "", {{"power", "USB rechargeable"}}, "", {}});
  EXPECT_EQ(*f.reason(ProductFlag::kWireless), "keyword '蓝牙' in title");
  EXPECT_EQ(*f.reason(ProductFlag::kChildren), "keyword '儿童' in title");
  EXPECT_EQ(*f.reason(ProductFlag::kBattery), "keyword 'rechargeable' in attributes");
}

TEST_F(FactsTest, InvalidHsCodeIsRejected) {
  auto f = rules_.derive({"x", "", {}, "85A8", {}});
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().message(), "hs_code: not an HS code: '85A8'");
}

TEST_F(FactsTest, CertificatesCompareOnLettersAndDigits) {
  auto f = ProductFacts::make("x", "", {"UN 38.3", "ce-lvd"});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->held("UN38.3"), "UN 38.3");
  EXPECT_EQ(f->held("CE LVD"), "ce-lvd");
  EXPECT_EQ(f->held("CE-EMC"), std::nullopt);
}

}  // namespace
}  // namespace kontor::compliance
