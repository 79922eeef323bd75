// The supplier ranking: every supplier × shipping option with its score out of 100, each part
// (cost, time, quality, certifications) with the arithmetic that produced it, the standing that
// decides before the score (in time with every certification, certification gap, late), and what
// the ranking required of the suppliers and why.
#include <set>

#include "report/builders.h"

namespace kontor::report::detail {
namespace {

std::string standing_text(const std::string& standing) {
  if (standing == "eligible") return "in time, certified";
  if (standing == "certification_gap") return "certification gap";
  if (standing == "late") return "late";
  return standing;
}

const json* score_part(const json& ranked, const std::string& name) {
  for (const json& p : member(ranked, "parts")) {
    if (text(p, "name") == name) return &p;
  }
  return nullptr;
}

std::string points_text(const json* part) {
  return part == nullptr ? "" : text(*part, "points") + " / " + text(*part, "max_points");
}

std::string option_text(const BuildContext& c, const json& ranked) {
  return c.supplier_name(text(ranked, "supplier_id")) + " — " + mode_name(text(ranked, "mode"));
}

constexpr const char* kParts[] = {"cost", "time", "quality", "compliance"};

Table ranking_table(const BuildContext& c, const json& ranking) {
  Table t{.caption = "Every supplier and shipping option, best first (score out of 100)",
          .headers = {"Rank", "Option", "Standing", "Score", "Cost", "Time", "Quality",
                      "Certifications", "Landed net of import VAT (" + c.currency + ")",
                      "Landed cost per unit (" + c.currency + ")", "Days to stock", "Slack (days)",
                      "Compared with rank 1"},
          .row_headers = false};
  for (const json& r : ranking) {
    const std::string standing = text(r, "standing");
    std::vector<Cell> row = {num(text(r, "rank")),
                             {option_text(c, r)},
                             Cell{.text = standing_text(standing),
                                  .css_class = standing == "eligible" ? "status-held"
                                               : standing == "late"   ? "status-missing"
                                                                      : "status-to_check"},
                             num(text(r, "score"))};
    for (const char* name : kParts) row.push_back(num(points_text(score_part(r, name))));
    row.push_back(num(text(r, "per_unit_net_buyer")));
    row.push_back(num(text(r, "per_unit_buyer")));
    row.push_back(num(text(r, "days_to_stock")));
    row.push_back(num(text(r, "slack_days")));
    row.push_back({text(r, "rank") == "1" ? "recommended" : text(r, "versus_first")});
    t.rows.push_back(std::move(row));
  }
  return t;
}

// How the points of the first option and of each other supplier's best option were reached
// (a supplier's other modes differ only in cost and time, which the table shows).
std::vector<std::string> explanations(const BuildContext& c, const json& ranking) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"cost", "Cost"}, {"time", "Time"}, {"quality", "Quality"}, {"compliance", "Certifications"}};
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const json& r : ranking) {
    if (!seen.insert(text(r, "supplier_id")).second) continue;
    std::string line = text(r, "rank") + ". " + option_text(c, r) + " — " + text(r, "score") + ": ";
    for (std::size_t i = 0; i < std::size(kNames); ++i) {
      const json* p = score_part(r, kNames[i].first);
      if (p == nullptr) continue;
      line += std::string(i == 0 ? "" : "; ") + kNames[i].second + " " + points_text(p) + " (" +
              text(*p, "explanation") + ")";
    }
    if (!text(r, "flags").empty()) line += ". Flags: " + text(r, "flags");
    out.push_back(std::move(line));
  }
  return out;
}

std::vector<std::string> required_list(const json& required) {
  std::vector<std::string> out;
  for (const json& cert : required) {
    if (text(cert, "rule_id").empty()) {
      out.push_back(text(cert, "name") + ": named in the brief");
      continue;
    }
    std::string line = text(cert, "name") + ": " + text(cert, "requirement") + " [" +
                       text(cert, "rule_id") + "], " + text(cert, "source");
    if (text(cert, "line") != "0")
      line += " (data/market_requirements.csv line " + text(cert, "line") + ")";
    if (member(cert, "accepted").size() > 1) line += "; accepted as: " + text(cert, "accepted");
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace

std::optional<ReportSection> ranking_section(const BuildContext& c) {
  const json& finance = c.section("finance");
  const json& ranking = member(finance, "ranking");
  if (!ranking.is_array() || ranking.empty()) return std::nullopt;
  ReportSection s{.id = "ranking", .title = "Supplier ranking"};
  s.blocks.push_back(paragraph(
      "Options that are in stock by the deadline and hold every required certification rank "
      "first, then those in time with a certification gap (the plan requests the evidence), "
      "then late ones; within each, by score. The score gives up to 40 points for landed cost "
      "per unit net of import VAT, which a VAT-registered importer recovers (cheapest option ÷ "
      "this option), 20 for time (full with two weeks of slack, none when "
      "late), 25 for supplier quality (verification, on-time rate, defects, response time, years "
      "in business) and 15 for certifications held of those required."));
  s.blocks.push_back(table(ranking_table(c, ranking)));
  s.blocks.push_back(
      paragraph("How the scores are reached (the first option and each other supplier's best):"));
  s.blocks.push_back(list(explanations(c, ranking)));
  const json& required = member(finance, "required_certifications");
  if (required.is_array() && !required.empty()) {
    s.blocks.push_back(paragraph("Certifications required of every supplier:"));
    s.blocks.push_back(list(required_list(required)));
  } else {
    s.blocks.push_back(paragraph(
        "No certification is required of the suppliers (no market rule needing evidence applies "
        "and the brief names none).",
        "note"));
  }
  return s;
}

}  // namespace kontor::report::detail
