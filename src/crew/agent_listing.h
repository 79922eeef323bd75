// Listing: the marketplace listing draft (title, five bullets, description, keywords) in the
// destination's language from templates and the trade glossary, for the recommended supplier's
// product. Reads "sourcing", "compliance" and "finance"; writes "listing".
#pragma once

#include "crew/agent.h"

namespace kontor::crew {

class ListingAgent final : public Agent {
 public:
  std::string_view name() const override { return "listing"; }
  Status run(const TaskSpec& task, TaskContext& context) override;
};

}  // namespace kontor::crew
