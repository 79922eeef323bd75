// Finance: landed cost per unit for every shortlisted supplier × mode through the trade engine
// (goods, freight, insurance, duty, import VAT, fees — every line with provenance), margin at the
// target retail price after channel fees, the cash-flow timeline of the recommended option, and
// the recommendation with reasons and alternatives. Reads "sourcing", "compliance",
// "logistics"; writes "finance".
#pragma once

#include "crew/agent.h"

namespace kontor::crew {

class FinanceAgent final : public Agent {
 public:
  std::string_view name() const override { return "finance"; }
  Status run(const TaskSpec& task, TaskContext& context) override;
};

}  // namespace kontor::crew
