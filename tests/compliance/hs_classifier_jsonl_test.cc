// Reading the HSCodeComp and ATLAS formats as published.
#include <gtest/gtest.h>

#include "compliance/hs_jsonl.h"

namespace kontor::compliance {
namespace {

TEST(HsJsonl, ReadsTheHscodecompDevelopmentSetAsIs) {
  auto items =
      read_hscodecomp_jsonl(std::string(KONTOR_DEFAULT_BENCH_DIR) + "/hscodecomp/dev.jsonl");
  ASSERT_TRUE(items.ok()) << items.status().message();
  ASSERT_EQ(items->size(), 316u);
  const HsBatchItem& first = (*items)[0];
  EXPECT_EQ(first.task_id, "0");
  EXPECT_TRUE(first.task_id_is_number);
  EXPECT_EQ(first.product.title.rfind("European and American New Retro", 0), 0u);
  ASSERT_EQ(first.gold_codes.size(), 1u);
  EXPECT_EQ(first.gold_codes[0], "7117199000");
  ASSERT_GE(first.product.category_path.size(), 2u);
  EXPECT_EQ(first.product.category_path[0], "Jewelry & Accessories");
  EXPECT_EQ(first.product.category_path[1], "珠宝饰品及配件");
  bool has_material = false;
  for (const auto& [k, v] : first.product.attributes)
    has_material |= k == "Material" && v == "Metal";
  EXPECT_TRUE(has_material);
}

TEST(HsJsonl, ReadsAtlasRulingsWithEveryCode) {
  auto items = read_atlas_jsonl(std::string(KONTOR_DEFAULT_BENCH_DIR) +
                                "/atlas_cross_rulings/atlas_validation.jsonl");
  ASSERT_TRUE(items.ok()) << items.status().message();
  ASSERT_EQ(items->size(), 200u);
  EXPECT_EQ((*items)[0].product.title,
            "Polivac film composed of polyethylene terephthalate (PET) laminated to "
            "polyethylene film, used for packaging products");
  EXPECT_EQ((*items)[0].gold_codes, std::vector<std::string>{"3920620000"});
}

TEST(HsJsonl, IntegerCodeOfAnEarlyChapterKeepsItsLeadingZero) {
  auto item = parse_hscodecomp_line(
      R"({"task_id": 3, "product_name": "Dried mushrooms", "hs_code": 712390000})", "x line 1");
  ASSERT_TRUE(item.ok()) << item.status().message();
  EXPECT_EQ(item->gold_codes[0], "0712390000");
}

TEST(HsJsonl, MissingProductNameIsAnErrorNamingTheField) {
  auto item = parse_hscodecomp_line(R"({"task_id": 3})", "in.jsonl line 4");
  ASSERT_FALSE(item.ok());
  EXPECT_EQ(item.status().message(), "in.jsonl line 4, field 'product_name': missing or not text");
}

TEST(HsJsonl, AttributesThatAreNotJsonAreAnError) {
  auto item = parse_hscodecomp_line(
      R"({"task_id": 3, "product_name": "Mug", "product_attributes": "{oops"})", "in.jsonl line 9");
  ASSERT_FALSE(item.ok());
  EXPECT_EQ(item.status().message(),
            "in.jsonl line 9, field 'product_attributes': not a JSON object in a string");
}

TEST(HsJsonl, ShortHsCodeIsAnErrorNamingTheField) {
  auto item = parse_hscodecomp_line(R"({"task_id": 3, "product_name": "Mug", "hs_code": "6912"})",
                                    "in.jsonl line 2");
  ASSERT_FALSE(item.ok());
  EXPECT_EQ(item.status().message(),
            "in.jsonl line 2, field 'hs_code': '\"6912\"' is not an HS code of 6 to 10 digits");
}

TEST(HsJsonl, MissingTaskIdIsAnErrorNamingTheField) {
  auto item = parse_hscodecomp_line(R"({"product_name": "Mug"})", "in.jsonl line 5");
  ASSERT_FALSE(item.ok());
  EXPECT_EQ(item.status().message(), "in.jsonl line 5, field 'task_id': missing");
}

TEST(HsJsonl, CategoryPathKeepsEnglishAndChineseLevels) {
  auto item = parse_hscodecomp_line(
      R"({"task_id": "a1", "product_name": "Mug", "cate_lv1_desc": "Home & Garden",)"
      R"( "cate_lv1_desc_cn": "家居用品", "cate_lv2_desc": "Drinkware"})",
      "x line 1");
  ASSERT_TRUE(item.ok()) << item.status().message();
  EXPECT_EQ(item->task_id, "a1");
  EXPECT_FALSE(item->task_id_is_number);
  EXPECT_EQ(item->product.category_path,
            (std::vector<std::string>{"Home & Garden", "家居用品", "Drinkware"}));
}

}  // namespace
}  // namespace kontor::compliance
