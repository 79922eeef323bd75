// `kontor cases`: every case in the store with its status, as-of date and goal.
#include <iostream>

#include "cli/crew_cli.h"
#include "cli/format.h"

namespace kontor::cli {

void add_cases_command(CLI::App& app, Context& context, std::function<int()>& run) {
  auto flags = std::make_shared<CrewFlags>();
  CLI::App* command = app.add_subcommand("cases", "List the cases in the store");
  add_crew_flags(*command, *flags);
  command->callback([&context, &run, flags] {
    run = [&context, flags] {
      auto store = context.store(flags->db);
      if (!store.ok()) return context.fail(store.status());
      auto cases = crew::list_cases(**store);
      if (!cases.ok()) return context.fail(cases.status());
      if (flags->json) {
        for (const crew::CaseInfo& c : *cases) std::cout << crew::to_json(c).dump() << "\n";
        return 0;
      }
      if (cases->empty()) std::cout << "No cases yet: kontor run \"<goal>\"\n";
      for (const crew::CaseInfo& c : *cases) {
        std::cout << pad(c.id, 18) << " " << pad(c.status, 10) << " " << c.as_of << "  " << c.goal
                  << "\n";
      }
      return 0;
    };
  });
}

}  // namespace kontor::cli
