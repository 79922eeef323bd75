// `kontor inbox [CASE]`: what waits for the owner — open questions and actions awaiting
// approval (or with an unknown outcome) — for one case or every case in the store.
#include <iostream>

#include "cli/crew_cli.h"

namespace kontor::cli {
namespace {

std::string money_text(const nlohmann::json& action) {
  if (!action.contains("amount")) return "";
  return " " + action["amount"].value("amount", "") + " " + action["amount"].value("currency", "");
}

}  // namespace

void add_inbox_command(CLI::App& app, Context& context, std::function<int()>& run) {
  struct Flags {
    CrewFlags crew;
    std::string case_id;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand("inbox", "Questions and approvals waiting for you");
  command->add_option("case", flags->case_id, "one case (default: all)");
  add_crew_flags(*command, flags->crew);
  command->callback([&context, &run, flags] {
    run = [&context, flags] {
      auto session = CrewSession::open(context, flags->crew, false);
      if (!session.ok()) return context.fail(session.status());
      std::vector<std::string> ids;
      if (!flags->case_id.empty()) {
        ids.push_back(flags->case_id);
      } else {
        auto cases = crew::list_cases((*session)->store());
        if (!cases.ok()) return context.fail(cases.status());
        for (const crew::CaseInfo& c : *cases) ids.push_back(c.id);
      }
      int items = 0;
      for (const std::string& id : ids) {
        auto summary = (*session)->runner().inspect(id);
        if (!summary.ok()) return context.fail(summary.status());
        if (flags->crew.json) {
          std::cout << summary_json(*summary).dump() << "\n";
          continue;
        }
        for (const crew::QuestionRecord* q : summary->open_questions()) {
          ++items;
          std::cout << id << "  question " << q->question.id << " ("
                    << (q->task_id.empty() ? q->question.asked_by : q->task_id)
                    << "): " << q->question.text;
          if (!q->question.options.empty()) {
            std::cout << "  [";
            for (std::size_t i = 0; i < q->question.options.size(); ++i) {
              std::cout << (i ? " | " : "") << q->question.options[i];
            }
            std::cout << "]";
          }
          std::cout << "\n";
        }
        for (const store::OutboxAction* a : summary->pending_approvals()) {
          ++items;
          std::cout << id << "  "
                    << (a->state == store::ActionState::kAwaitingApproval ? "approval "
                                                                          : "outcome unknown ")
                    << a->key.substr(0, 12) << " " << a->kind << money_text(a->action) << " → "
                    << a->action.value("counterparty", "") << " (" << a->task_id
                    << "): " << a->action.value("reason", "") << "\n";
        }
      }
      if (!flags->crew.json && items == 0) std::cout << "Nothing waiting for you.\n";
      return 0;
    };
  });
}

}  // namespace kontor::cli
