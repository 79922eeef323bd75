// The sections about whom to buy from: recommendation with alternatives, the shortlist, and the
// market research it rests on.
#include <cstdio>

#include "report/builders.h"

namespace kontor::report::detail {
namespace {

// Scores rank options and nobody pays them, so a rounded double is fine to show.
std::string score_text(const json& score) {
  if (!score.is_number()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", score.get<double>());
  return buf;
}

const json* shortlist_entry(const BuildContext& c, const std::string& supplier_id) {
  for (const json& entry : member(c.section("sourcing"), "shortlist")) {
    if (text(entry, "supplier_id") == supplier_id) return &entry;
  }
  return nullptr;
}

std::string terms_text(const json& entry) {
  std::string out = text(entry, "incoterm");
  if (!text(entry, "named_place").empty()) out += " " + text(entry, "named_place");
  return out;
}

}  // namespace

std::optional<ReportSection> recommendation_section(const BuildContext& c) {
  const json& finance = c.section("finance");
  if (finance.is_null() && c.section("sourcing").is_null()) return std::nullopt;
  ReportSection s{.id = "recommendation", .title = "Recommended supplier and alternatives"};
  const json& rec = member(finance, "recommendation");
  if (!rec.is_object()) {
    s.blocks.push_back(paragraph(
        finance.is_null() ? "The finance step has not run yet: no recommendation."
                          : "No supplier and shipping option is feasible for the brief; see "
                            "the alternatives and open questions.",
        "warning"));
    return s;
  }
  const std::string id = text(rec, "supplier_id");
  std::vector<std::pair<std::string, std::string>> f = {
      {"Supplier", c.supplier(id)},
      {"Offer", text(rec, "offer_id")},
      {"Shipping", mode_name(text(rec, "mode"))},
      {"Landed cost per unit", text(rec, "per_unit_buyer")}};
  if (rec.contains("margin_per_unit"))
    f.emplace_back("Margin per unit", text(rec, "margin_per_unit"));
  if (rec.contains("margin_rate")) f.emplace_back("Margin rate", percent_text(rec["margin_rate"]));
  if (rec.contains("score")) f.emplace_back("Supplier score", text(rec, "score") + " of 100");
  if (const json* entry = shortlist_entry(c, id)) {
    f.emplace_back("Product", text(*entry, "product_title"));
    f.emplace_back("Origin", text(*entry, "supplier_country"));
    f.emplace_back("Terms", terms_text(*entry));
    f.emplace_back("Production lead time", text(*entry, "lead_time_days") + " days");
    f.emplace_back("Payment terms", text(*entry, "payment_terms"));
    const std::string held = text(*entry, "certifications");
    f.emplace_back("Certifications held", held.empty() ? "none stated by the supplier" : held);
  }
  s.blocks.push_back(facts(std::move(f)));
  std::vector<std::string> reasons;
  for (const json& reason : member(rec, "reasons")) reasons.push_back(text(reason));
  if (!reasons.empty()) {
    s.blocks.push_back(paragraph("Why this option:"));
    s.blocks.push_back(list(std::move(reasons), "recommended"));
  }
  Table t{.caption = "Alternatives, best first",
          .headers = {"Supplier", "Shipping", "Landed cost per unit", "Margin per unit", "Score",
                      "Why it ranks below"}};
  for (const json& alt : member(rec, "alternatives")) {
    t.rows.push_back({{c.supplier(text(alt, "supplier_id"))},
                      {mode_name(text(alt, "mode"))},
                      num(text(alt, "per_unit_buyer")),
                      num(text(alt, "margin_per_unit")),
                      num(text(alt, "score")),
                      {text(alt, "why_not")}});
  }
  if (t.rows.empty())
    s.blocks.push_back(paragraph("No alternative option was found.", "note"));
  else
    s.blocks.push_back(table(std::move(t)));
  return s;
}

std::optional<ReportSection> suppliers_section(const BuildContext& c) {
  const json& sourcing = c.section("sourcing");
  if (sourcing.is_null()) return std::nullopt;
  ReportSection s{.id = "suppliers", .title = "Shortlisted suppliers"};
  std::vector<std::pair<std::string, std::string>> f = {
      {"Searched for", text(sourcing, "query") + " (" + text(sourcing, "query_lang") + ")"},
      {"Quantity", text(sourcing, "quantity") + " " + text(sourcing, "unit")},
      {"Matches", text(sourcing, "matches_estimated")},
      {"Prices converted on", text(sourcing, "fx_date")}};
  if (!text(sourcing, "query_terms").empty()) {
    f.emplace_back("Understood as", text(sourcing, "query_terms"));
  }
  s.blocks.push_back(facts(std::move(f)));
  if (member(sourcing, "demo").is_boolean() && sourcing["demo"].get<bool>()) {
    s.blocks.push_back(
        paragraph("These offers come from the generated demo marketplace, not from real suppliers.",
                  "warning"));
  }
  Table t{.caption = "Shortlist at the brief's quantity (unit price in " + c.currency +
                     "; search rank and match, 0..1: the supplier ranking is above)",
          .headers = {"Search rank", "Supplier", "Origin", "Product", "Unit price",
                      "Supplier's price", "MOQ", "Lead time (days)", "Terms", "Certifications",
                      "On-time rate", "Search match"}};
  std::vector<std::string> why, conversions;
  for (const json& e : member(sourcing, "shortlist")) {
    t.rows.push_back({{text(e, "rank")},
                      {c.supplier(text(e, "supplier_id"))},
                      {text(e, "supplier_country")},
                      {text(e, "product_title")},
                      num(text(e, "unit_price")),
                      num(text(e, "tier_price")),
                      num(text(e, "moq")),
                      num(text(e, "lead_time_days")),
                      {terms_text(e)},
                      {text(e, "certifications")},
                      num(percent_text(member(e, "on_time_rate"))),
                      num(score_text(member(e, "score")))});
    if (!text(e, "reasons_kept").empty()) {
      why.push_back(c.supplier_name(text(e, "supplier_id")) + ": " + text(e, "reasons_kept"));
    }
    if (!member(e, "fx").is_null()) {
      conversions.push_back(c.supplier_name(text(e, "supplier_id")) + ": " + fx_text(e["fx"]));
    }
  }
  t.row_headers = false;
  s.blocks.push_back(table(std::move(t)));
  if (!why.empty()) {
    s.blocks.push_back(paragraph("Why each is on the shortlist:"));
    s.blocks.push_back(list(std::move(why)));
  }
  if (!conversions.empty()) {
    s.blocks.push_back(paragraph("Currency conversions used:"));
    s.blocks.push_back(list(std::move(conversions)));
  }
  Table rejected{.caption = "Close matches not shortlisted",
                 .headers = {"Supplier", "Product", "Reasons"}};
  for (const json& r : member(sourcing, "rejected")) {
    rejected.rows.push_back(
        {{c.supplier(text(r, "supplier_id"))}, {text(r, "product_title")}, {text(r, "reasons")}});
  }
  if (!rejected.rows.empty()) s.blocks.push_back(table(std::move(rejected)));
  return s;
}

std::optional<ReportSection> research_section(const BuildContext& c) {
  const json& research = c.section("research");
  if (research.is_null()) return std::nullopt;
  ReportSection s{.id = "research", .title = "Market research"};
  s.blocks.push_back(facts({{"Searched for", text(research, "query")},
                            {"Comparable listings", text(research, "comparable_listings")},
                            {"Search matches", text(research, "matches_estimated")},
                            {"Prices at quantity", text(research, "quantity")},
                            {"Prices converted on", text(research, "fx_date")}}));
  Table t{.caption = "Unit price bands of comparable listings (" + text(research, "currency") +
                     ", nearest-rank quartiles)",
          .headers = {"Origin", "Listings", "Low", "25th pct", "Median", "75th pct", "High",
                      "Quoted as"}};
  for (const json& band : member(research, "price_bands")) {
    const std::string market = text(band, "market");
    t.rows.push_back({{market == "ALL" ? "All origins" : market},
                      num(text(band, "listings")),
                      num(text(band, "low")),
                      num(text(band, "p25")),
                      num(text(band, "median")),
                      num(text(band, "p75")),
                      num(text(band, "high")),
                      {text(band, "incoterms")}});
  }
  if (!t.rows.empty()) s.blocks.push_back(table(std::move(t)));
  std::vector<std::string> notes;
  for (const json& note : member(research, "demand_notes")) notes.push_back(text(note));
  if (!notes.empty()) s.blocks.push_back(list(std::move(notes)));
  if (!text(research, "categories").empty()) {
    s.blocks.push_back(paragraph("Categories: " + text(research, "categories"), "note"));
  }
  return s;
}

}  // namespace kontor::report::detail
