// `kontor report CASE`: the case as a standalone HTML page (tables, inline SVG charts), Markdown
// or JSON, from what the store holds — so it renders the same for a finished case, a case
// waiting for an answer, and a case resumed after a crash.
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/crew_cli.h"
#include "crew/case.h"
#include "report/report.h"
#include "store/outbox.h"

namespace kontor::cli {
namespace {

struct ReportFlags {
  std::string case_id, format = "html", out, db;
};

nlohmann::json question_json(const crew::Question& q) {
  return {{"id", q.id},
          {"field", q.field},
          {"text", q.text},
          {"options", q.options},
          {"asked_by", q.asked_by}};
}

// Actions a human still has to decide, in the report's form.
nlohmann::json action_json(const store::OutboxAction& a) {
  nlohmann::json j = a.action.is_object() ? a.action : nlohmann::json::object();
  j["id"] = a.key.substr(0, 8);
  j["digest"] = a.key;
  j["state"] = std::string(store::action_state_name(a.state));
  return j;
}

StatusOr<report::CaseView> case_view(store::Store& store, const std::string& case_id) {
  ASSIGN_OR_RETURN(crew::CaseInfo info, crew::find_case(store, case_id));
  ASSIGN_OR_RETURN(crew::CaseState state, crew::load_case_state(store, case_id));
  ASSIGN_OR_RETURN(std::vector<crew::SectionRecord> sections, crew::list_sections(store, case_id));
  report::CaseView view;
  view.case_id = info.id;
  view.as_of = info.as_of;
  view.status = info.status;
  view.brief = info.brief;
  for (crew::SectionRecord& s : sections) {
    if (s.name != crew::kAnswersSection) view.sections[s.name] = std::move(s.body);
  }
  for (const crew::QuestionRecord& q : state.questions) {
    if (!q.answer) view.questions.push_back(question_json(q.question));
  }
  store::Outbox outbox(store, case_id);
  ASSIGN_OR_RETURN(std::vector<store::OutboxAction> actions, outbox.list());
  for (const store::OutboxAction& a : actions) {
    if (a.state == store::ActionState::kAwaitingApproval ||
        a.state == store::ActionState::kOutcomeUnknown) {
      view.actions.push_back(action_json(a));
    }
  }
  std::map<std::string, int> tasks;
  for (const crew::TaskRecord& t : state.tasks)
    ++tasks[std::string(crew::task_state_name(t.state))];
  view.events = {{"events", state.seq}, {"tasks", tasks}};
  return view;
}

int run_report(Context& context, const ReportFlags& f) {
  auto store = context.store(f.db);
  if (!store.ok()) return context.fail(store.status());
  auto view = case_view(**store, f.case_id);
  if (!view.ok()) return context.fail(view.status());
  const std::string extension = f.format == "markdown" ? "md" : f.format;
  std::filesystem::path out = f.out;
  if (out.empty()) {
    out = std::filesystem::path(Context::store_path(f.db)).parent_path() / "reports" /
          (f.case_id + "." + extension);
  }
  Status written = report::write_report(*view, f.format, out);
  if (!written.ok()) return context.fail(written);
  std::cout << "Report of case " << f.case_id << " (" << view->status << "): " << out.string()
            << "\n";
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app, Context& context, std::function<int()>& run) {
  static ReportFlags f;
  CLI::App* cmd = app.add_subcommand(
      "report", "Write a case's report: standalone HTML with charts, Markdown or JSON");
  cmd->add_option("case", f.case_id, "the case id (see kontor cases)")->required();
  cmd->add_option("--format", f.format, "html (default), md or json")
      ->check(CLI::IsMember({"html", "md", "markdown", "json"}));
  cmd->add_option("--out", f.out, "file to write (default <workspace>/reports/CASE.<format>)");
  cmd->add_option("--db", f.db, "workspace database (default $KONTOR_HOME/kontor.db)");
  cmd->callback([&] { run = [&] { return run_report(context, f); }; });
}

}  // namespace kontor::cli
