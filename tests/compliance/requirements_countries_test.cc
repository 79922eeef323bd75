// The checklist resolves EU member states through the real country table and customs unions.
#include <gtest/gtest.h>

#include "compliance/requirements.h"
#include "refdata/countries.h"

namespace kontor::compliance {
namespace {

TEST(RequirementsCountriesTest, MemberStatesGetTheEuRulesFromTheCountryTable) {
  auto countries = refdata::CountryTable::load(
      std::string(KONTOR_DEFAULT_DATA_DIR) + "/iso3166_country_codes.csv",
      std::string(KONTOR_REPO_DATA_DIR) + "/customs_unions.csv");
  ASSERT_TRUE(countries.ok()) << countries.status().to_string();
  auto book = RequirementsBook::load(KONTOR_REPO_DATA_DIR);
  ASSERT_TRUE(book.ok()) << book.status().to_string();
  book->use_countries(*countries);
  auto facts = book->facts({"Bluetooth speaker with lithium battery", "", {}, "851822", {}});
  ASSERT_TRUE(facts.ok());
  Date as_of = *Date::parse("2026-01-10");

  auto germany = book->checklist(*facts, *CountryCode::parse("DE"), as_of);
  ASSERT_TRUE(germany.ok()) << germany.status().to_string();
  EXPECT_EQ(germany->markets, (std::vector<std::string>{"*", "EU", "DE"}));
  EXPECT_NE(germany->find("EU-RED"), nullptr);

  auto italy = book->checklist(*facts, *CountryCode::parse("IT"), as_of);
  ASSERT_TRUE(italy.ok());
  EXPECT_NE(italy->find("EU-WEEE"), nullptr);
  EXPECT_EQ(italy->find("DE-ELEKTROG"), nullptr);

  // The United Kingdom left the EU customs union on 2020-12-31 (end of the transition period).
  auto uk = book->checklist(*facts, *CountryCode::parse("GB"), as_of);
  ASSERT_TRUE(uk.ok());
  EXPECT_EQ(uk->markets, (std::vector<std::string>{"*", "GB"}));
  EXPECT_EQ(uk->find("EU-RED"), nullptr);
  EXPECT_NE(uk->find("GB-RED"), nullptr);
}

}  // namespace
}  // namespace kontor::compliance
