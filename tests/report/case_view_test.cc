#include "report/case_view.h"

#include <gtest/gtest.h>

#include "report_test_util.h"

namespace kontor::report {
namespace {

TEST(CaseView, ReadsTheSampleCase) {
  auto view = case_view_from_json(testing::sample_case_json());
  ASSERT_TRUE(view.ok()) << view.status().message();
  EXPECT_EQ(view->case_id, "c-20261123-0001");
  EXPECT_EQ(view->as_of, "2026-11-23");
  EXPECT_EQ(view->sections.size(), 7u);
  EXPECT_EQ(view->questions.size(), 1u);
  EXPECT_EQ(view->actions.size(), 1u);
  EXPECT_EQ(view->brief["destination"], "DE");
}

TEST(CaseView, RoundTripsThroughJson) {
  const CaseView view = testing::sample_case();
  auto again = case_view_from_json(to_json(view));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(to_json(*again), to_json(view));
}

TEST(CaseView, NamesTheMemberWithTheWrongType) {
  EXPECT_EQ(case_view_from_json({{"questions", nlohmann::json::object()}}).status().message(),
            "questions: expected an array");
  EXPECT_EQ(case_view_from_json({{"actions", {1}}}).status().message(),
            "actions[0]: expected an object");
  EXPECT_EQ(case_view_from_json({{"sections", "x"}}).status().message(),
            "sections: expected an object");
  EXPECT_EQ(case_view_from_json({{"case_id", 7}}).status().message(), "case_id: expected a string");
  EXPECT_EQ(case_view_from_json(nlohmann::json::array()).status().message(),
            "case: expected a JSON object");
}

}  // namespace
}  // namespace kontor::report
