// The sections about money: landed cost per option with its lines, duty and import tax with
// their provenance, margin and cash flow. Amounts are shown as the case stores them; the only
// arithmetic is exact Decimal (per-unit shares of a line, chart totals).
#include "report/builders.h"
#include "report/svg_chart.h"

namespace kontor::report::detail {
namespace {

constexpr const char* kChartSeries[] = {"Goods", "Freight",    "Insurance",
                                        "Duty",  "Import VAT", "Fees"};

// The chart part a landed-cost line belongs to (trade::line_kind_name values).
int chart_series(const std::string& kind) {
  if (kind == "goods") return 0;
  if (kind == "origin_charges" || kind == "freight" || kind == "destination_delivery") return 1;
  if (kind == "insurance") return 2;
  if (kind == "duty" || kind == "additional_duty") return 3;
  if (kind == "import_tax") return 4;
  return 5;  // fee, brokerage, and anything newer
}

const json* recommended_option(const BuildContext& c) {
  const json& finance = c.section("finance");
  const json& rec = member(finance, "recommendation");
  for (const json& option : member(finance, "options")) {
    if (rec.is_object() && text(option, "supplier_id") == text(rec, "supplier_id") &&
        text(option, "offer_id") == text(rec, "offer_id") &&
        text(option, "mode") == text(rec, "mode")) {
      return &option;
    }
  }
  const json& options = member(finance, "options");
  return options.is_array() && !options.empty() ? &options[0] : nullptr;
}

bool is_recommended(const BuildContext& c, const json& option) {
  return recommended_option(c) == &option &&
         member(c.section("finance"), "recommendation").is_object();
}

std::string option_label(const BuildContext& c, const json& option) {
  return c.supplier_name(text(option, "supplier_id")) + " — " + mode_name(text(option, "mode"));
}

// Line amount ÷ quantity, half-up to 4 places: the rule trade::LandedCost::per_unit uses.
std::string per_unit_text(const json& amount, std::int64_t quantity) {
  std::optional<Decimal> a = decimal(amount);
  if (!a || quantity <= 0) return "";
  auto share = Decimal::divide(*a, Decimal(quantity), 4, RoundingMode::kHalfUp);
  return share.ok() ? share->to_string() : "";
}

std::optional<Block> landed_cost_chart(const BuildContext& c, const json& options) {
  StackedBarChart chart{.id = "chart-landed-cost",
                        .title = "Landed cost breakdown per supplier",
                        .description =
                            "Whole-order landed cost of each supplier and shipping "
                            "option, split into goods, freight, insurance, duty, "
                            "import VAT and fees.",
                        .series = {std::begin(kChartSeries), std::end(kChartSeries)}};
  for (const json& option : options) {
    if (chart.bars.size() == 12) break;
    if (chart.unit.empty()) chart.unit = text(at(option, {"total", "currency"}));
    StackedBar bar{.label = shorten(c.supplier_name(text(option, "supplier_id")), 24) + " — " +
                            mode_name(text(option, "mode")),
                   .values = std::vector<Decimal>(6, Decimal(0))};
    for (const json& line : member(option, "lines")) {
      std::optional<Decimal> amount = decimal(member(line, "amount"));
      if (!amount || amount->is_negative()) continue;  // a refund would not stack; table shows it
      bar.values[chart_series(text(line, "kind"))] += *amount;
    }
    chart.bars.push_back(std::move(bar));
  }
  if (chart.bars.empty()) return std::nullopt;
  StatusOr<std::string> svg = render_stacked_bar_chart(chart);
  if (!svg.ok()) return paragraph("Chart not drawn: " + svg.status().message(), "note");
  return report::chart(std::move(*svg),
                       "Landed cost of the whole order per supplier and "
                       "shipping option (" +
                           chart.unit + "); the table below gives every figure.");
}

Table cost_lines_table(const json& option, std::int64_t quantity, const std::string& caption) {
  Table t{.caption = caption,
          .headers = {"Line", "Amount", "Per unit", "Base", "Rate", "Source", "FX"}};
  const json& fx = member(option, "fx");
  for (const json& line : member(option, "lines")) {
    std::string label = text(line, "label");
    if (member(line, "estimate").is_boolean() && line["estimate"].get<bool>()) {
      label += " (estimate)";
    }
    const json& index = member(line, "fx_index");
    std::string fx_used;
    if (index.is_number_integer() && index.get<int>() >= 0 && fx.is_array() &&
        index.get<std::size_t>() < fx.size()) {
      fx_used = fx_text(fx[index.get<std::size_t>()]);
    }
    t.rows.push_back({{label},
                      num(text(line, "amount")),
                      num(per_unit_text(member(line, "amount"), quantity)),
                      num(text(line, "base")),
                      {text(line, "rate_text")},
                      {provenance_text(member(line, "provenance"))},
                      {fx_used}});
  }
  t.rows.push_back(
      {{"Total"}, num(text(option, "total")), num(text(option, "per_unit")), {}, {}, {}, {}});
  return t;
}

}  // namespace

std::optional<ReportSection> landed_cost_section(const BuildContext& c) {
  const json& finance = c.section("finance");
  const json& options = member(finance, "options");
  if (!options.is_array() || options.empty()) return std::nullopt;
  ReportSection s{.id = "landed-cost", .title = "Landed cost per unit"};
  std::int64_t quantity =
      member(finance, "quantity").is_number_integer() ? finance["quantity"].get<std::int64_t>() : 0;
  Table t{
      .caption = "Landed cost per supplier and shipping option (delivered and cleared, " +
                 std::to_string(quantity) + " units)",
      .headers = {"Option", "Tariff line", "Order total", "Per unit", "Per unit net of import VAT",
                  "Per unit (" + c.currency + ")", "Arrival", "On time"}};
  for (const json& option : options) {
    t.rows.push_back(
        {{option_label(c, option) + (is_recommended(c, option) ? " (recommended)" : "")},
         {text(option, "hs_code")},
         num(text(option, "total")),
         num(text(option, "per_unit")),
         num(text(option, "per_unit_net_of_import_tax")),
         num(text(option, "per_unit_buyer")),
         {text(option, "arrival")},
         {text(option, "on_time")}});
  }
  if (std::optional<Block> chart = landed_cost_chart(c, options)) s.blocks.push_back(*chart);
  s.blocks.push_back(table(std::move(t)));
  if (const json* chosen = recommended_option(c)) {
    s.blocks.push_back(table(
        cost_lines_table(*chosen, quantity,
                         "Cost lines of " + option_label(c, *chosen) + " (per unit = amount ÷ " +
                             std::to_string(quantity) + ", half-up to 4 decimals)")));
    std::vector<std::string> warnings;
    for (const json& w : member(*chosen, "warnings")) warnings.push_back(text(w));
    if (!warnings.empty()) s.blocks.push_back(list(std::move(warnings), "warning"));
  }
  return s;
}

std::optional<ReportSection> duty_tax_section(const BuildContext& c) {
  const json& compliance = c.section("compliance");
  const json& lines = member(compliance, "duty_tax_lines");
  const json* chosen = recommended_option(c);
  if ((!lines.is_array() || lines.empty()) && chosen == nullptr) return std::nullopt;
  ReportSection s{.id = "duty-tax", .title = "Duty and import tax"};
  if (!text(compliance, "as_of").empty()) {
    s.blocks.push_back(paragraph("Rates as of " + text(compliance, "as_of") + " for import into " +
                                 text(compliance, "destination") + "."));
  }
  Table t{.caption = "Duty and tax on the goods value per supplier, with provenance",
          .headers = {"Supplier", "Origin", "Line", "Tariff line", "Rate text", "Base", "Amount",
                      "Data set", "As of (edition)", "Row", "FX rate and date"}};
  for (const json& line : lines) {
    const json& p = member(line, "provenance");
    t.rows.push_back({{c.supplier(text(line, "supplier_id"))},
                      {text(line, "origin")},
                      {text(line, "label")},
                      {text(line, "tariff_code")},
                      {text(line, "rate_text")},
                      num(text(line, "base")),
                      num(text(line, "amount")),
                      {text(p, "file").empty() ? text(p, "source") : text(p, "file")},
                      {text(p, "edition")},
                      num(text(p, "line") == "0" ? "" : text(p, "line")),
                      {fx_text(member(line, "fx"))}});
  }
  if (!t.rows.empty()) s.blocks.push_back(table(std::move(t)));
  if (chosen != nullptr) {
    Table landed{.caption = "Duty, tax and fees in the landed cost of " + option_label(c, *chosen) +
                            " (on the customs value including freight and insurance where the "
                            "destination's rule says so)",
                 .headers = {"Line", "Base", "Rate text", "Amount", "Provenance"}};
    for (const json& line : member(*chosen, "lines")) {
      const int series = chart_series(text(line, "kind"));
      if (series < 3) continue;
      landed.rows.push_back({{text(line, "label")},
                             num(text(line, "base")),
                             {text(line, "rate_text")},
                             num(text(line, "amount")),
                             {provenance_text(member(line, "provenance"))}});
    }
    if (!landed.rows.empty()) s.blocks.push_back(table(std::move(landed)));
  }
  std::vector<std::string> warnings;
  for (const json& w : member(compliance, "warnings")) warnings.push_back(text(w));
  if (!warnings.empty()) s.blocks.push_back(list(std::move(warnings), "warning"));
  return s;
}

std::optional<ReportSection> margin_cash_section(const BuildContext& c) {
  const json& finance = c.section("finance");
  if (finance.is_null()) return std::nullopt;
  ReportSection s{.id = "margin-cash", .title = "Margin and cash flow"};
  Table margin{
      .caption = "Margin per unit at the target retail price (" + c.currency + ")",
      .headers = {"Option", "Retail price", "Net of VAT", "Channel fees",
                  "Landed net of import VAT", "Margin per unit", "Margin rate", "Order margin"}};
  for (const json& option : member(finance, "options")) {
    if (!option.contains("retail_price")) continue;
    std::string fees;
    for (const json& fee : member(option, "channel_fees")) {
      fees += (fees.empty() ? "" : "; ") + text(fee, "label") + " " + text(fee, "amount");
    }
    margin.rows.push_back({{option_label(c, option)},
                           num(text(option, "retail_price")),
                           num(text(option, "retail_net_of_vat")),
                           {fees},
                           num(text(option, "per_unit_net_of_import_tax")),
                           num(text(option, "margin_per_unit")),
                           num(percent_text(member(option, "margin_rate"))),
                           num(text(option, "order_margin"))});
  }
  if (margin.rows.empty()) {
    s.blocks.push_back(
        paragraph("No target retail price in the brief: margin not computed.", "note"));
  } else {
    s.blocks.push_back(table(std::move(margin)));
  }
  const json& flow = member(finance, "cash_flow");
  if (!flow.is_array() || flow.empty()) {
    s.blocks.push_back(paragraph("No cash-flow timeline (no recommended option).", "note"));
    return s;
  }
  if (finance.contains("peak_cash_need")) {
    s.blocks.push_back(facts({{"Peak cash need", text(finance, "peak_cash_need")}}));
  }
  CashFlowChart chart{.id = "chart-cash-flow",
                      .title = "Cumulative cash position",
                      .description =
                          "Cash paid out and received for the recommended option by "
                          "date; the lowest point is the peak cash need.",
                      .currency = c.currency};
  Table t{.caption = "Cash flow of the recommended option",
          .headers = {"Date", "Item", "Amount", "Balance", "Basis"},
          .row_headers = false};
  bool chartable = true;
  for (const json& entry : flow) {
    t.rows.push_back({{text(entry, "date")},
                      {text(entry, "label")},
                      num(text(entry, "amount")),
                      num(text(entry, "balance")),
                      {text(entry, "basis")}});
    auto date = Date::parse(text(entry, "date"));
    std::optional<Decimal> balance = decimal(member(entry, "balance"));
    if (!date.ok() || !balance)
      chartable = false;
    else
      chart.points.push_back({*date, *balance, text(entry, "label")});
  }
  if (chartable) {
    StatusOr<std::string> svg = render_cash_flow_chart(chart);
    if (svg.ok()) {
      s.blocks.push_back(report::chart(
          std::move(*svg),
          "Cumulative cash by date (" + c.currency + "); the marked point is the peak need."));
    }
  }
  s.blocks.push_back(table(std::move(t)));
  std::vector<std::string> notes;
  for (const json& note : member(finance, "notes")) notes.push_back(text(note));
  if (!notes.empty()) s.blocks.push_back(list(std::move(notes), "note"));
  return s;
}

}  // namespace kontor::report::detail
