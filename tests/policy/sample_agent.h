// Test support for the crew-under-a-grant tests: an agent whose one task orders a sample, and
// the task that drives it.
#pragma once

#include <string>

#include "crew/agent.h"
#include "crew/runner.h"

namespace kontor::policy::testing_support {

// Orders a sample from params.supplier for params.amount EUR.
class SampleAgent final : public crew::Agent {
 public:
  std::string_view name() const override { return "sampler"; }
  Status run(const crew::TaskSpec& task, crew::TaskContext& context) override {
    crew::ProposedAction order{
        "sample.order",
        task.params.value("supplier", ""),
        Money(*Decimal::parse(task.params.value("amount", "0")), *Currency::make("EUR", 2)),
        "OFFER-" + task.id,
        {{"units", 3}},
        "check the finish"};
    RETURN_IF_ERROR(context.propose(order));
    ASSIGN_OR_RETURN(crew::Section mine, context.read(task.id));
    return context.write(task.id, {{"ordered", true}}, mine.version);
  }
};

// A sample order of `amount` EUR from SUP-1.
inline crew::TaskSpec sample(std::string id, std::string amount) {
  return {id, "sampler", {}, {{"supplier", "SUP-1"}, {"amount", amount}}, "Order a sample"};
}

// A case of `tasks` for the bottle goal, as of 2026-11-23.
inline crew::NewCase sample_case(std::vector<crew::TaskSpec> tasks, std::string id = "K1") {
  crew::NewCase c;
  c.id = std::move(id);
  c.brief.goal = "Source 2,000 insulated steel bottles for Germany";
  c.brief.product = "insulated steel bottles";
  c.as_of = *Date::parse("2026-11-23");
  c.plan.tasks = std::move(tasks);
  c.skill = "test";
  return c;
}

// The action of the case whose reference (offer id) is `reference`, or null.
inline const store::OutboxAction* find_action(const crew::CaseSummary& s,
                                              std::string_view reference) {
  for (const auto& a : s.actions) {
    if (a.action.value("reference", "") == reference) return &a;
  }
  return nullptr;
}

}  // namespace kontor::policy::testing_support
