// Currencies, countries (with customs unions) and the HS nomenclature.
#include <gtest/gtest.h>

#include "refdata/countries.h"
#include "refdata/currencies.h"
#include "refdata/hs_nomenclature.h"
#include "test_data.h"

namespace kontor::refdata {
namespace {

using testing::D;
using testing::repo;
using testing::shared;

const CountryTable& countries() {
  static const CountryTable table = testing::must(
      CountryTable::load(shared("iso3166_country_codes.csv"), repo("customs_unions.csv")));
  return table;
}
CountryCode cc(const char* code) { return CountryCode::parse(code).value(); }

TEST(CurrencyTableTest, MinorUnitsOfCurrentCodes) {
  auto table = CurrencyTable::load(shared("iso4217_currency_codes.csv"));
  ASSERT_TRUE(table.ok()) << table.status().to_string();
  EXPECT_EQ(table->find("EUR")->minor_unit(), 2);
  EXPECT_EQ(table->find("JPY")->minor_unit(), 0);
  EXPECT_EQ(table->find("KWD")->minor_unit(), 3);
  EXPECT_EQ(table->name("EUR"), "Euro");
  EXPECT_EQ(table->find("DEM").status().code(), StatusCode::kNotFound);  // withdrawn
  EXPECT_EQ(table->find("XAU").status().code(), StatusCode::kNotFound);  // not money
}

TEST(CountryTableTest, GermanyFromIso3166) {
  auto de = countries().find(cc("DE"));
  ASSERT_TRUE(de.ok());
  EXPECT_EQ((*de)->alpha3, "DEU");
  EXPECT_EQ((*de)->name, "Germany");
  EXPECT_EQ((*de)->currency_code, "EUR");
  EXPECT_EQ((*de)->region, "Europe");
  EXPECT_EQ((*de)->sub_region, "Western Europe");
  EXPECT_EQ(countries().all().size(), 249u);
}

TEST(CountryTableTest, FirstCurrencyWhenSeveral) {
  EXPECT_EQ(countries().find(cc("NA")).value()->currency_code, "NAD");
}

TEST(CountryTableTest, FindByNamesOtherDataSetsUse) {
  ASSERT_NE(countries().find_by_name("Korea, South"), nullptr);
  EXPECT_EQ(countries().find_by_name("Korea, South")->code.code(), "KR");
  EXPECT_EQ(countries().find_by_name("south korea")->code.code(), "KR");
  EXPECT_EQ(countries().find_by_name("United States")->code.code(), "US");
  EXPECT_EQ(countries().find_by_name("Viet Nam")->code.code(), "VN");
  EXPECT_EQ(countries().find_by_name("Atlantis"), nullptr);
}

TEST(CountryTableTest, GermanyIsInTheEuCustomsUnion) {
  EXPECT_EQ(countries().customs_union(cc("DE"), D("2026-01-10")), "EU");
}

TEST(CountryTableTest, UnitedKingdomLeftTheEuCustomsUnionOn2021_01_01) {
  EXPECT_EQ(countries().customs_union(cc("GB"), D("2020-12-31")), "EU");
  EXPECT_EQ(countries().customs_union(cc("GB"), D("2021-01-01")), "");
  EXPECT_EQ(countries().customs_union(cc("GB"), D("2022-06-01")), "");
}

TEST(CountryTableTest, CroatiaJoinedOn2013_07_01) {
  EXPECT_EQ(countries().customs_union(cc("HR"), D("2013-06-30")), "");
  EXPECT_EQ(countries().customs_union(cc("HR"), D("2013-07-01")), "EU");
  EXPECT_EQ(countries().customs_union(cc("US"), D("2025-01-01")), "");
}

TEST(CountryTableTest, UnknownCodeIsNotFound) {
  EXPECT_EQ(countries().find(cc("XX")).status().code(), StatusCode::kNotFound);
}

TEST(HsNomenclatureTest, Hs2022SubheadingWithParentAndSection) {
  auto hs = HsNomenclature::load(shared("hs2022_harmonized_system.csv"),
                                 shared("hs2022_sections.csv"), "HS 2022");
  ASSERT_TRUE(hs.ok()) << hs.status().to_string();
  const HsEntry* e = hs->find("691110");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->description, "Tableware and kitchenware; of porcelain or china");
  EXPECT_EQ(e->parent, "6911");
  EXPECT_EQ(e->section, "XIII");
  EXPECT_EQ(e->level, 6);
  EXPECT_EQ(e->line, 4357u);
  EXPECT_EQ(hs->children("").size(), 97u);
  EXPECT_EQ(hs->entries().size(), 97u + 1229u + 5613u);
  EXPECT_EQ(hs->sections().size(), 21u);
  ASSERT_NE(hs->section("XIII"), nullptr);
  EXPECT_EQ(hs->find("01")->parent, "");
}

TEST(HsNomenclatureTest, Hs2017Edition) {
  auto hs = HsNomenclature::load(shared("hs2017_harmonized_system.csv"),
                                 shared("hs2022_sections.csv"), "HS 2017");
  ASSERT_TRUE(hs.ok()) << hs.status().to_string();
  EXPECT_EQ(hs->entries().size(), 97u + 1223u + 5388u);
  EXPECT_EQ(hs->source().id, "hs2017");
  EXPECT_EQ(hs->children("6911").size(), 2u);
}

}  // namespace
}  // namespace kontor::refdata
