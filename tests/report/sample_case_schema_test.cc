// The sample case fixture is what the crew writes: every section parses with the crew's reader,
// and everything the crew writes back is in the fixture unchanged (the fixture may carry fields
// a newer schema adds, so the test holds while sections.h grows).
#include <gtest/gtest.h>

#include "report_test_util.h"

#if defined(KONTOR_REPORT_HAVE_CREW)
#include "crew/brief.h"
#include "crew/sections.h"
#include "crew/supplier_ranking.h"

namespace kontor::report {
namespace {

template <class Section>
void expect_round_trip(const char* name, StatusOr<Section> (*read)(const nlohmann::json&)) {
  const nlohmann::json body = testing::sample_case_json()["sections"][name];
  StatusOr<Section> section = read(body);
  ASSERT_TRUE(section.ok()) << name << ": " << section.status().message();
  for (const nlohmann::json& op : nlohmann::json::diff(body, crew::to_json(*section))) {
    EXPECT_EQ(op["op"], "remove") << name << ": " << op.dump();
  }
}

TEST(SampleCaseSchema, EverySectionIsWhatTheCrewWrites) {
  expect_round_trip<crew::ResearchSection>("research", crew::research_section_from_json);
  expect_round_trip<crew::SourcingSection>("sourcing", crew::sourcing_section_from_json);
  expect_round_trip<crew::ComplianceSection>("compliance", crew::compliance_section_from_json);
  expect_round_trip<crew::LogisticsSection>("logistics", crew::logistics_section_from_json);
  expect_round_trip<crew::FinanceSection>("finance", crew::finance_section_from_json);
  expect_round_trip<crew::ListingSection>("listing", crew::listing_section_from_json);
  expect_round_trip<crew::NegotiationSection>("negotiation", crew::negotiation_section_from_json);
}

TEST(SampleCaseSchema, BriefIsWhatIntakeWrites) {
  const nlohmann::json body = testing::sample_case_json()["brief"];
  StatusOr<crew::Brief> brief = crew::brief_from_json(body);
  ASSERT_TRUE(brief.ok()) << brief.status().message();
  for (const nlohmann::json& op : nlohmann::json::diff(body, crew::to_json(*brief))) {
    EXPECT_EQ(op["op"], "remove") << op.dump();
  }
}

// The fixture's ranking is the one the finance agent computes from the fixture's own sections
// (its suppliers are not in any catalog: quality from the shortlist, unverified).
TEST(SampleCaseSchema, RankingIsWhatTheFinanceAgentComputes) {
  const nlohmann::json sections = testing::sample_case_json()["sections"];
  auto finance = crew::finance_section_from_json(sections["finance"]);
  auto sourcing = crew::sourcing_section_from_json(sections["sourcing"]);
  auto logistics = crew::logistics_section_from_json(sections["logistics"]);
  auto compliance = crew::compliance_section_from_json(sections["compliance"]);
  auto brief = crew::brief_from_json(testing::sample_case_json()["brief"]);
  ASSERT_TRUE(finance.ok() && sourcing.ok() && logistics.ok() && compliance.ok() && brief.ok());
  const std::vector<crew::RequiredCertification> required =
      crew::required_certifications(&*compliance, brief->required_certifications);
  crew::FinanceSection ranked;
  ranked.required_certifications = required;
  EXPECT_EQ(crew::to_json(ranked)["required_certifications"],
            sections["finance"]["required_certifications"]);
  auto ranking = crew::rank_options(
      {finance->options, *sourcing, *logistics, &*compliance, required, nullptr, brief->deadline});
  ASSERT_TRUE(ranking.ok()) << ranking.status().message();
  ranked.ranking = *ranking;
  EXPECT_EQ(crew::to_json(ranked)["ranking"], sections["finance"]["ranking"]);
}

}  // namespace
}  // namespace kontor::report
#endif
