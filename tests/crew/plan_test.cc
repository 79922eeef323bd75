#include "crew/plan.h"

#include <gtest/gtest.h>

#include "toy_agents.h"

namespace kontor::crew {
namespace {

using testing::task;

TEST(ValidatePlan, AcceptsTheSourcingShape) {
  std::vector<TaskSpec> tasks = {task("research", "writer"), task("sourcing", "writer"),
                                 task("compliance", "writer", {"sourcing"}),
                                 task("finance", "writer", {"compliance", "research"})};
  EXPECT_TRUE(validate_plan(tasks).ok());
}

TEST(ValidatePlan, UnknownDependencyNamesTaskAndDependency) {
  Status status = validate_plan({task("finance", "writer", {"logistic"})});
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "task 'finance': after: unknown task 'logistic'");
}

TEST(ValidatePlan, DuplicateIdIsRejected) {
  Status status = validate_plan({task("a", "writer"), task("a", "writer")});
  EXPECT_EQ(status.message(), "task 'a': duplicate id");
}

TEST(ValidatePlan, CycleIsShownAsAPath) {
  Status status = validate_plan(
      {task("a", "writer", {"c"}), task("b", "writer", {"a"}), task("c", "writer", {"b"})});
  EXPECT_EQ(status.message(), "cycle: a → c → b → a");
}

TEST(ValidatePlan, SelfDependencyIsRejected) {
  EXPECT_EQ(validate_plan({task("a", "writer", {"a"})}).message(), "task 'a': after: itself");
}

TEST(ValidatePlan, MissingAgentIsRejected) {
  EXPECT_EQ(validate_plan({task("a", "")}).message(), "task 'a': agent: missing");
}

TEST(TopologicalOrder, DependenciesFirstTiesInDeclarationOrder) {
  std::vector<TaskSpec> tasks = {task("finance", "writer", {"compliance"}),
                                 task("research", "writer"), task("sourcing", "writer"),
                                 task("compliance", "writer", {"sourcing"})};
  EXPECT_EQ(topological_order(tasks),
            (std::vector<std::string>{"research", "sourcing", "compliance", "finance"}));
}

TEST(TaskSpecJson, RoundTrips) {
  TaskSpec spec = task("compliance", "compliance", {"sourcing"}, {{"top", 5}});
  spec.title = "Classify";
  auto back = task_spec_from_json(to_json(spec));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->id, "compliance");
  EXPECT_EQ(back->after, std::vector<std::string>{"sourcing"});
  EXPECT_EQ(back->params["top"], 5);
  EXPECT_EQ(back->title, "Classify");
}

TEST(TaskSpecJson, BadAfterEntryNamesIndex) {
  auto spec = task_spec_from_json(nlohmann::json::parse(R"({"id":"a","after":["b",3]})"));
  EXPECT_EQ(spec.status().message(), "after[1]: not a string");
}

}  // namespace
}  // namespace kontor::crew
