// Workspace: everything needed to run cases on one store, built once per process — the agent
// registry with the built-in agents, the engines they call, the executor that records actions,
// and the Runner. The CLI's crew commands and the HTTP server both stand on it; it knows nothing
// about either (observers such as a progress board or an event stream are added by the caller
// through runner().add_observer()).
//
// new_case() is the one path from a goal to a runnable case: intake reads the goal, fields the
// caller sets override it (as answers would), and the skill's plan is built for the brief.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/date.h"
#include "core/status.h"
#include "crew/actions.h"
#include "crew/agent_registry.h"
#include "crew/brief.h"
#include "crew/engines.h"
#include "crew/runner.h"
#include "store/store.h"

namespace kontor::crew {

struct WorkspaceOptions {
  // The case store, borrowed; null: an in-memory store owned by the workspace (keeps nothing).
  store::Store* store = nullptr;
  // Load the reference data, catalog, classifier… the built-in agents need (commands that only
  // read a case skip it). engines.reference may carry an already loaded snapshot.
  bool with_engines = true;
  EngineOptions engines;
  // Executed actions are appended here (see RecordingExecutor); "": kept in memory.
  std::string actions_log;
  // Borrowed; null: the runner's default (AmountNeedsApprovalPolicy).
  Policy* policy = nullptr;
  RunnerOptions runner;
};

class Workspace {
 public:
  static StatusOr<std::unique_ptr<Workspace>> open(WorkspaceOptions options);
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
  ~Workspace();

  store::Store& store() { return *store_; }
  Runner& runner() { return *runner_; }
  // Null when opened without engines.
  const Engines* engines() const { return engines_ ? &engines_->engines() : nullptr; }
  const EngineSet* engine_set() const { return engines_.get(); }
  // For a process that ends right after this workspace (a CLI command): the engines are not
  // freed when the workspace is destroyed but left to the operating system at exit, which
  // takes nothing, where freeing their ~100 MB of small objects takes tens of milliseconds.
  void keep_engines_until_exit();

  // Goal text → Brief (intake), with the case's "today". invalid_argument naming "goal".
  StatusOr<Brief> read_goal(const std::string& goal, Date today) const;

  // Goal → brief (with `fields` applied in order, each error naming "fields.<name>") → the plan
  // of the skill at `skill_path` ("" = the built-in source-product skill). `case_id` "" lets the
  // runner generate one.
  StatusOr<NewCase> new_case(const std::string& goal, Date today,
                             const std::map<std::string, std::string>& fields = {},
                             const std::string& skill_path = "",
                             const std::string& case_id = "") const;

 private:
  Workspace() = default;
  std::unique_ptr<store::Store> owned_store_;
  store::Store* store_ = nullptr;
  AgentRegistry agents_;
  std::unique_ptr<EngineSet> engines_;
  std::unique_ptr<RecordingExecutor> executor_;
  std::unique_ptr<Runner> runner_;
};

}  // namespace kontor::crew
