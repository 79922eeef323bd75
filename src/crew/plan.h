// Plan: the work description of a case — a DAG of tasks (crew/agent.h TaskSpec), each naming
// its agent and the tasks it runs after. The planner (skill.h) builds it from a Brief and a
// skill; agents may extend it while the case runs (TaskContext::add_task). The plan says what
// to do, never how: running it is the Runner's job (runner.h), watching it the observers'.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "crew/agent.h"

namespace kontor::crew {

struct Plan {
  std::vector<TaskSpec> tasks;  // in declaration order; dependencies may point forward
};

// Checks the task list: non-empty unique ids, an agent named, every `after` naming a task of
// the list (not itself), no cycle. The error names the task and the reason, e.g.
// "task 'finance': after: unknown task 'logistic'" or "cycle: a → b → a".
Status validate_plan(const std::vector<TaskSpec>& tasks);

// The tasks in an order where every task comes after its dependencies (ties in declaration
// order); the plan must be valid.
std::vector<std::string> topological_order(const std::vector<TaskSpec>& tasks);

nlohmann::json to_json(const TaskSpec& task);
// Names the first bad field: "after[1]: not a string".
StatusOr<TaskSpec> task_spec_from_json(const nlohmann::json& json);

}  // namespace kontor::crew
