// `kontor approve CASE ACTION` / `kontor deny CASE ACTION [--reason TEXT]`: decide an action
// awaiting approval (ACTION: its key or a unique prefix, as kontor inbox shows it). An approved
// action is executed once; the case continues.
#include "cli/crew_cli.h"

namespace kontor::cli {
namespace {

void add_decision(CLI::App& app, Context& context, std::function<int()>& run, bool approve) {
  struct Flags {
    CrewFlags crew;
    std::string case_id;
    std::string action;
    std::string reason;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand(
      approve ? "approve" : "deny",
      approve ? "Approve an action awaiting approval" : "Deny an action awaiting approval");
  command->add_option("case", flags->case_id, "case id")->required();
  command->add_option("action", flags->action, "action key or unique prefix (see kontor inbox)")
      ->required();
  if (!approve) command->add_option("--reason", flags->reason, "why, for the journal");
  add_crew_flags(*command, flags->crew);
  command->callback([&context, &run, flags, approve] {
    run = [&context, flags, approve] {
      auto session = CrewSession::open(context, flags->crew);
      if (!session.ok()) return context.fail(session.status());
      crew::Runner& runner = (*session)->runner();
      auto summary = approve ? runner.approve(flags->case_id, flags->action)
                             : runner.deny(flags->case_id, flags->action, flags->reason);
      if (!summary.ok()) return context.fail(summary.status());
      return print_summary(*summary, flags->crew.json);
    };
  });
}

}  // namespace

void add_approve_commands(CLI::App& app, Context& context, std::function<int()>& run) {
  add_decision(app, context, run, true);
  add_decision(app, context, run, false);
}

}  // namespace kontor::cli
