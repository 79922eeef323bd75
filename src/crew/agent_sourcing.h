// Sourcing: searches the catalog with the brief's product text (any language), keeps the offers
// that fit the brief (MOQ ≤ quantity and ≤ max MOQ, origin not avoided, required certifications
// held, offer still valid, price known), one per supplier, and shortlists the best `top` (task
// param, default 5) with their tier price at the quantity in the buyer currency. Writes "sourcing".
#pragma once

#include "crew/agent.h"

namespace kontor::crew {

class SourcingAgent final : public Agent {
 public:
  std::string_view name() const override { return "sourcing"; }
  Status run(const TaskSpec& task, TaskContext& context) override;
};

}  // namespace kontor::crew
