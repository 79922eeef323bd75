#include "refdata/tariff_schedule.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace kontor::refdata {
namespace {

using testing::shared;

const TariffSchedule& hts() {
  static const TariffSchedule table =
      testing::must(TariffSchedule::load_us_hts(shared("tariff_us_hts_2024.csv")));
  return table;
}
const TariffSchedule& cet() {
  static const TariffSchedule table = testing::must(TariffSchedule::load_uk_eu(
      shared("tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv"), "cet_duty_rate"));
  return table;
}
const TariffSchedule& ukgt() {
  static const TariffSchedule table = testing::must(TariffSchedule::load_uk_eu(
      shared("tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv"), "ukgt_duty_rate"));
  return table;
}

TEST(UsHtsTest, TenDigitLinePrintsItsOwnRate) {
  const TariffLine* line = hts().find("6911.10.10.00");
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->code, "6911101000");
  EXPECT_EQ(line->display_code, "6911.10.10.00");
  EXPECT_EQ(line->indent, 2);
  EXPECT_EQ(line->description, "Hotel or restaurant ware and other ware not household ware");
  EXPECT_EQ(line->units, std::vector<std::string>{"Dz Pcs"});
  EXPECT_EQ(line->general_rate, "25%");
  EXPECT_EQ(line->special_rate, "Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)");
  EXPECT_EQ(line->column2_rate, "75%");
  EXPECT_EQ(line->line, 20445u);
  EXPECT_EQ(line->rate_line, 20445u);
}

TEST(UsHtsTest, StatisticalLineInheritsTheRateOfItsEightDigitParent) {
  const TariffLine* line = hts().find("6911103510");
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->line, 20453u);
  EXPECT_EQ(line->general_rate, "26%");
  EXPECT_EQ(line->column2_rate, "75%");
  EXPECT_EQ(line->rate_line, 20452u);  // 6911.10.35, indent 5
}

TEST(UsHtsTest, HeadingWithoutRateInheritsNothing) {
  const TariffLine* line = hts().find("6911");
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->general_rate, "");
  EXPECT_EQ(line->rate_line, 0u);
}

TEST(UsHtsTest, CountsOfCodedLines) {
  EXPECT_EQ(hts().lines().size(), 19700u + 7043u + 2093u + 961u);
  EXPECT_EQ(hts().jurisdiction(), "US");
  EXPECT_EQ(hts().currency(), "USD");
  EXPECT_EQ(hts().source().file, "tariff_us_hts_2024.csv");
}

TEST(UsHtsTest, MarkupIsRemovedFromUnits) {
  // 4407.11.00.xx print "m<sup>3</sup>" style units; the cleaned text reads m³.
  std::size_t with_markup = 0, cubic = 0;
  for (const TariffLine& line : hts().lines()) {
    for (const std::string& unit : line.units) {
      if (unit.find('<') != std::string::npos) ++with_markup;
      if (unit == "m\u00B3") ++cubic;
    }
    if (line.description.find("<il>") != std::string::npos) ++with_markup;
  }
  EXPECT_EQ(with_markup, 0u);
  EXPECT_GT(cubic, 300u);
}

TEST(UsHtsTest, AncestorsIncludeTextOnlyRows) {
  const TariffLine* line = hts().find("6911102500");
  ASSERT_NE(line, nullptr);
  auto path = hts().ancestors(*line);
  ASSERT_EQ(path.size(), 4u);
  EXPECT_EQ(path[0]->display_code, "6911");
  EXPECT_EQ(path[1]->display_code, "6911.10");
  EXPECT_EQ(path[2]->description, "Other:");
  EXPECT_EQ(path[3]->description, "Of bone chinaware:");
}

TEST(UsHtsTest, ResolveEightDigitsToItsOnlyTenDigitLine) {
  auto line = hts().resolve("6911.10.10");
  ASSERT_TRUE(line.ok()) << line.status().to_string();
  EXPECT_EQ((*line)->code, "6911101000");
}

