// Compliance: classifies the shortlisted product (HS 2022), asks the human when the classifier is
// unsure (question "hs.code" with the candidates; the leading candidate is used provisionally),
// builds the destination's requirements checklist against each supplier's certificates (a gap
// adds a task "request_evidence.<supplier>"), and quotes duty and import VAT per origin with
// provenance. Reads "sourcing"; writes "compliance". An answer is read from task param
// "hs_code" or the "answers" section ({"hs.code": "961700"}).
#pragma once

#include "crew/agent.h"

namespace kontor::crew {

class ComplianceAgent final : public Agent {
 public:
  std::string_view name() const override { return "compliance"; }
  Status run(const TaskSpec& task, TaskContext& context) override;
};

}  // namespace kontor::crew
