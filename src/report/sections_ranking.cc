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

// "39.04 + 20.00 + 19.18 + 7.50": the parts in the order the header names them, summing to
// the score.
std::string parts_sum(const json& ranked) {
  std::string out;
  for (const char* name : kParts) {
    const json* p = score_part(ranked, name);
    out += (out.empty() ? "" : " + ") + (p == nullptr ? std::string("?") : text(*p, "points"));
  }
  return out;
}

// Eight columns so that the reasons stay readable on a laptop screen; the gross landed cost and
// every line are in the landed-cost section.
Table ranking_table(const BuildContext& c, const json& ranking) {
  Table t{.caption = "Every supplier and shipping option, best first (score out of 100)",
          .headers = {"Rank", "Option", "Standing", "Score",
                      "Cost + time + quality + certifications (of 40 + 20 + 25 + 15)",
                      "Landed per unit net of import VAT (" + c.currency + ")",
                      "Days to stock (slack)", "Compared with rank 1"},
          .row_headers = false};
  for (const json& r : ranking) {
    const std::string standing = text(r, "standing");
    const std::string slack = text(r, "slack_days");
    t.rows.push_back({num(text(r, "rank")),
                      {option_text(c, r)},
                      Cell{.text = standing_text(standing),
                           .css_class = standing == "eligible" ? "status-held"
                                        : standing == "late"   ? "status-missing"
                                                               : "status-to_check"},
                      num(text(r, "score")),
                      num(parts_sum(r)),
                      num(text(r, "per_unit_net_buyer")),
                      num(text(r, "days_to_stock") + (slack.empty() ? "" : " (" + slack + ")")),
                      {text(r, "rank") == "1" ? "recommended" : text(r, "versus_first")}});
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
