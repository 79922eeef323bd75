// `kontor resume CASE`: continue a case after a crash, kill -9 or stop — finished tasks are not
// redone, interrupted ones run again, actions left executing are reconciled, never repeated.
#include "cli/crew_cli.h"

namespace kontor::cli {

void add_resume_command(CLI::App& app, Context& context, std::function<int()>& run) {
  struct Flags {
    CrewFlags crew;
    std::string case_id;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand("resume", "Continue a case where it stopped");
  command->add_option("case", flags->case_id, "case id (see kontor cases)")->required();
  add_crew_flags(*command, flags->crew);
  command->callback([&context, &run, flags] {
    run = [&context, flags] {
      auto session = CrewSession::open(context, flags->crew);
      if (!session.ok()) return context.fail(session.status());
      auto summary = (*session)->runner().resume(flags->case_id);
      if (!summary.ok()) return context.fail(summary.status());
      return print_summary(*summary, flags->crew.json);
    };
  });
}

}  // namespace kontor::cli
