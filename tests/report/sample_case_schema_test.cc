// The sample case fixture is what the crew writes: every section parses with the crew's reader,
// and everything the crew writes back is in the fixture unchanged (the fixture may carry fields
// a newer schema adds, so the test holds while sections.h grows).
#include <gtest/gtest.h>

#include "report_test_util.h"

#if defined(KONTOR_REPORT_HAVE_CREW)
#include "crew/brief.h"
#include "crew/sections.h"

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

}  // namespace
}  // namespace kontor::report
#endif
