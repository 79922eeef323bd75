// Research: demand notes and price bands (per origin market) of the catalog listings comparable to
// the brief's product, at the brief's quantity, in the buyer currency. Writes section "research".
#pragma once

#include "crew/agent.h"

namespace kontor::crew {

class ResearchAgent final : public Agent {
 public:
  std::string_view name() const override { return "research"; }
  Status run(const TaskSpec& task, TaskContext& context) override;
};

}  // namespace kontor::crew
