#include "crew/workspace.h"

#include <mutex>
#include <utility>
#include <vector>

#include "crew/intake.h"
#include "crew/skill.h"
#include "store/memory/memory_store.h"

namespace kontor::crew {

Workspace::~Workspace() = default;

void Workspace::keep_engines_until_exit() {
  // Reachable from a static to the end, so a leak checker does not report them.
  static std::mutex mutex;
  static auto* kept = new std::vector<std::unique_ptr<EngineSet>>();
  std::lock_guard<std::mutex> lock(mutex);
  if (engines_) kept->push_back(std::move(engines_));
}

StatusOr<std::unique_ptr<Workspace>> Workspace::open(WorkspaceOptions options) {
  std::unique_ptr<Workspace> ws(new Workspace());
  if (options.store == nullptr) {
    ws->owned_store_ = store::open_memory_store();
    ws->store_ = ws->owned_store_.get();
  } else {
    ws->store_ = options.store;
  }
  ws->executor_ = options.actions_log.empty()
                      ? std::make_unique<RecordingExecutor>()
                      : std::make_unique<RecordingExecutor>(options.actions_log);
  register_builtin_agents(ws->agents_);
  if (options.with_engines) {
    options.engines.store = ws->store_;
    ASSIGN_OR_RETURN(ws->engines_, load_engines(options.engines));
  }
  ws->runner_ =
      std::make_unique<Runner>(*ws->store_, ws->agents_,
                               RunnerServices{ws->engines_ ? &ws->engines_->engines() : nullptr,
                                              options.policy, ws->executor_.get()},
                               std::move(options.runner));
  return ws;
}

StatusOr<Brief> Workspace::read_goal(const std::string& goal, Date today) const {
  if (goal.empty()) return invalid_argument("goal: empty");
  return crew::read_goal(goal, today);
}

StatusOr<NewCase> Workspace::new_case(const std::string& goal, Date today,
                                      const std::map<std::string, std::string>& fields,
                                      const std::string& skill_path,
                                      const std::string& case_id) const {
  ASSIGN_OR_RETURN(
      Skill skill,
      load_skill_file(skill_path.empty() ? builtin_skill_path("source-product") : skill_path));
  ASSIGN_OR_RETURN(Brief brief, read_goal(goal, today));
  for (const auto& [field, value] : fields) {
    Status applied = apply_field(brief, field, value, today);
    if (!applied.ok()) return applied.with_context("fields." + field);
  }
  ASSIGN_OR_RETURN(Plan plan, plan_from_skill(skill, brief));
  return NewCase{case_id, std::move(brief), today, std::move(plan), skill.name};
}

}  // namespace kontor::crew
