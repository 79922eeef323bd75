// `kontor skill run FILE "goal"`: run a user's skill file; `kontor skill check FILE`: validate
// it and print the steps.
#include <iostream>

#include "cli/crew_cli.h"
#include "crew/skill.h"

namespace kontor::cli {

void add_skill_command(CLI::App& app, Context& context, std::function<int()>& run) {
  struct Flags {
    CrewFlags crew;
    std::string file;
    std::string goal;
    std::string as_of;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* skill = app.add_subcommand("skill", "Run or check a skill file");
  skill->require_subcommand(1);
  CLI::App* run_cmd = skill->add_subcommand("run", "Run the crew on a goal with a skill file");
  run_cmd->add_option("file", flags->file, "skill file (JSON)")->required();
  run_cmd->add_option("goal", flags->goal, "the goal in plain words")->required();
  run_cmd->add_option("--as-of", flags->as_of, "the case's today, YYYY-MM-DD");
  add_crew_flags(*run_cmd, flags->crew);
  run_cmd->callback([&context, &run, flags] {
    run = [&context, flags] {
      return run_goal(context, flags->crew, flags->goal, flags->file, flags->as_of);
    };
  });
  CLI::App* check = skill->add_subcommand("check", "Validate a skill file and list its steps");
  check->add_option("file", flags->file, "skill file (JSON)")->required();
  check->callback([&context, &run, flags] {
    run = [&context, flags] {
      auto loaded = crew::load_skill_file(flags->file);
      if (!loaded.ok()) return context.fail(loaded.status());
      std::cout << loaded->name << ": " << loaded->description << "\n";
      for (const crew::SkillStep& step : loaded->steps) {
        std::cout << "  " << step.task.id << " (" << step.task.agent << ")";
        if (!step.task.after.empty()) {
          std::cout << " after";
          for (const std::string& dep : step.task.after) std::cout << " " << dep;
        }
        for (const crew::SkillCondition& c : step.when) {
          std::cout << " when " << (c.present ? "" : "!") << "brief." << c.field;
        }
        std::cout << "\n";
      }
      return 0;
    };
  });
}

}  // namespace kontor::cli
