#include "crew/supplier_ranking.h"

#include <algorithm>
#include <cctype>

#include "crew/agent_common.h"
#include "crew/catalog_terms.h"
#include "trade/supplier_score.h"

namespace kontor::crew {
namespace {

using detail::join;
using detail::key_of;

bool accepts(const RequiredCertification& c, std::string_view name) {
  const std::string key = key_of(name);
  if (key_of(c.name) == key) return true;
  return std::any_of(c.accepted.begin(), c.accepted.end(),
                     [&](const std::string& a) { return key_of(a) == key; });
}

// Landed cost per unit net of import VAT in the buyer currency: a VAT-registered importer
// recovers import VAT, and an intra-EU purchase carries none, so gross figures would favour the
// EU supplier by the VAT rate. Older cases without the net figure compare the gross one.
Money compared_cost(const LandedCostOption& o) {
  return o.per_unit_net_buyer.value_or(o.per_unit_buyer);
}

const ShortlistEntry* shortlist_entry(const SourcingSection& s, const std::string& supplier_id) {
  for (const auto& e : s.shortlist) {
    if (e.supplier_id == supplier_id) return &e;
  }
  return nullptr;
}

const RouteOption* route_of(const LogisticsSection& l, const LandedCostOption& o) {
  for (const auto& r : l.options) {
    if (r.supplier_id == o.supplier_id && r.offer_id == o.offer_id && r.mode == o.mode) return &r;
  }
  return nullptr;
}

// The compliance status of one supplier on one rule: "held", "missing", "to_check", "" (the
// rule did not apply to that supplier's product).
std::string status_of(const ComplianceSection* c, const std::string& rule_id,
                      const std::string& supplier_id) {
  if (c == nullptr) return "";
  for (const auto& r : c->requirements) {
    if (r.rule_id != rule_id) continue;
    for (const auto& s : r.suppliers) {
      if (s.supplier_id == supplier_id) return s.status;
    }
  }
  return "";
}

// A supplier is held to a market rule only when the rule applied to its product; it holds it
// when compliance found its evidence. The brief's names are matched by score_supplier itself.
void certification_inputs(const RankingInputs& in, const ShortlistEntry& entry,
                          trade::SupplierScoreInputs& s) {
  s.offer_certifications = entry.certifications;
  for (const RequiredCertification& c : in.required) {
    if (c.rule_id.empty()) {
      s.required_certifications.push_back(c.name);
      continue;
    }
    const std::string status = status_of(in.compliance, c.rule_id, entry.supplier_id);
    if (status.empty()) continue;
    s.required_certifications.push_back(c.name);
    if (status == "held") s.offer_certifications.push_back(c.name);
  }
}

trade::SupplierProfile profile_of(const RankingInputs& in, const ShortlistEntry& entry) {
  const catalog::Supplier* supplier =
      in.catalog != nullptr ? in.catalog->supplier(entry.supplier_id) : nullptr;
  if (supplier != nullptr) return supplier_profile(*supplier);
  trade::SupplierProfile p;  // not in the catalog: what the shortlist knows, unverified
  p.id = entry.supplier_id;
  p.name = entry.supplier_name;
  p.on_time_rate = entry.on_time_rate;
  p.defect_rate = entry.defect_rate;
  return p;
}

int standing_order(const std::string& standing) {
  return standing == "eligible" ? 0 : standing == "certification_gap" ? 1 : 2;
}

// The standing decides before the score: a late option or a missing certificate is never
// outweighed by a low price.
RankedOption ranked_option(const LandedCostOption& o, const ShortlistEntry& entry,
                           const RouteOption& route, const trade::SupplierScore& score) {
  RankedOption r;
  r.supplier_id = o.supplier_id;
  r.supplier_name = entry.supplier_name;
  r.offer_id = o.offer_id;
  r.mode = o.mode;
  r.score = score.total;
  for (const trade::ScorePart& p : score.parts) {
    r.parts.push_back({p.name, p.points, p.max_points, p.explanation});
  }
  r.per_unit_buyer = o.per_unit_buyer;
  r.per_unit_net_buyer = compared_cost(o);
  r.days_to_stock = route.lead_time_days + route.transit_days;
  r.meets_deadline = !score.misses_deadline;
  r.missing_certifications = score.missing_certifications;
  r.flags = score.flags;
  r.standing = score.misses_deadline                   ? "late"
               : !score.missing_certifications.empty() ? "certification_gap"
                                                       : "eligible";
  return r;
}

// score_supplier names a certification as it compares them (upper case, no spaces: "EC1935/
// 2004"); the ranking shows the name the rule or the brief uses.
std::string compared_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

void show_names(const std::vector<RequiredCertification>& required, RankedOption& r) {
  for (std::string& missing : r.missing_certifications) {
    for (const RequiredCertification& c : required) {
      if (compared_name(c.name) != missing) continue;
      for (std::string& flag : r.flags) {
        if (flag == "no " + missing + " certificate or test report") {
          flag = "no " + c.name + " certificate or test report";
        }
      }
      missing = c.name;
      break;
    }
  }
}

const ScorePartEntry* part(const RankedOption& r, std::string_view name) {
  for (const auto& p : r.parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// "(a − b) ÷ b" as a percentage to one decimal, half-up: "2.1".
std::string percent_apart(const Money& a, const Money& b) {
  Decimal share = Decimal::divide((a.amount() - b.amount()).abs() * Decimal(100), b.amount(), 1,
                                  RoundingMode::kHalfUp)
                      .value();
  return share.to_string();
}

// Why `r` ranks below `first`: its own flags, then cost, time and quality against the first.
std::string versus(const RankedOption& r, const RankedOption& first) {
  std::vector<std::string> parts;
  for (const std::string& flag : r.flags) {
    if (std::find(first.flags.begin(), first.flags.end(), flag) == first.flags.end()) {
      parts.push_back(flag);
    }
  }
  if (r.per_unit_net_buyer != first.per_unit_net_buyer) {
    parts.push_back(percent_apart(r.per_unit_net_buyer, first.per_unit_net_buyer) + " % " +
                    (r.per_unit_net_buyer > first.per_unit_net_buyer ? "dearer" : "cheaper") +
                    " landed");
  }
  if (int d = r.days_to_stock - first.days_to_stock; d != 0) {
    parts.push_back(std::to_string(d > 0 ? d : -d) + " days " + (d > 0 ? "later" : "earlier"));
  }
  const ScorePartEntry* q = part(r, "quality");
  const ScorePartEntry* fq = part(first, "quality");
  if (q != nullptr && fq != nullptr && q->points != fq->points) {
    parts.push_back("supplier quality " + q->points.to_string() + " vs " + fq->points.to_string() +
                    " of " + q->max_points.to_plain_string());
  }
  std::string out = parts.empty() ? "same cost, time and quality" : join(parts, ", ");
  return out + "; score " + r.score.to_string() + " vs " + first.score.to_string();
}

std::string parts_text(const RankedOption& r) {
  std::vector<std::string> out;
  for (const auto& p : r.parts) {
    const std::string name = p.name == "compliance" ? "certifications" : p.name;
    out.push_back(name + " " + p.points.to_string() + "/" + p.max_points.to_plain_string());
  }
  return join(out, ", ");
}

std::string standing_reason(const RankedOption& best, const std::vector<RankedOption>& all) {
  const std::string score =
      "score " + best.score.to_string() + " of 100 (" + parts_text(best) + ")";
  if (best.standing == "eligible") {
    return "best supplier score among the options in stock by the deadline with every required "
           "certification: " +
           score;
  }
  if (best.standing == "certification_gap") {
    return "no option in time holds every required certification; best score among those in "
           "time: " +
           score;
  }
  return "no option is in stock by the deadline; best score of all " + std::to_string(all.size()) +
         " options: " + score;
}

std::string cheapest_reason(const RankedOption& best, const std::vector<RankedOption>& all) {
  const RankedOption* cheapest = &best;
  for (const auto& r : all) {
    if (r.per_unit_net_buyer < cheapest->per_unit_net_buyer) cheapest = &r;
  }
  const std::string cost = "landed cost " +
                           best.per_unit_net_buyer.rounded(RoundingMode::kHalfUp).to_string() +
                           " per unit net of import VAT";
  if (cheapest == &best) return cost + ", the lowest of all options";
  return cost + ", " + percent_apart(best.per_unit_net_buyer, cheapest->per_unit_net_buyer) +
         " % above the cheapest (" + cheapest->supplier_name + ", " + cheapest->mode + ", " +
         cheapest->per_unit_net_buyer.rounded(RoundingMode::kHalfUp).to_string() + ")";
}

}  // namespace

std::vector<RequiredCertification> required_certifications(
    const ComplianceSection* compliance, const std::vector<std::string>& brief_certifications) {
  std::vector<RequiredCertification> out;
  if (compliance != nullptr) {
    for (const RequirementEntry& r : compliance->requirements) {
      // A label or registration is the importer's; a "to check" rule is conditional.
      if (r.evidence.empty() || !supplier_evidence_kind(r.kind)) continue;
      bool to_check = std::any_of(r.suppliers.begin(), r.suppliers.end(),
                                  [](const auto& s) { return s.status == "to_check"; });
      if (to_check || r.suppliers.empty()) continue;
      out.push_back({r.evidence.front(), r.evidence, r.rule_id, r.requirement, r.source, r.line});
    }
  }
  for (const std::string& name : brief_certifications) {
    bool covered = std::any_of(out.begin(), out.end(),
                               [&](const RequiredCertification& c) { return accepts(c, name); });
    if (!covered && !key_of(name).empty()) {
      out.push_back({name, {name}, "", "named in the brief", "brief", 0});
    }
  }
  return out;
}

const LandedCostOption* find_option(const std::vector<LandedCostOption>& options,
                                    const std::string& supplier_id, const std::string& offer_id,
                                    const std::string& mode) {
  for (const auto& o : options) {
    if (o.supplier_id == supplier_id && o.offer_id == offer_id && o.mode == mode) return &o;
  }
  return nullptr;
}

StatusOr<std::vector<RankedOption>> rank_options(const RankingInputs& in) {
  if (in.options.empty()) return std::vector<RankedOption>{};
  Money best = compared_cost(in.options.front());
  for (const auto& o : in.options) {
    const Money cost = compared_cost(o);
    if (!(cost.currency() == best.currency())) {
      return invalid_argument("options: landed costs in " + std::string(best.currency().code()) +
                              " and " + std::string(cost.currency().code()));
    }
    if (cost < best) best = cost;
  }
  std::vector<RankedOption> ranked;
  for (const auto& o : in.options) {
    const ShortlistEntry* entry = shortlist_entry(in.sourcing, o.supplier_id);
    const RouteOption* route = route_of(in.logistics, o);
    if (entry == nullptr || route == nullptr) continue;
    trade::SupplierScoreInputs s;
    s.supplier = profile_of(in, *entry);
    certification_inputs(in, *entry, s);
    s.landed_cost_per_unit = compared_cost(o);
    s.best_landed_cost_per_unit = best;
    s.lead_time_days = route->lead_time_days;
    s.transit_days = route->transit_days;
    // Days from the order (ready date − production) to the deadline, as logistics dates it.
    if (in.deadline)
      s.days_to_deadline = *in.deadline - route->ready_date.plus_days(-route->lead_time_days);
    ASSIGN_OR_RETURN(trade::SupplierScore score, trade::score_supplier(s));
    ranked.push_back(ranked_option(o, *entry, *route, score));
    show_names(in.required, ranked.back());
    if (in.deadline) ranked.back().slack_days = *in.deadline - route->arrival;
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RankedOption& a, const RankedOption& b) {
    if (a.standing != b.standing) return standing_order(a.standing) < standing_order(b.standing);
    if (a.score != b.score) return a.score > b.score;
    return a.per_unit_net_buyer < b.per_unit_net_buyer;
  });
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    ranked[i].rank = static_cast<int>(i) + 1;
    if (i > 0) ranked[i].versus_first = versus(ranked[i], ranked.front());
  }
  return ranked;
}

Recommendation recommend(const std::vector<RankedOption>& ranking,
                         const std::vector<LandedCostOption>& options,
                         const ComplianceSection* compliance, const Brief& brief) {
  const RankedOption& best = ranking.front();
  const LandedCostOption* option = find_option(options, best.supplier_id, best.offer_id, best.mode);
  Recommendation r;
  r.supplier_id = best.supplier_id;
  r.supplier_name = best.supplier_name;
  r.offer_id = best.offer_id;
  r.mode = best.mode;
  r.per_unit_buyer = best.per_unit_buyer;
  r.score = best.score;
  r.reasons.push_back(standing_reason(best, ranking));
  r.reasons.push_back(cheapest_reason(best, ranking));
  if (option != nullptr && option->arrival && brief.deadline && best.slack_days) {
    r.reasons.push_back(best.meets_deadline
                            ? "in stock by " + option->arrival->to_string() + ", " +
                                  std::to_string(*best.slack_days) + " days before the deadline " +
                                  brief.deadline->to_string()
                            : "in stock by " + option->arrival->to_string() + ", " +
                                  std::to_string(-*best.slack_days) + " days after the deadline " +
                                  brief.deadline->to_string());
  }
  if (option != nullptr && option->margin_per_unit && option->margin_rate &&
      brief.target_retail_price) {
    r.margin_per_unit = option->margin_per_unit;
    r.margin_rate = option->margin_rate;
    r.reasons.push_back(
        "margin " + option->margin_per_unit->rounded(RoundingMode::kHalfUp).to_string() +
        " per unit (" + (*option->margin_rate * Decimal(100)).normalized().to_string() +
        " % of net revenue) at " + brief.target_retail_price->to_string());
  }
  for (const std::string& missing : best.missing_certifications) {
    std::string task;
    if (compliance != nullptr) {
      for (const auto& gap : compliance->gaps) {
        if (gap.supplier_id == best.supplier_id) task = gap.task_id;
      }
    }
    r.reasons.push_back("missing " + missing + ": " +
                        (task.empty() ? "ask the supplier for the certificate or test report"
                                      : "the plan requests the test report (task " + task + ")"));
  }
  std::vector<std::string> seen = {best.supplier_id};
  for (const RankedOption& o : ranking) {
    if (std::find(seen.begin(), seen.end(), o.supplier_id) != seen.end()) continue;
    seen.push_back(o.supplier_id);
    const LandedCostOption* alt = find_option(options, o.supplier_id, o.offer_id, o.mode);
    r.alternatives.push_back({o.supplier_id, o.supplier_name, o.mode, o.per_unit_buyer,
                              alt != nullptr ? alt->margin_per_unit : std::nullopt, o.versus_first,
                              o.score});
    if (r.alternatives.size() == 3) break;
  }
  return r;
}

}  // namespace kontor::crew
