// The supplier ranking section on the sample case: six options of three suppliers, ranked the
// way the finance agent ranks them (sample_case_schema_test checks the fixture's ranking against
// crew::rank_options): Ningbo Everbright sea LCL first, Yongkang below for the German food-contact
// certificates it lacks, Saigon Steelware last for missing the deadline.
#include <gtest/gtest.h>

#include "report/report.h"
#include "report_test_util.h"

namespace kontor::report {
namespace {

using testing::between;
using testing::sample_case;

TEST(ReportRanking, SectionFollowsTheRecommendation) {
  const std::string html = render_html(sample_case());
  const std::size_t ranking = html.find("<section id=\"ranking\"");
  ASSERT_NE(ranking, std::string::npos);
  EXPECT_LT(html.find("<section id=\"recommendation\""), ranking);
  EXPECT_LT(ranking, html.find("<section id=\"landed-cost\""));
}

TEST(ReportRanking, CaseWithoutRankingHasNoEmptySection) {
  CaseView view = sample_case();
  view.sections["finance"].erase("ranking");  // a case costed before the ranking existed
  EXPECT_EQ(render_html(view).find("<section id=\"ranking\""), std::string::npos);
}

TEST(ReportRanking, TableShowsStandingScorePartsAndWhyEachRanksBelow) {
  const std::string md = render_markdown(sample_case());
  const std::string section = between(md, "## Supplier ranking", "## Landed cost");
  EXPECT_NE(section.find("| 1 | Ningbo Everbright Drinkware Co., Ltd. — Sea LCL | in time, "
                         "certified | 89.58 | 37.76 + 20.00 + 16.82 + 15.00 | 4.2523 EUR | 68 (30) "
                         "| recommended |\n"),
            std::string::npos)
      << section;
  EXPECT_NE(section.find("| 4 | Yongkang Thermo Steel Works — Sea LCL | certification gap | 75.86 "
                         "| 40.00 + 20.00 + 15.86 + 0.00 | 4.0144 EUR | 83 (15) | no EC 1935/2004 "
                         "certificate or test report, no "
                         "LFGB certificate or test report, 5.6 % cheaper landed, 15 days later, "
                         "supplier quality 15.86 vs 16.82 of 25; score 75.86 vs 89.58 |\n"),
            std::string::npos);
  EXPECT_NE(section.find("| 6 | Saigon Steelware JSC — Sea LCL | late | 66.85 | 35.37 + 0 + 16.48 "
                         "+ 15.00 | 4.5395 EUR | 102 (-4) | misses the deadline by 4 days, 6.8 % "
                         "dearer landed, 34 days later, "
                         "supplier quality 16.48 vs 16.82 of 25; score 66.85 vs 89.58 |\n"),
            std::string::npos);
}

TEST(ReportRanking, EveryPartIsExplainedAndEveryRequiredCertificationCited) {
  const std::string md = render_markdown(sample_case());
  EXPECT_NE(md.find("- 1. Ningbo Everbright Drinkware Co., Ltd. — Sea LCL — 89.58: Cost 37.76 / "
                    "40 (4.2523 EUR per unit vs best 4.0144 EUR: 40 × best / this = 37.76); Time "
                    "20.00 / 20 (30 days production + 38 days transit = 68 days, 30 days of slack "
                    "before the deadline); Quality 16.82 / 25 (25 % verification (0.3), 30 % "
                    "on-time rate (0.96), 25 % defects (1 − 10 × 0.008), 10 % response (24 h), "
                    "10 % years (0/10) = 0.673); Certifications 15.00 / 15 (2 of 2 required "
                    "certifications held)\n"),
            std::string::npos)
      << between(md, "How the scores", "Certifications required");
  EXPECT_NE(md.find("Flags: misses the deadline by 4 days\n"), std::string::npos);
  EXPECT_NE(md.find("- LFGB: German food and feed code: food contact articles (LFGB §§ 30–31) "
                    "\\[DE-LFGB\\], "),
            std::string::npos)
      << between(md, "Certifications required", "##");
}

// The recommended supplier (Ningbo Everbright) holds both food-contact documents: what remains
// is the importer's own, a GPSR check and the VerpackG registration, not a supplier's gap.
TEST(ReportCertifications, WhatRemainsForTheRecommendedSupplierIsTheImportersOwn) {
  const std::string md = render_markdown(sample_case());
  EXPECT_NE(md.find("To obtain or do before selling (recommended supplier Ningbo Everbright "
                    "Drinkware Co., Ltd. (DEMO-SUP-0042)):\n\n"
                    "- yours as the importer: General product safety: responsible person in the "
                    "EU, traceability, online listing information \\[EU-GPSR\\] (check)\n"
                    "- yours as the importer: VerpackG: packaging registration in LUCID and "
                    "system participation \\[DE-VERPACKG\\]\n"),
            std::string::npos)
      << between(md, "## Certifications to obtain", "## Logistics");
}

}  // namespace
}  // namespace kontor::report
