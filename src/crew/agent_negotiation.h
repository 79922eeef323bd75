// Negotiation: proposes an RFQ (action "rfq.send") to each of the top suppliers with a target
// price derived from the margin goal (task param "margin_goal", default 0.35 of net retail), and a
// sample order ("sample.order", with its amount) to the recommended supplier. Proposes only;
// policy and the human decide. Reads "sourcing", "finance"; writes "negotiation".
#pragma once

#include "crew/agent.h"

namespace kontor::crew {

class NegotiationAgent final : public Agent {
 public:
  std::string_view name() const override { return "negotiation"; }
  Status run(const TaskSpec& task, TaskContext& context) override;
};

}  // namespace kontor::crew
