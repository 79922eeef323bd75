#include "refdata/reference_data.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "test_data.h"

namespace kontor::refdata {
namespace {

using testing::D;

const ReferenceData& data() {
  static const std::shared_ptr<const ReferenceData> loaded =
      testing::must(ReferenceData::load(DataPaths{KONTOR_DEFAULT_DATA_DIR, KONTOR_REPO_DATA_DIR}));
  return *loaded;
}
CountryCode cc(const char* code) { return CountryCode::parse(code).value(); }

TEST(ReferenceDataTest, TariffForTheUnitedStates) {
  EXPECT_EQ(data().tariff_for(cc("US"), D("2025-01-10")).value(), &data().us_hts);
}

TEST(ReferenceDataTest, TariffForAnEuMemberIsTheCet) {
  EXPECT_EQ(data().tariff_for(cc("DE"), D("2026-01-10")).value(), &data().eu_cet);
}

TEST(ReferenceDataTest, TariffForGreatBritainDependsOnTheDate) {
  EXPECT_EQ(data().tariff_for(cc("GB"), D("2022-03-01")).value(), &data().uk_gt);
  EXPECT_EQ(data().tariff_for(cc("GB"), D("2020-06-01")).value(), &data().eu_cet);
}

TEST(ReferenceDataTest, NoScheduleIsNotFound) {
  auto t = data().tariff_for(cc("CN"), D("2025-01-10"));
  EXPECT_EQ(t.status().code(), StatusCode::kNotFound);
  EXPECT_NE(t.status().message().find("'CN'"), std::string::npos);
}

TEST(ReferenceDataTest, EverySourceIsNamed) {
  auto sources = data().sources();
  EXPECT_EQ(sources.size(), 17u);
  for (const DataSource* s : sources) {
    EXPECT_FALSE(s->id.empty());
    EXPECT_FALSE(s->file.empty()) << s->id;
    EXPECT_FALSE(s->licence.empty()) << s->id;
  }
}

TEST(ReferenceDataTest, DataPathsFromEnvironment) {
  const char* before = std::getenv("KONTOR_DATA_DIR");
  const std::string saved = before != nullptr ? before : "";
  setenv("KONTOR_DATA_DIR", "/somewhere/data", 1);
  EXPECT_EQ(DataPaths::from_environment().shared_dir, "/somewhere/data");
  unsetenv("KONTOR_DATA_DIR");
  EXPECT_EQ(DataPaths::from_environment().shared_dir, KONTOR_DEFAULT_DATA_DIR);
  if (before != nullptr) setenv("KONTOR_DATA_DIR", saved.c_str(), 1);
}

TEST(ReferenceDataTest, MissingRepoTableNamesTheFile) {
  auto loaded = ReferenceData::load(DataPaths{KONTOR_DEFAULT_DATA_DIR, "/nonexistent"});
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("/nonexistent/customs_unions.csv"), std::string::npos);
}

}  // namespace
}  // namespace kontor::refdata
