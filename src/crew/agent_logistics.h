// Logistics: route options per shortlisted supplier × freight mode from the rate cards, with
// transit, arrival against the deadline and the cost/time Pareto flag. Reads "sourcing"; writes
// "logistics".
#pragma once

#include "crew/agent.h"

namespace kontor::crew {

class LogisticsAgent final : public Agent {
 public:
  std::string_view name() const override { return "logistics"; }
  Status run(const TaskSpec& task, TaskContext& context) override;
};

}  // namespace kontor::crew
