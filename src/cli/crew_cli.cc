#include "cli/crew_cli.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/grant_cli.h"
#include "core/cache_folder.h"
#include "crew/intake.h"
#include "crew/skill.h"

namespace kontor::cli {
namespace {

using nlohmann::json;

}  // namespace

void add_crew_commands(CLI::App& app, Context& context, std::function<int()>& run) {
  add_run_command(app, context, run);
  add_resume_command(app, context, run);
  add_inbox_command(app, context, run);
  add_answer_command(app, context, run);
  add_approve_commands(app, context, run);
  add_skill_command(app, context, run);
  add_cases_command(app, context, run);
  add_report_command(app, context, run);
  add_audit_command(app, context, run);
}

void add_crew_flags(CLI::App& command, CrewFlags& flags) {
  command.add_option("--db", flags.db,
                     "case store (SQLite); default $KONTOR_HOME/kontor.db or ./.kontor/kontor.db");
  command.add_flag("--json", flags.json, "stream events as JSON lines instead of the board");
  command.add_flag("--no-retention", flags.no_retention, "keep the case in memory only");
  command.add_option("--threads", flags.threads, "worker threads (default: one per core)");
  command.add_option("--grant", flags.grant, "act under this grant (kontor grant create)");
}

StatusOr<std::unique_ptr<CrewSession>> CrewSession::open(Context& context, const CrewFlags& flags,
                                                         bool with_engines) {
  auto session = std::make_unique<CrewSession>();
  crew::WorkspaceOptions options;
  if (!flags.no_retention) {
    ASSIGN_OR_RETURN(options.store, context.store(flags.db));
    std::filesystem::path folder =
        std::filesystem::path(Context::store_path(flags.db)).parent_path();
    if (folder.empty()) folder = ".";
    options.actions_log = (folder / "actions.log").string();
  }
  options.with_engines = with_engines;
  if (with_engines) {
    // load_engines reads the reference data itself, beside the catalog and the classifier.
    // Those two are reused from the cache folder; with --no-retention nothing is written
    // anywhere, so they are built in memory.
    if (!flags.no_retention) options.engines.cache_dir = default_cache_dir();
    options.engines.demo = catalog::DemoOptions::current(context.clock().today());
  }
  options.runner.threads = flags.threads;
  ASSIGN_OR_RETURN(session->policy_, grant_policy_for(flags.grant, flags.db));
  options.policy = session->policy_.get();
  ASSIGN_OR_RETURN(session->workspace_, crew::Workspace::open(std::move(options)));
  if (const crew::EngineSet* engines = session->workspace_->engine_set()) {
    // A first run (or one after the inputs changed) is slower: say why, on stderr so that
    // --json output stays one JSON object per line.
    for (const std::string& note : engines->cache_notes()) {
      std::cerr << "kontor: first run: " << note << "\n";
    }
  }
  session->audit_ = std::make_unique<policy::AuditObserver>(session->store());
  session->runner().add_observer(session->audit_.get());
  if (flags.json) {
    session->stream_ = std::make_unique<crew::EventStream>(std::cout);
    session->runner().add_observer(session->stream_.get());
  } else {
    session->board_ = std::make_unique<crew::ProgressBoard>(stdout, isatty(fileno(stdout)) != 0);
    session->runner().add_observer(session->board_.get());
  }
  return session;
}

CrewSession::~CrewSession() {
  if (workspace_) workspace_->keep_engines_until_exit();
}

json summary_json(const crew::CaseSummary& summary) {
  json tasks = json::object();
  for (const crew::TaskRecord& t : summary.state.tasks) {
    tasks[t.spec.id] = crew::task_state_name(t.state);
  }
  json questions = json::array();
  for (const crew::QuestionRecord* q : summary.open_questions()) {
    questions.push_back({{"id", q->question.id},
                         {"text", q->question.text},
                         {"options", q->question.options},
                         {"task", q->task_id}});
  }
  json approvals = json::array();
  for (const store::OutboxAction* a : summary.pending_approvals()) {
    approvals.push_back({{"key", a->key},
                         {"kind", a->kind},
                         {"state", store::action_state_name(a->state)},
                         {"action", a->action}});
  }
  return {{"type", "case.summary"},
          {"case", summary.case_id},
          {"status", crew::case_status_name(summary.status)},
          {"tasks", tasks},
          {"blocked", summary.blocked},
          {"open_questions", questions},
          {"pending_approvals", approvals}};
}

int print_summary(const crew::CaseSummary& summary, bool json_output) {
  const int exit_code = summary.status == crew::CaseStatus::kFailed ? kExitFailure : 0;
  if (json_output) {
    std::cout << summary_json(summary).dump() << "\n";
    return exit_code;
  }
  std::cout << "\nCase " << summary.case_id << ": " << crew::case_status_name(summary.status)
            << "\n";
  for (const crew::TaskRecord& t : summary.state.tasks) {
    if (t.state == crew::TaskState::kFailed) {
      std::cout << "  task " << t.spec.id << " failed: " << t.error << "\n";
    }
  }
  if (!summary.blocked.empty()) {
    std::cout << "  blocked:";
    for (const std::string& id : summary.blocked) std::cout << " " << id;
    std::cout << "\n";
  }
  for (const crew::QuestionRecord* q : summary.open_questions()) {
    std::cout << "  question " << q->question.id << ": " << q->question.text << "\n"
              << "    kontor answer " << summary.case_id << " " << q->question.id
              << " \"<answer>\"\n";
  }
  for (const store::OutboxAction* a : summary.pending_approvals()) {
    std::cout << "  " << store::action_state_name(a->state) << ": " << a->kind << " "
              << a->action.value("counterparty", "") << " " << a->key.substr(0, 12) << "\n";
    if (a->state == store::ActionState::kAwaitingApproval) {
      std::cout << "    kontor approve " << summary.case_id << " " << a->key.substr(0, 12)
                << "   (or deny)\n";
    }
  }
  return exit_code;
}

int run_goal(Context& context, const CrewFlags& flags, const std::string& goal,
             const std::string& skill_path, const std::string& as_of_text) {
  Date today = context.clock().today();
  if (!as_of_text.empty()) {
    auto parsed = Date::parse(as_of_text);
    if (!parsed.ok()) return context.fail(parsed.status().with_context("--as-of"));
    today = *parsed;
  }
  auto session = CrewSession::open(context, flags);
  if (!session.ok()) return context.fail(session.status());
  auto new_case = (*session)->workspace().new_case(goal, today, {}, skill_path);
  if (!new_case.ok()) return context.fail(new_case.status());
  auto summary = (*session)->runner().start(*new_case);
  if (!summary.ok()) return context.fail(summary.status());
  // A case that stops at a question before proposing any action has not bound its grant yet;
  // bind it now so that `answer` and `resume` without --grant still act under it.
  Status bound = bind_case_grant((*session)->store(), summary->case_id, flags.grant);
  if (!bound.ok()) return context.fail(bound.with_context("--grant"));
  return print_summary(*summary, flags.json);
}

}  // namespace kontor::cli
