// `kontor run "goal"`: goal → brief → plan (the source-product skill, or --skill FILE) → the
// crew runs it on the case store, showing live progress (or --json events), and prints what
// needs the owner: open questions and actions awaiting approval.
#include "cli/crew_cli.h"

namespace kontor::cli {

void add_run_command(CLI::App& app, Context& context, std::function<int()>& run) {
  struct Flags {
    CrewFlags crew;
    std::string goal;
    std::string skill;
    std::string as_of;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand("run", "Run the crew on a goal in plain words");
  command
      ->add_option("goal", flags->goal,
                   "what to do, e.g. \"Source 2,000 insulated steel "
                   "bottles for Germany, retail €24.99, by March\"")
      ->required();
  command->add_option("--skill", flags->skill, "skill file (default: skills/source-product.json)");
  command->add_option("--as-of", flags->as_of, "the case's today, YYYY-MM-DD (default: today)");
  add_crew_flags(*command, flags->crew);
  command->callback([&context, &run, flags] {
    run = [&context, flags] {
      return run_goal(context, flags->crew, flags->goal, flags->skill, flags->as_of);
    };
  });
}

}  // namespace kontor::cli
