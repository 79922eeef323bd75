// `kontor answer CASE QUESTION TEXT`: answer an open question; the tasks waiting on it run
// again and the case continues.
#include "cli/crew_cli.h"

namespace kontor::cli {

void add_answer_command(CLI::App& app, Context& context, std::function<int()>& run) {
  struct Flags {
    CrewFlags crew;
    std::string case_id;
    std::string question;
    std::string text;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand("answer", "Answer a question of a case");
  command->add_option("case", flags->case_id, "case id")->required();
  command->add_option("question", flags->question, "question id (see kontor inbox)")->required();
  command->add_option("text", flags->text, "the answer")->required();
  add_crew_flags(*command, flags->crew);
  command->callback([&context, &run, flags] {
    run = [&context, flags] {
      auto session = CrewSession::open(context, flags->crew);
      if (!session.ok()) return context.fail(session.status());
      auto summary = (*session)->runner().answer(flags->case_id, flags->question, flags->text);
      if (!summary.ok()) return context.fail(summary.status());
      return print_summary(*summary, flags->crew.json);
    };
  });
}

}  // namespace kontor::cli
