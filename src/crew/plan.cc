#include "crew/plan.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace kontor::crew {
namespace {

using nlohmann::json;

// Depth-first search for a cycle; returns the cycle as "a → b → a" or "".
std::string find_cycle(const std::vector<TaskSpec>& tasks,
                       const std::map<std::string, const TaskSpec*>& by_id) {
  enum class Mark { kNone, kOpen, kDone };
  std::map<std::string, Mark> marks;
  std::vector<std::string> path;
  std::string cycle;
  std::function<bool(const std::string&)> visit = [&](const std::string& id) {
    Mark& mark = marks[id];
    if (mark == Mark::kDone) return false;
    if (mark == Mark::kOpen) {
      auto start = std::find(path.begin(), path.end(), id);
      for (auto it = start; it != path.end(); ++it) cycle += *it + " → ";
      cycle += id;
      return true;
    }
    mark = Mark::kOpen;
    path.push_back(id);
    for (const std::string& dep : by_id.at(id)->after) {
      if (visit(dep)) return true;
    }
    path.pop_back();
    marks[id] = Mark::kDone;
    return false;
  };
  for (const TaskSpec& task : tasks) {
    if (visit(task.id)) return cycle;
  }
  return "";
}

}  // namespace

Status validate_plan(const std::vector<TaskSpec>& tasks) {
  std::map<std::string, const TaskSpec*> by_id;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const TaskSpec& task = tasks[i];
    if (task.id.empty()) return invalid_argument("task #" + std::to_string(i + 1) + ": empty id");
    if (!by_id.emplace(task.id, &task).second) {
      return invalid_argument("task '" + task.id + "': duplicate id");
    }
    if (task.agent.empty()) return invalid_argument("task '" + task.id + "': agent: missing");
  }
  for (const TaskSpec& task : tasks) {
    std::set<std::string> seen;
    for (const std::string& dep : task.after) {
      if (dep == task.id) return invalid_argument("task '" + task.id + "': after: itself");
      if (!by_id.contains(dep)) {
        return invalid_argument("task '" + task.id + "': after: unknown task '" + dep + "'");
      }
      if (!seen.insert(dep).second) {
        return invalid_argument("task '" + task.id + "': after: '" + dep + "' listed twice");
      }
    }
  }
  std::string cycle = find_cycle(tasks, by_id);
  if (!cycle.empty()) return invalid_argument("cycle: " + cycle);
  return ok_status();
}

std::vector<std::string> topological_order(const std::vector<TaskSpec>& tasks) {
  std::set<std::string> placed;
  std::vector<std::string> order;
  while (order.size() < tasks.size()) {
    std::size_t before = order.size();
    for (const TaskSpec& task : tasks) {
      if (placed.contains(task.id)) continue;
      bool ready = std::all_of(task.after.begin(), task.after.end(),
                               [&](const std::string& dep) { return placed.contains(dep); });
      if (ready) {
        placed.insert(task.id);
        order.push_back(task.id);
      }
    }
    if (order.size() == before) break;  // invalid plan: a cycle or an unknown dependency
  }
  return order;
}

json to_json(const TaskSpec& task) {
  return {{"id", task.id},
          {"agent", task.agent},
          {"after", task.after},
          {"params", task.params.is_null() ? json::object() : task.params},
          {"title", task.title}};
}

StatusOr<TaskSpec> task_spec_from_json(const json& j) {
  if (!j.is_object()) return invalid_argument("task: not an object");
  TaskSpec task;
  for (const char* field : {"id", "agent", "title"}) {
    if (j.contains(field) && !j[field].is_string()) {
      return invalid_argument(std::string(field) + ": not a string");
    }
  }
  task.id = j.value("id", "");
  task.agent = j.value("agent", "");
  task.title = j.value("title", "");
  if (j.contains("after")) {
    if (!j["after"].is_array()) return invalid_argument("after: not an array");
    for (std::size_t i = 0; i < j["after"].size(); ++i) {
      if (!j["after"][i].is_string()) {
        return invalid_argument("after[" + std::to_string(i) + "]: not a string");
      }
      task.after.push_back(j["after"][i].get<std::string>());
    }
  }
  if (j.contains("params") && !j["params"].is_null()) {
    if (!j["params"].is_object()) return invalid_argument("params: not an object");
    task.params = j["params"];
  }
  return task;
}

}  // namespace kontor::crew
