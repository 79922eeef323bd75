// `kontor demo`: the main job on the embedded default. For now: the landed cost of a few real
// shipments (data/demo/shipments.json) compared side by side, each with its full breakdown.
#include <fmt/core.h>

#include <iostream>

#include "cli/context.h"
#include "cli/format.h"
#include "cli/quote_table.h"
#include "core/csv.h"
#include "trade/landed_cost_json.h"

namespace kontor::cli {
namespace {

using nlohmann::json;

struct DemoFlags {
  std::string file;
  bool json_output = false;
  bool details = true;
};

struct Row {
  std::string name;
  trade::LandedCostQuote quote;
};

void print_comparison(const std::vector<Row>& rows) {
  fmt::print("  {} {} {} {} {} {} {} {}\n", pad("Shipment", 34), pad("Route", 7),
             pad("Tariff line", 15), pad("Duty rate", 28), pad("Duty+add.", 11, true),
             pad("Import tax", 11, true), pad("Total", 14, true), pad("Per unit", 13, true));
  for (const Row& r : rows) {
    const auto& t = r.quote.treatment;
    const auto& c = r.quote.cost;
    std::string rate = t.line->general_rate;
    for (const auto& extra : t.additional_duties) rate += " + " + extra.label;
    fmt::print("  {} {} {} {} {} {} {} {}\n", pad(r.name, 34),
               pad(std::string(t.origin.code()) + "→" + std::string(t.destination.code()), 7),
               pad(t.line->display_code, 15), pad(rate, 28), pad(grouped(c.duty), 11, true),
               pad(grouped(c.import_tax), 11, true), pad(money_text(c.total), 14, true),
               pad(grouped(c.per_unit) + " " + std::string(c.currency.code()), 13, true));
  }
}

int run_demo(Context& context, const DemoFlags& flags) {
  auto data = context.data();
  if (!data.ok()) return context.fail(data.status());
  const std::string path =
      flags.file.empty() ? refdata::DataPaths::from_environment().repo_dir + "/demo/shipments.json"
                         : flags.file;
  auto text = read_file(path);
  if (!text.ok()) return context.fail(text.status());
  json doc = json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.contains("shipments") || !doc["shipments"].is_array()) {
    return context.fail(invalid_argument(path + ": expected {\"shipments\": [...]}"));
  }
  auto as_of = Date::parse(doc.value("as_of", ""));
  if (!as_of.ok()) return context.fail(as_of.status().with_context(path + ": as_of"));
  std::vector<Row> rows;
  json out = json::array();
  for (std::size_t i = 0; i < doc["shipments"].size(); ++i) {
    const json& s = doc["shipments"][i];
    const std::string where = path + ": shipments[" + std::to_string(i) + "]";
    auto request = trade::landed_cost_request_from_json(s.value("request", json()),
                                                        (*data)->currencies, *as_of);
    if (!request.ok()) return context.fail(request.status().with_context(where));
    auto quote = trade::quote_landed_cost(**data, *request);
    if (!quote.ok()) return context.fail(quote.status().with_context(where));
    out.push_back(
        {{"name", s.value("name", "")}, {"quote", trade::landed_cost_quote_json(*quote)}});
    rows.push_back({s.value("name", ""), std::move(quote).value()});
  }
  if (flags.json_output) {
    std::cout << json{{"as_of", as_of->to_string()}, {"shipments", out}}.dump(2) << "\n";
    return 0;
  }
  fmt::print(
      "Kontor demo — landed cost of {} shipments as of {}, from the bundled reference "
      "data.\n{}\n\n",
      rows.size(), as_of->to_string(), doc.value("note", ""));
  print_comparison(rows);
  if (flags.details) {
    for (const Row& r : rows) {
      fmt::print("\n== {} ==\n", r.name);
      print_quote(r.quote);
    }
  }
  fmt::print(
      "\nEvery figure above names its source; `kontor landed-cost --help` prices your own "
      "shipment, `kontor data` lists the data sets.\n");
  return 0;
}

}  // namespace

void add_demo_command(CLI::App& app, Context& context, std::function<int()>& run) {
  static DemoFlags flags;
  CLI::App* cmd = app.add_subcommand(
      "demo", "Run the demo: landed cost of a few real shipments compared side by side");
  cmd->add_option("--file", flags.file, "shipments file (default data/demo/shipments.json)");
  cmd->add_flag("--json", flags.json_output, "print the quotes as JSON");
  cmd->add_flag("!--no-details", flags.details, "only the comparison table");
  cmd->callback([&] { run = [&] { return run_demo(context, flags); }; });
}

}  // namespace kontor::cli
