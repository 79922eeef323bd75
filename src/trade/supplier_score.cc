#include "trade/supplier_score.h"

#include <algorithm>
#include <cctype>

namespace kontor::trade {

namespace {

// Parts are shown to 2 decimals; half-even so that repeated ties do not drift upward.
Decimal points(const Decimal& value) { return value.rounded(2, RoundingMode::kHalfEven); }

Decimal fraction(std::int64_t num, std::int64_t den) {
  return Decimal::divide(Decimal(num), Decimal(den), 6, RoundingMode::kHalfEven).value();
}

std::string normalise_name(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

ScorePart cost_part(const SupplierScoreInputs& in, const Decimal& weight) {
  const Decimal value =
      Decimal::divide(weight * in.best_landed_cost_per_unit.amount(),
                      in.landed_cost_per_unit.amount(), 2, RoundingMode::kHalfEven)
          .value();
  return {"cost", value, weight,
          in.landed_cost_per_unit.to_string() + " per unit vs best " +
              in.best_landed_cost_per_unit.to_string() + ": " + weight.to_plain_string() +
              " × best / this = " + value.to_plain_string()};
}

ScorePart time_part(const SupplierScoreInputs& in, const Decimal& weight, SupplierScore& score) {
  const int total = in.lead_time_days + in.transit_days;
  const std::string days = std::to_string(in.lead_time_days) + " days production + " +
                           std::to_string(in.transit_days) +
                           " days transit = " + std::to_string(total) + " days";
  if (!in.days_to_deadline) {
    // No deadline: shorter is better, nothing after half a year.
    const Decimal share = Decimal::max(Decimal(0), Decimal(1) - fraction(total, 180));
    return {"time", points(weight * share), weight, days + "; no deadline: 1 − days/180"};
  }
  const int slack = *in.days_to_deadline - total;
  if (slack < 0) {
    score.misses_deadline = true;
    score.flags.push_back("misses the deadline by " + std::to_string(-slack) + " days");
    return {"time", Decimal(0), weight, days + ", " + std::to_string(-slack) + " days late"};
  }
  // Two weeks of slack or more earns full points; less slack, proportionally less (half at 0).
  const Decimal share = slack >= 14 ? Decimal(1) : Decimal::from_scaled(5, 1) + fraction(slack, 28);
  return {"time", points(weight * share), weight,
          days + ", " + std::to_string(slack) + " days of slack before the deadline"};
}

Decimal response_share(int hours) {
  if (hours <= 12) return Decimal(1);
  if (hours <= 24) return Decimal::from_scaled(8, 1);
  if (hours <= 48) return Decimal::from_scaled(5, 1);
  return Decimal::from_scaled(2, 1);
}

ScorePart quality_part(const SupplierProfile& s, const Decimal& weight) {
  const Decimal verification = s.verification == SupplierVerification::kAudited ? Decimal(1)
                               : s.verification == SupplierVerification::kVerified
                                   ? Decimal::from_scaled(7, 1)
                                   : Decimal::from_scaled(3, 1);
  const Decimal defects = Decimal::max(Decimal(0), Decimal(1) - s.defect_rate * Decimal(10));
  const Decimal years = fraction(std::min(s.years_in_business, 10), 10);
  const Decimal share = Decimal::from_scaled(25, 2) * verification +
                        Decimal::from_scaled(30, 2) * s.on_time_rate +
                        Decimal::from_scaled(25, 2) * defects +
                        Decimal::from_scaled(10, 2) * response_share(s.response_hours) +
                        Decimal::from_scaled(10, 2) * years;
  const std::string text =
      "25 % verification (" + verification.to_plain_string() + "), 30 % on-time rate (" +
      s.on_time_rate.to_plain_string() + "), 25 % defects (1 − 10 × " +
      s.defect_rate.to_plain_string() + "), 10 % response (" + std::to_string(s.response_hours) +
      " h), 10 % years (" + std::to_string(std::min(s.years_in_business, 10)) + "/10" +
      (s.years_in_business > 10 ? ", " + std::to_string(s.years_in_business) + " capped" : "") +
      ") = " + share.normalized().to_plain_string();
  return {"quality", points(weight * share), weight, text};
}

ScorePart compliance_part(const SupplierScoreInputs& in, const Decimal& weight,
                          SupplierScore& score) {
  std::vector<std::string> held;
  for (const auto* list : {&in.supplier.certifications, &in.offer_certifications}) {
    for (const std::string& c : *list) held.push_back(normalise_name(c));
  }
  std::vector<std::string> required;
  for (const std::string& c : in.required_certifications) {
    if (std::find(required.begin(), required.end(), normalise_name(c)) == required.end()) {
      required.push_back(normalise_name(c));
    }
  }
  if (required.empty()) return {"compliance", weight, weight, "no certifications required"};
  std::int64_t met = 0;
  for (const std::string& c : required) {
    if (std::find(held.begin(), held.end(), c) != held.end()) {
      ++met;
    } else {
      score.missing_certifications.push_back(c);
      score.flags.push_back("no " + c + " certificate or test report");
    }
  }
  return {"compliance", points(weight * fraction(met, static_cast<std::int64_t>(required.size()))),
          weight,
          std::to_string(met) + " of " + std::to_string(required.size()) +
              " required certifications held"};
}

}  // namespace

StatusOr<SupplierScore> score_supplier(const SupplierScoreInputs& in, const ScoreWeights& weights) {
  if (!(in.landed_cost_per_unit.currency() == in.best_landed_cost_per_unit.currency())) {
    return invalid_argument("best_landed_cost_per_unit: currency differs");
  }
  if (in.landed_cost_per_unit.amount().sign() <= 0 ||
      in.best_landed_cost_per_unit.amount().sign() <= 0) {
    return invalid_argument("landed_cost_per_unit: must be positive");
  }
  SupplierScore score;
  score.supplier_id = in.supplier.id;
  score.parts.push_back(cost_part(in, weights.cost));
  score.parts.push_back(time_part(in, weights.time, score));
  score.parts.push_back(quality_part(in.supplier, weights.quality));
  score.parts.push_back(compliance_part(in, weights.compliance, score));
  for (const ScorePart& part : score.parts) score.total += part.points;
  return score;
}

nlohmann::json to_json(const SupplierScore& score) {
  nlohmann::json parts = nlohmann::json::array();
  for (const ScorePart& p : score.parts) {
    parts.push_back({{"name", p.name},
                     {"points", p.points.to_plain_string()},
                     {"max_points", p.max_points.to_plain_string()},
                     {"explanation", p.explanation}});
  }
  return {{"supplier_id", score.supplier_id},
          {"total", score.total.to_plain_string()},
          {"parts", std::move(parts)},
          {"missing_certifications", score.missing_certifications},
          {"misses_deadline", score.misses_deadline},
          {"flags", score.flags}};
}

}  // namespace kontor::trade
