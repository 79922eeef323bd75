// Supplier ranking: every landed-cost option (supplier × shipping mode) scored with the trade
// engine's explained supplier score (trade/supplier_score.h: cost against the cheapest option,
// days to stock against the deadline, supplier quality, certifications held against those
// required), then ordered so that the first option is the one a buyer can act on:
//   1. "eligible": in stock by the deadline and every required certification held;
//   2. "certification_gap": in time, evidence missing (compliance adds a task to request it);
//   3. "late": misses the deadline (no test report fixes that);
// within a standing by score, then landed cost per unit, then input order. Each option says
// how it compares with the first ("2.1 % dearer, 9 days later; score 71.30 vs 84.12").
//
// The required certifications are the market's (the compliance checklist's rules that need
// evidence: status held or missing for the shortlist, never "to check") and the ones the brief
// names, each with where the requirement comes from.
#pragma once

#include <optional>
#include <vector>

#include "catalog/catalog.h"
#include "core/date.h"
#include "core/status.h"
#include "crew/brief.h"
#include "crew/sections.h"

namespace kontor::crew {

// Market rules first (checklist order), then the brief's names not already covered by a rule's
// accepted evidence. `compliance` may be null (no market rules).
std::vector<RequiredCertification> required_certifications(
    const ComplianceSection* compliance, const std::vector<std::string>& brief_certifications);

struct RankingInputs {
  const std::vector<LandedCostOption>& options;   // finance's, all in one buyer currency
  const SourcingSection& sourcing;                // shortlist: lead times, certifications
  const LogisticsSection& logistics;              // routes: transit days, dates
  const ComplianceSection* compliance = nullptr;  // per-supplier requirement status
  const std::vector<RequiredCertification>& required;
  const catalog::Catalog* catalog = nullptr;  // supplier profiles; null: from the shortlist
  std::optional<Date> deadline;               // the brief's
};

// Options with no shortlist entry or route are left out; invalid_argument when the landed costs
// are in different currencies or not positive (trade::score_supplier's contract).
StatusOr<std::vector<RankedOption>> rank_options(const RankingInputs& inputs);

// The first ranked option as the recommendation: why it ranks first (its standing, score and
// parts, landed cost against the cheapest, arrival against the deadline, margin, what is
// missing and the task that requests it) and up to three other suppliers' best options as
// alternatives with why each ranks below. `ranking` must not be empty.
Recommendation recommend(const std::vector<RankedOption>& ranking,
                         const std::vector<LandedCostOption>& options,
                         const ComplianceSection* compliance, const Brief& brief);

// The landed-cost option a ranked option (or the recommendation) refers to, else null.
const LandedCostOption* find_option(const std::vector<LandedCostOption>& options,
                                    const std::string& supplier_id, const std::string& offer_id,
                                    const std::string& mode);

}  // namespace kontor::crew
