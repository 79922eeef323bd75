#include "crew/skill.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/csv.h"

namespace kontor::crew {
namespace {

using nlohmann::json;

// The Brief JSON keys a condition may name (crew/brief.h).
constexpr std::array<std::string_view, 15> kBriefFields = {"goal",
                                                           "language",
                                                           "product",
                                                           "quantity",
                                                           "destination",
                                                           "target_retail_price",
                                                           "target_landed_cost",
                                                           "budget",
                                                           "deadline",
                                                           "channels",
                                                           "required_certifications",
                                                           "avoid_origins",
                                                           "preferred_origins",
                                                           "max_moq",
                                                           "questions"};

constexpr std::array<std::string_view, 6> kStepKeys = {"id",     "agent", "after",
                                                       "params", "title", "when"};
constexpr std::array<std::string_view, 4> kSkillKeys = {"name", "description", "version", "steps"};

template <std::size_t N>
bool known(const std::array<std::string_view, N>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

StatusOr<SkillCondition> parse_condition(const json& j) {
  if (!j.is_string()) return invalid_argument("not a string");
  std::string text = j.get<std::string>();
  SkillCondition condition;
  std::string_view rest = text;
  if (rest.starts_with("!")) {
    condition.present = false;
    rest.remove_prefix(1);
  }
  if (!rest.starts_with("brief.")) {
    return invalid_argument("'" + text + "': expected brief.<field> or !brief.<field>");
  }
  rest.remove_prefix(6);
  if (!known(kBriefFields, rest)) {
    return invalid_argument("'" + text + "': unknown brief field '" + std::string(rest) + "'");
  }
  condition.field = std::string(rest);
  return condition;
}

StatusOr<SkillStep> parse_step(const json& j) {
  if (!j.is_object()) return invalid_argument("not an object");
  for (const auto& [key, value] : j.items()) {
    if (!known(kStepKeys, key)) return invalid_argument(key + ": unknown key");
  }
  ASSIGN_OR_RETURN(TaskSpec task, task_spec_from_json(j));
  if (task.id.empty()) return invalid_argument("id: missing");
  if (task.agent.empty()) return invalid_argument("agent: missing");
  SkillStep step{std::move(task), {}};
  if (j.contains("when")) {
    json when = j["when"].is_array() ? j["when"] : json::array({j["when"]});
    for (std::size_t i = 0; i < when.size(); ++i) {
      auto condition = parse_condition(when[i]);
      if (!condition.ok()) return condition.status().with_context("when");
      step.when.push_back(std::move(condition).value());
    }
  }
  return step;
}

std::string step_name(const json& steps, std::size_t i) {
  if (steps[i].is_object() && steps[i].contains("id") && steps[i]["id"].is_string()) {
    return "step '" + steps[i]["id"].get<std::string>() + "'";
  }
  return "steps[" + std::to_string(i) + "]";
}

}  // namespace

StatusOr<Skill> parse_skill(const json& j, std::string_view source) {
  const std::string where(source);
  auto fail = [&](const std::string& message) { return invalid_argument(where + ": " + message); };
  if (!j.is_object()) return fail("not a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (!known(kSkillKeys, key)) return fail(key + ": unknown key");
  }
  Skill skill;
  if (!j.contains("name") || !j["name"].is_string() || j["name"].get<std::string>().empty()) {
    return fail("name: missing or not a string");
  }
  skill.name = j["name"];
  if (j.contains("description") && !j["description"].is_string()) {
    return fail("description: not a string");
  }
  skill.description = j.value("description", "");
  if (j.contains("version") && !j["version"].is_number_integer()) {
    return fail("version: not an integer");
  }
  skill.version = j.value("version", 1);
  if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty()) {
    return fail("steps: missing or empty");
  }
  const json& steps = j["steps"];
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto step = parse_step(steps[i]);
    if (!step.ok()) return step.status().with_context(where + ": " + step_name(steps, i));
    skill.steps.push_back(std::move(step).value());
  }
  std::vector<TaskSpec> tasks;
  for (const SkillStep& step : skill.steps) tasks.push_back(step.task);
  Status valid = validate_plan(tasks);
  if (!valid.ok()) {
    std::string message = valid.message();
    // "task 'x': …" reads "step 'x': …" in a skill file.
    if (message.starts_with("task ")) message.replace(0, 4, "step");
    return fail(message);
  }
  return skill;
}

StatusOr<Skill> load_skill_file(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, read_file(path));
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return invalid_argument(path + ": not valid JSON");
  return parse_skill(j, path);
}

std::string builtin_skill_path(std::string_view name) {
  return std::string(KONTOR_REPO_DATA_DIR) + "/../skills/" + std::string(name) + ".json";
}

bool condition_holds(const SkillCondition& condition, const Brief& brief) {
  json j = to_json(brief);
  bool present = j.contains(condition.field) && !j[condition.field].is_null() &&
                 !(j[condition.field].is_array() && j[condition.field].empty()) &&
                 !(j[condition.field].is_string() && j[condition.field].get<std::string>().empty());
  return present == condition.present;
}

StatusOr<Plan> plan_from_skill(const Skill& skill, const Brief& brief) {
  std::set<std::string> kept;
  for (const SkillStep& step : skill.steps) {
    bool all = std::all_of(step.when.begin(), step.when.end(),
                           [&](const SkillCondition& c) { return condition_holds(c, brief); });
    if (all) kept.insert(step.task.id);
  }
  Plan plan;
  for (const SkillStep& step : skill.steps) {
    if (!kept.contains(step.task.id)) continue;
    TaskSpec task = step.task;
    std::erase_if(task.after, [&](const std::string& dep) { return !kept.contains(dep); });
    plan.tasks.push_back(std::move(task));
  }
  RETURN_IF_ERROR(validate_plan(plan.tasks).with_context("skill '" + skill.name + "'"));
  return plan;
}

}  // namespace kontor::crew