TEST(UsHtsTest, ResolveAmbiguousSubheadingListsTheLines) {
  auto line = hts().resolve("691110");
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(line.status().message().find("6911.10.10.00"), std::string::npos)
      << line.status().message();
}

TEST(UsHtsTest, ResolveLongerCodeFallsBackToLongestPrefix) {
  auto line = hts().resolve("6911103599");
  ASSERT_TRUE(line.ok());
  EXPECT_EQ((*line)->code, "69111035");
}

TEST(UsHtsTest, ResolveUnknownCodeIsNotFound) {
  EXPECT_EQ(hts().resolve("0000").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(hts().resolve("ab12").status().code(), StatusCode::kInvalidArgument);
}

TEST(UsHtsTest, LinesUnderPrefixInFileOrder) {
  auto lines = hts().lines_under("69111035");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]->code, "69111035");
  EXPECT_EQ(lines[1]->code, "6911103510");
  EXPECT_EQ(lines[2]->code, "6911103550");
}

TEST(UkEuTariffTest, SameCommodityInCetAndUkgt) {
  const TariffLine* eu = cet().find("73231000");
  const TariffLine* gb = ukgt().find("73231000");
  ASSERT_NE(eu, nullptr);
  ASSERT_NE(gb, nullptr);
  EXPECT_EQ(eu->general_rate, "3.2%");
  EXPECT_EQ(gb->general_rate, "0.0%");
  EXPECT_EQ(eu->line, 9335u);
  EXPECT_EQ(gb->rate_line, 9335u);
  EXPECT_EQ(cet().jurisdiction(), "EU");
  EXPECT_EQ(ukgt().jurisdiction(), "GB");
  EXPECT_EQ(ukgt().currency(), "GBP");
}

TEST(UkEuTariffTest, MultiLineDescriptionIsOneLineOfText) {
  const TariffLine* line = cet().find("2008994894");
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->description.find('\n'), std::string::npos);
  EXPECT_EQ(line->general_rate, "11.0%");
  EXPECT_EQ(ukgt().find("2008994894")->general_rate, "10.0%");
}

TEST(UkEuTariffTest, SubheadingResolvesToTheEightDigitLineAboveItsTenDigitSplit) {
  auto line = cet().resolve("691110");
  ASSERT_TRUE(line.ok()) << line.status().to_string();
  EXPECT_EQ((*line)->code, "69111000");
  EXPECT_EQ((*line)->general_rate, "12.0%");
  EXPECT_EQ(cet().lines().size(), 11830u);
}

TEST(UkEuTariffTest, UnknownColumnIsInvalidArgument) {
  auto t =
      TariffSchedule::load_uk_eu(shared("tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv"), "mfn");
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
}

const Section301Table& section301() {
  static const Section301Table table =
      testing::must(Section301Table::load(shared("tariff_us_section301_china_lists.csv"), hts()));
  return table;
}

TEST(Section301Test, ListJoinedWithChapter99RateText) {
  auto entries = section301().find("6911.10.10.00");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]->list, "4A");
  EXPECT_EQ(entries[0]->ch99_code, "9903.88.15");
  EXPECT_EQ(entries[0]->ch99_rate_text, "The duty provided in the applicable subheading + 7.5%");
  EXPECT_EQ(entries[0]->line, 7488u);
  EXPECT_EQ(entries[0]->ch99_line, 34133u);
  EXPECT_TRUE(section301().find("0000").empty());
}

TEST(Section301Test, HeadingNewerThanTheHtsSnapshotKeepsAnEmptyRateText) {
  // 9903.91.11 (lists of January 2025) is not in the HTS 2024 file.
  auto entries = section301().find("81019400");
  ASSERT_FALSE(entries.empty());
  const Section301Entry* e = entries.back();
  EXPECT_EQ(e->ch99_code, "9903.91.11");
  EXPECT_EQ(e->ch99_rate_text, "");
  EXPECT_EQ(e->ch99_line, 0u);
  EXPECT_EQ(e->line, 8599u);
}

}  // namespace
}  // namespace kontor::refdata
