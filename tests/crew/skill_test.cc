#include "crew/skill.h"

#include <gtest/gtest.h>

namespace kontor::crew {
namespace {

using nlohmann::json;

Brief bottles_for_germany() {
  Brief brief;
  brief.goal = "Source 2,000 insulated steel bottles for Germany";
  brief.product = "insulated steel bottles";
  brief.destination = CountryCode::parse("DE").value();
  return brief;
}

TEST(BuiltinSkill, SourceProductLoadsWithSevenSteps) {
  auto skill = load_skill_file(builtin_skill_path("source-product"));
  ASSERT_TRUE(skill.ok()) << skill.status().to_string();
  EXPECT_EQ(skill->name, "source-product");
  std::vector<std::string> ids;
  for (const SkillStep& step : skill->steps) ids.push_back(step.task.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"research", "sourcing", "compliance", "logistics",
                                           "finance", "listing", "negotiation"}));
}

TEST(BuiltinSkill, PlanRunsResearchAndSourcingFirstFinanceAfterBoth) {
  auto skill = load_skill_file(builtin_skill_path("source-product"));
  ASSERT_TRUE(skill.ok());
  auto plan = plan_from_skill(*skill, bottles_for_germany());
  ASSERT_TRUE(plan.ok()) << plan.status().to_string();
  ASSERT_EQ(plan->tasks.size(), 7u);
  EXPECT_TRUE(plan->tasks[0].after.empty());
  EXPECT_TRUE(plan->tasks[1].after.empty());
  EXPECT_EQ(plan->tasks[4].id, "finance");
  EXPECT_EQ(plan->tasks[4].after,
            (std::vector<std::string>{"research", "compliance", "logistics"}));
}

TEST(BuiltinSkill, WithoutDestinationMarketStepsAreLeftOutAndUnlinked) {
  auto skill = load_skill_file(builtin_skill_path("source-product"));
  ASSERT_TRUE(skill.ok());
  Brief brief = bottles_for_germany();
  brief.destination.reset();
  auto plan = plan_from_skill(*skill, brief);
  ASSERT_TRUE(plan.ok()) << plan.status().to_string();
  std::vector<std::string> ids;
  for (const TaskSpec& t : plan->tasks) ids.push_back(t.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"research", "sourcing", "finance", "negotiation"}));
  EXPECT_EQ(plan->tasks[2].after, std::vector<std::string>{"research"});
}

TEST(ParseSkill, UnknownDependencyNamesFileAndStep) {
  json j = json::parse(R"({"name":"x","steps":[
      {"id":"a","agent":"writer"},{"id":"b","agent":"writer","after":["c"]}]})");
  EXPECT_EQ(parse_skill(j, "my.json").status().message(),
            "my.json: step 'b': after: unknown task 'c'");
}

TEST(ParseSkill, MisspelledStepKeyIsAnError) {
  json j = json::parse(R"({"name":"x","steps":[{"id":"a","agent":"writer","afer":["b"]}]})");
  EXPECT_EQ(parse_skill(j, "my.json").status().message(), "my.json: step 'a': afer: unknown key");
}

TEST(ParseSkill, StepWithoutAgentNamesTheField) {
  json j = json::parse(R"({"name":"x","steps":[{"id":"a"}]})");
  EXPECT_EQ(parse_skill(j, "my.json").status().message(), "my.json: step 'a': agent: missing");
}

TEST(ParseSkill, UnknownBriefFieldInWhen) {
  json j = json::parse(R"({"name":"x","steps":[{"id":"a","agent":"w","when":"brief.colour"}]})");
  EXPECT_EQ(parse_skill(j, "my.json").status().message(),
            "my.json: step 'a': when: 'brief.colour': unknown brief field 'colour'");
}

TEST(ParseSkill, CycleIsReportedWithTheFile) {
  json j = json::parse(R"({"name":"x","steps":[
      {"id":"a","agent":"w","after":["b"]},{"id":"b","agent":"w","after":["a"]}]})");
  EXPECT_EQ(parse_skill(j, "my.json").status().message(), "my.json: cycle: a → b → a");
}

TEST(ParseSkill, StepsMustBeThere) {
  EXPECT_EQ(parse_skill(json::parse(R"({"name":"x"})"), "f").status().message(),
            "f: steps: missing or empty");
}

TEST(Condition, NegatedConditionHoldsWhenFieldAbsent) {
  Brief brief = bottles_for_germany();
  EXPECT_TRUE(condition_holds({"deadline", false}, brief));
  EXPECT_FALSE(condition_holds({"destination", false}, brief));
  EXPECT_FALSE(condition_holds({"channels", true}, brief));  // empty list counts as absent
}

TEST(LoadSkillFile, MissingFileSaysSo) {
  auto skill = load_skill_file("/nonexistent/skill.json");
  EXPECT_FALSE(skill.ok());
  EXPECT_NE(skill.status().message().find("/nonexistent/skill.json"), std::string::npos);
}

}  // namespace
}  // namespace kontor::crew
