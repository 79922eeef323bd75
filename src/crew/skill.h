// Skill: a declarative, shareable recipe for a kind of job ("source a product", "re-quote a
// supplier"), read from a JSON file that users can write and run (`kontor skill run FILE`).
// The planner turns a Brief and a Skill into a Plan: steps whose `when` condition the brief
// does not meet are left out (and dropped from the `after` lists of the others).
//
// File format (docs/skills.md has the full reference):
//   {"name": "source-product", "description": "…", "version": 1,
//    "steps": [{"id": "compliance", "agent": "compliance", "title": "Classify, duty, rules",
//               "after": ["sourcing"], "params": {"top": 5}, "when": "brief.destination"}]}
// `when` is one condition or a list that must all hold: "brief.<field>" (present and not
// empty) or "!brief.<field>" (absent), where <field> is a key of the Brief JSON (brief.h).
// Unknown keys are errors, so a typo cannot silently change a plan.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "crew/agent.h"
#include "crew/brief.h"
#include "crew/plan.h"

namespace kontor::crew {

struct SkillCondition {
  std::string field;  // Brief JSON key: "destination"
  bool present = true;
};

struct SkillStep {
  TaskSpec task;
  std::vector<SkillCondition> when;  // all must hold
};

struct Skill {
  std::string name;
  std::string description;
  int version = 1;
  std::vector<SkillStep> steps;
};

// Parses and validates a skill; `source` (a file name) prefixes every error:
// "skills/x.json: step 'finance': after: unknown step 'logistic'".
StatusOr<Skill> parse_skill(const nlohmann::json& json, std::string_view source);
StatusOr<Skill> load_skill_file(const std::string& path);
// The skill shipped in the repository: <repo>/skills/source-product.json.
std::string builtin_skill_path(std::string_view name);

bool condition_holds(const SkillCondition& condition, const Brief& brief);
// Brief + skill → plan (validated).
StatusOr<Plan> plan_from_skill(const Skill& skill, const Brief& brief);

}  // namespace kontor::crew
