// The sections about what to do: HS classification, certifications to obtain, logistics
// options against the deadline, the listing draft and the negotiation proposals.
#include <cstdio>

#include "report/builders.h"
#include "report/svg_chart.h"

namespace kontor::report::detail {
namespace {

std::string confidence_text(const json& confidence) {
  if (!confidence.is_number()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", confidence.get<double>());
  return buf;
}

std::vector<std::string> strings(const json& array) {
  std::vector<std::string> out;
  for (const json& item : array) out.push_back(text(item));
  return out;
}

std::string status_label(const std::string& status) {
  return status == "to_check" ? "to check" : status;
}

// Landed cost per unit of the finance option for this route, if finance priced it.
const json* landed_option(const BuildContext& c, const json& route) {
  for (const json& option : member(c.section("finance"), "options")) {
    if (text(option, "supplier_id") == text(route, "supplier_id") &&
        text(option, "offer_id") == text(route, "offer_id") &&
        text(option, "mode") == text(route, "mode")) {
      return &option;
    }
  }
  return nullptr;
}

// The route of the recommended option, else none.
const json* recommended_route(const BuildContext& c, const json& logistics) {
  const json& rec = member(c.section("finance"), "recommendation");
  if (!rec.is_object()) return nullptr;
  for (const json& route : member(logistics, "options")) {
    if (text(route, "supplier_id") == text(rec, "supplier_id") &&
        text(route, "offer_id") == text(rec, "offer_id") &&
        text(route, "mode") == text(rec, "mode")) {
      return &route;
    }
  }
  return nullptr;
}

// What remains for the recommended supplier's option (else the worst over the shortlist): the
// documents to get from the supplier, then the importer's own registrations, labels and checks.
// The first item names whose view it is.
std::vector<std::string> obligations(const BuildContext& c, const json& compliance) {
  const json& rec = member(c.section("finance"), "recommendation");
  const std::string chosen = rec.is_object() ? text(rec, "supplier_id") : "";
  std::vector<std::string> from_supplier, own;
  for (const json& r : member(compliance, "requirements")) {
    std::string status = text(r, "status");
    for (const json& sup : member(r, "suppliers")) {
      if (!chosen.empty() && text(sup, "supplier_id") == chosen) status = text(sup, "status");
    }
    if (status != "missing" && status != "to_check") continue;
    const std::string item = text(r, "requirement") + " [" + text(r, "rule_id") + "]";
    if (supplier_evidence_kind(text(r, "kind"))) {
      from_supplier.push_back("from the supplier: " + item +
                              (text(r, "evidence").empty() ? "" : ", e.g. " + text(r, "evidence")) +
                              (status == "to_check" ? " (if it applies)" : ""));
    } else {
      own.push_back("yours as the importer: " + item + (status == "to_check" ? " (check)" : ""));
    }
  }
  if (from_supplier.empty() && own.empty()) return {};
  std::vector<std::string> out = {chosen.empty() ? "any shortlisted supplier"
                                                 : "recommended supplier " + c.supplier(chosen)};
  out.insert(out.end(), from_supplier.begin(), from_supplier.end());
  out.insert(out.end(), own.begin(), own.end());
  return out;
}

std::optional<Decimal> days_between(const std::string& from, const std::string& to) {
  auto a = Date::parse(from);
  auto b = Date::parse(to);
  if (!a.ok() || !b.ok()) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(*b - *a));
}

std::optional<Block> route_chart(const BuildContext& c, const json& logistics) {
  const json& options = member(logistics, "options");
  bool all_landed = true;
  for (const json& route : options) all_landed = all_landed && landed_option(c, route) != nullptr;
  const std::string as_of = text(logistics, "as_of");
  ScatterChart chart{
      .id = "chart-cost-time",
      .title = "Cost vs time to stock",
      .description =
          "Each supplier and shipping option by days from today until the goods "
          "arrive (production plus transit) and cost per unit; the line joins the "
          "options no other option beats on both.",
      .x_label = "Days until in stock (production + transit)",
      .y_label = (all_landed ? "Landed cost per unit (" : "Freight per unit (") + c.currency + ")"};
  for (const json& route : options) {
    std::optional<Decimal> x = days_between(as_of, text(route, "arrival"));
    std::optional<Decimal> y =
        decimal(all_landed ? member(*landed_option(c, route), "per_unit_buyer")
                           : member(route, "cost_per_unit"));
    if (!x || !y) return std::nullopt;
    chart.points.push_back({shorten(c.supplier_name(text(route, "supplier_id")), 24) + " — " +
                                mode_name(text(route, "mode")),
                            *x, *y});
  }
  if (chart.points.empty()) return std::nullopt;
  if (std::optional<Decimal> d = days_between(as_of, text(logistics, "deadline"))) {
    chart.deadline_x = d;
    chart.deadline_label = "Deadline " + text(logistics, "deadline");
  }
  StatusOr<std::string> svg = render_scatter_chart(chart);
  if (!svg.ok()) return paragraph("Chart not drawn: " + svg.status().message(), "note");
  return report::chart(std::move(*svg),
                       "Cost against days until in stock; filled points are on the Pareto front "
                       "(joined by the line), the dashed line is the deadline.");
}

}  // namespace

std::optional<ReportSection> classification_section(const BuildContext& c) {
  const json& compliance = c.section("compliance");
  if (compliance.is_null()) return std::nullopt;
  ReportSection s{.id = "classification", .title = "Classification (HS code)"};
  const std::string chosen = text(compliance, "chosen_hs6");
  s.blocks.push_back(
      facts({{"HS code", chosen.empty() ? "not decided" : chosen},
             {"Decided by", text(compliance, "chosen_reason")},
             {"Text classified", text(compliance, "classified_text")},
             {"Confidence needed", confidence_text(member(compliance, "threshold"))}}));
  if (!text(compliance, "open_question_id").empty()) {
    s.blocks.push_back(paragraph("Waiting for your answer: " + text(compliance, "open_question") +
                                     " (question " + text(compliance, "open_question_id") + ")",
                                 "warning"));
  }
  Table t{.caption = "Candidate subheadings, best first",
          .headers = {"HS 6", "National line", "Confidence", "Description", "Rationale"}};
  for (const json& candidate : member(compliance, "candidates")) {
    t.rows.push_back({{text(candidate, "hs6")},
                      {text(candidate, "hs10")},
                      num(confidence_text(member(candidate, "confidence"))),
                      {text(candidate, "description")},
                      {text(candidate, "rationale")}});
  }
  if (!t.rows.empty()) s.blocks.push_back(table(std::move(t)));
  return s;
}

std::optional<ReportSection> certifications_section(const BuildContext& c) {
  const json& compliance = c.section("compliance");
  if (compliance.is_null()) return std::nullopt;
  ReportSection s{.id = "certifications", .title = "Certifications to obtain"};
  if (member(compliance, "market_covered").is_boolean() &&
      !compliance["market_covered"].get<bool>()) {
    s.blocks.push_back(paragraph("The rules table has no market-specific rules for " +
                                     text(compliance, "destination") +
                                     "; only rules for every market were checked.",
                                 "warning"));
  }
  Table t{.caption = "Checklist for " + text(compliance, "destination") +
                     " (status is the worst over the shortlist)",
          .headers = {"Status", "Requirement", "Kind", "Why it applies", "Per supplier",
                      "What to do", "Source regulation"},
          .row_headers = false};
  for (const json& r : member(compliance, "requirements")) {
    std::string per_supplier;
    for (const json& sup : member(r, "suppliers")) {
      per_supplier += (per_supplier.empty() ? "" : "; ") +
                      c.supplier_name(text(sup, "supplier_id")) + ": " +
                      status_label(text(sup, "status")) +
                      (text(sup, "held_as").empty() ? "" : " (" + text(sup, "held_as") + ")");
    }
    std::string source = text(r, "source");
    if (!text(r, "source_title").empty()) source += " — " + text(r, "source_title");
    if (!text(r, "source_url").empty()) source += " <" + text(r, "source_url") + ">";
    t.rows.push_back(
        {Cell{.text = status_label(text(r, "status")), .css_class = "status-" + text(r, "status")},
         {text(r, "requirement") + " [" + text(r, "rule_id") + "]"},
         {text(r, "kind")},
         {text(r, "why")},
         {per_supplier},
         {text(r, "action")},
         {source}});
  }
  if (t.rows.empty())
    s.blocks.push_back(paragraph("No requirement applies.", "note"));
  else
    s.blocks.push_back(table(std::move(t)));
  if (std::vector<std::string> todo = obligations(c, compliance); !todo.empty()) {
    s.blocks.push_back(paragraph("To obtain or do before selling (" + todo.front() + "):"));
    s.blocks.push_back(list({todo.begin() + 1, todo.end()}, "warning"));
  }
  std::vector<std::string> gaps;
  for (const json& gap : member(compliance, "gaps")) {
    gaps.push_back(c.supplier_name(text(gap, "supplier_id")) + ": " + text(gap, "requirement") +
                   " [" + text(gap, "rule_id") + "], evidence requested (task " +
                   text(gap, "task_id") + ")");
  }
  if (!gaps.empty()) {
    s.blocks.push_back(paragraph("Evidence requested from suppliers:"));
    s.blocks.push_back(list(std::move(gaps)));
  }
  if (!text(compliance, "flags").empty()) {
    s.blocks.push_back(
        paragraph("Product characteristics detected: " + text(compliance, "flags"), "note"));
  }
  return s;
}

std::optional<ReportSection> logistics_section(const BuildContext& c) {
  const json& logistics = c.section("logistics");
  if (logistics.is_null()) return std::nullopt;
  ReportSection s{.id = "logistics", .title = "Logistics options"};
  s.blocks.push_back(
      facts({{"Destination", text(logistics, "destination")},
             {"In stock by",
              text(logistics, "deadline").empty() ? "no deadline" : text(logistics, "deadline")},
             {"Rate card", text(logistics, "rate_card")}}));
  if (std::optional<Block> chart = route_chart(c, logistics)) s.blocks.push_back(*chart);
  Table t{
      .caption = "Shipping options per supplier (freight in " + text(logistics, "currency") + ")",
      .headers = {"Supplier", "Mode", "Route", "Freight", "Per unit", "Transit (days)", "Ready",
                  "Arrival", "Slack (days)", "On time", "Pareto", "Shipment"}};
  for (const json& r : member(logistics, "options")) {
    std::string transit = text(r, "transit_days");
    if (!text(r, "transit_days_min").empty() && text(r, "transit_days_min") != transit) {
      transit = text(r, "transit_days_min") + "–" + transit;
    }
    const std::string mode =
        text(r, "mode_label").empty() ? mode_name(text(r, "mode")) : text(r, "mode_label");
    t.rows.push_back({{c.supplier(text(r, "supplier_id"))},
                      {mode},
                      {text(r, "origin_port") + " → " + text(r, "destination_port")},
                      num(text(r, "cost")),
                      num(text(r, "cost_per_unit")),
                      num(transit),
                      {text(r, "ready_date")},
                      {text(r, "arrival")},
                      num(text(r, "slack_days")),
                      {text(r, "on_time")},
                      {text(r, "pareto")},
                      {text(r, "shipment")}});
  }
  if (!t.rows.empty()) s.blocks.push_back(table(std::move(t)));
  if (const json* route = recommended_route(c, logistics)) {
    Table charges{.caption = "Freight charges of " + c.supplier_name(text(*route, "supplier_id")) +
                             " — " + mode_name(text(*route, "mode")) + " (rate-card rows)",
                  .headers = {"Charge", "Amount", "As quoted", "Rate card row"}};
    for (const json& line : member(*route, "lines")) {
      std::string label = text(line, "label");
      if (member(line, "minimum_applied").is_boolean() && line["minimum_applied"].get<bool>()) {
        label += " (minimum charge)";
      }
      charges.rows.push_back({{label},
                              num(text(line, "amount")),
                              num(text(line, "quoted")),
                              {provenance_text(member(line, "provenance"))}});
    }
    if (charges.rows.empty()) {
      charges.headers = {"Route", "Rate card row"};
      charges.rows.push_back(
          {{text(*route, "mode")}, {provenance_text(member(*route, "rate_card"))}});
    }
    s.blocks.push_back(table(std::move(charges)));
  }
  std::vector<std::string> notes = strings(member(logistics, "notes"));
  if (!notes.empty()) s.blocks.push_back(list(std::move(notes), "note"));
  return s;
}

std::optional<ReportSection> listing_section(const BuildContext& c) {
  const json& listing = c.section("listing");
  if (listing.is_null()) return std::nullopt;
  ReportSection s{.id = "listing", .title = "Listing draft"};
  const std::string lang = text(listing, "language");
  const std::string channel = text(listing, "channel");
  s.blocks.push_back(facts({{"Channel", channel.empty() ? "not stated in the brief" : channel},
                            {"Market", text(listing, "market")},
                            {"Language", lang}}));
  Block title = facts({{"Title", text(listing, "title")}});
  title.lang = lang;
  s.blocks.push_back(std::move(title));
  Block bullets = list(strings(member(listing, "bullets")));
  bullets.lang = lang;
  s.blocks.push_back(std::move(bullets));
  Block description = paragraph(text(listing, "description"));
  description.lang = lang;
  s.blocks.push_back(std::move(description));
  Block keywords = facts({{"Keywords", text(listing, "keywords")}});
  keywords.lang = lang;
  s.blocks.push_back(std::move(keywords));
  std::vector<std::string> notes = strings(member(listing, "notes"));
  if (!notes.empty()) {
    s.blocks.push_back(paragraph("Check before publishing:"));
    s.blocks.push_back(list(std::move(notes), "warning"));
  }
  return s;
}

std::optional<ReportSection> negotiation_section(const BuildContext& c) {
  const json& negotiation = c.section("negotiation");
  if (negotiation.is_null()) return std::nullopt;
  ReportSection s{.id = "negotiation", .title = "Negotiation"};
  if (negotiation.contains("margin_goal")) {
    s.blocks.push_back(facts({{"Margin goal", percent_text(negotiation["margin_goal"])}}));
  }
  Table t{.caption = "Requests for quotation proposed",
          .headers = {"RFQ", "Supplier", "Quantity", "Current price", "Target price", "Basis"}};
  std::vector<std::string> messages;
  for (const json& rfq : member(negotiation, "rfqs")) {
    t.rows.push_back({{text(rfq, "rfq_id")},
                      {c.supplier(text(rfq, "supplier_id"))},
                      num(text(rfq, "quantity")),
                      num(text(rfq, "current_price")),
                      num(text(rfq, "target_price")),
                      {text(rfq, "basis")}});
    messages.push_back(text(rfq, "rfq_id") + ": " + text(rfq, "message"));
  }
  if (!t.rows.empty()) s.blocks.push_back(table(std::move(t)));
  if (!messages.empty()) {
    s.blocks.push_back(paragraph("Messages drafted (sent only after approval):"));
    s.blocks.push_back(list(std::move(messages)));
  }
  Table actions{.caption = "Actions proposed by the crew",
                .headers = {"Action", "Counterparty", "Amount", "Reference", "Reason"}};
  for (const json& a : member(negotiation, "actions")) {
    actions.rows.push_back({{text(a, "kind")},
                            {c.supplier(text(a, "counterparty"))},
                            num(text(a, "amount")),
                            {text(a, "reference")},
                            {text(a, "reason")}});
  }
  if (!actions.rows.empty()) s.blocks.push_back(table(std::move(actions)));
  std::vector<std::string> notes = strings(member(negotiation, "notes"));
  if (!notes.empty()) s.blocks.push_back(list(std::move(notes), "note"));
  return s;
}

}  // namespace kontor::report::detail
