// Supplier scoring: one number to rank suppliers for a brief, built from explained parts a
// buyer can check — landed cost per unit against the cheapest candidate, days to in-stock
// against the deadline, supplier quality (verification, on-time rate, defect rate, response
// time, years in business) and certifications held against those required. Each part says how
// it was reached; a missed deadline or a missing required certification is flagged, never
// hidden in the total.
//
// Points are exact decimals rounded half-even to 2 places per part; the total is their sum.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/money.h"
#include "core/status.h"

namespace kontor::trade {

enum class SupplierVerification { kNone, kVerified, kAudited };

struct SupplierProfile {
  std::string id;
  std::string name;
  SupplierVerification verification = SupplierVerification::kNone;
  int years_in_business = 0;
  int response_hours = 24;
  Decimal on_time_rate;                     // 0..1
  Decimal defect_rate;                      // 0..1
  std::vector<std::string> certifications;  // held by the company
};

struct ScoreWeights {  // points out of 100
  Decimal cost = 40;
  Decimal time = 20;
  Decimal quality = 25;
  Decimal compliance = 15;
};

struct SupplierScoreInputs {
  SupplierProfile supplier;
  std::vector<std::string> offer_certifications;     // test reports of the offer: "CE", "LFGB"
  std::vector<std::string> required_certifications;  // from the brief / market requirements
  Money landed_cost_per_unit;
  Money best_landed_cost_per_unit;      // the cheapest candidate's, same currency
  int lead_time_days = 0;               // production until ready at the named place
  int transit_days = 0;                 // chosen route, ready → in stock
  std::optional<int> days_to_deadline;  // from the order date; none: no deadline
};

struct ScorePart {
  std::string name;  // "cost", "time", "quality", "compliance"
  Decimal points;
  Decimal max_points;
  std::string explanation;  // "4.20 vs best 3.90 EUR/unit: 40 × 3.90/4.20 = 37.14"
};

struct SupplierScore {
  std::string supplier_id;
  Decimal total;  // sum of parts, 0..100
  std::vector<ScorePart> parts;
  std::vector<std::string> missing_certifications;
  bool misses_deadline = false;
  std::vector<std::string> flags;  // "misses the deadline by 6 days", "no CE test report"
};

// invalid_argument when the landed costs differ in currency or are not positive.
StatusOr<SupplierScore> score_supplier(const SupplierScoreInputs& inputs,
                                       const ScoreWeights& weights = {});

nlohmann::json to_json(const SupplierScore& score);

}  // namespace kontor::trade
