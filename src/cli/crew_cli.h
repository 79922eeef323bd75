// The crew's commands (`kontor run`, `resume`, `inbox`, `answer`, `approve`, `deny`,
// `skill run`, `cases`), one file each, and what they share: opening the case store, the agent
// registry, the runner with its observers, and printing a case summary.
//
// Store: --db FILE, else $KONTOR_HOME/kontor.db, else ./.kontor/kontor.db (Context::store).
// --no-retention runs in memory and keeps nothing. The agents are the built-in ones
// (crew/engines.h) on the engines loaded once per command. Executed actions are recorded (the real
// effects — sending RFQs, paying — are not wired yet) in <store folder>/actions.log.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "cli/context.h"
#include "crew/actions.h"
#include "crew/agent_registry.h"
#include "crew/brief.h"
#include "crew/engines.h"
#include "crew/event_stream.h"
#include "crew/progress_board.h"
#include "crew/runner.h"
#include "crew/workspace.h"
#include "policy/audit_observer.h"

namespace kontor::cli {

// Registers every crew command.
void add_crew_commands(CLI::App& app, Context& context, std::function<int()>& run);

void add_run_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_resume_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_inbox_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_answer_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_approve_commands(CLI::App& app, Context& context, std::function<int()>& run);
void add_skill_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_cases_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_report_command(CLI::App& app, Context& context, std::function<int()>& run);
void add_audit_command(CLI::App& app, Context& context, std::function<int()>& run);

struct CrewFlags {
  std::string db;
  bool json = false;          // JSON-lines events, then the summary as the last line
  bool no_retention = false;  // in-memory store
  unsigned threads = 0;
  std::string grant;  // --grant TOKEN: act under this capability grant (kontor grant create)
};
void add_crew_flags(CLI::App& command, CrewFlags& flags);

// Everything a crew command needs, built once per process.
class CrewSession {
 public:
  // `with_engines`: load the reference data, catalog, classifier… the built-in agents need
  // (commands that only read a case skip it).
  static StatusOr<std::unique_ptr<CrewSession>> open(Context& context, const CrewFlags& flags,
                                                     bool with_engines = true);
  // The command ends with the session: the engines are left to the OS (faster than freeing).
  ~CrewSession();
  store::Store& store() { return workspace_->store(); }
  crew::Runner& runner() { return workspace_->runner(); }
  crew::Workspace& workspace() { return *workspace_; }
  // Goal text → Brief (intake), with the case's "today".
  StatusOr<crew::Brief> read_goal(const std::string& goal, Date today) {
    return workspace_->read_goal(goal, today);
  }

 private:
  std::unique_ptr<crew::Workspace> workspace_;  // owns the store with --no-retention
  std::unique_ptr<crew::ProgressBoard> board_;
  std::unique_ptr<crew::EventStream> stream_;
  std::unique_ptr<policy::AuditObserver> audit_;  // every event into the audit chain
  std::unique_ptr<crew::Policy> policy_;          // --grant; null: the runner's default
};

// Prints the outcome (the board already showed the tasks): status, open questions, pending
// approvals and what to type next; with json, one JSON line. Exit 0 unless a task failed.
int print_summary(const crew::CaseSummary& summary, bool json);
nlohmann::json summary_json(const crew::CaseSummary& summary);

// Runs `goal` with the skill at `skill_path` ("" = the built-in source-product skill).
int run_goal(Context& context, const CrewFlags& flags, const std::string& goal,
             const std::string& skill_path, const std::string& as_of);

}  // namespace kontor::cli
