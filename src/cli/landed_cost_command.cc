// `kontor landed-cost` and `kontor duty`: flags (or a JSON request on stdin) to a quote,
// printed as a table or as JSON.
#include <fmt/core.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "cli/context.h"
#include "cli/quote_table.h"
#include "core/csv.h"
#include "trade/landed_cost_json.h"

namespace kontor::cli {
namespace {

using nlohmann::json;

struct Flags {
  std::map<std::string, std::string> fields;  // JSON field → text given on the command line
  std::vector<std::string> measures;
  std::string request_path;
  bool json_output = false;
};

// Flag names are the JSON field names with dashes, so errors name what the user typed.
constexpr std::pair<const char*, const char*> kFlagFields[] = {
    {"--hs-code", "HS or national tariff code, e.g. 9617.00.10 or 961700"},
    {"--origin", "country of origin (ISO 3166 alpha-2), e.g. CN"},
    {"--destination", "country of import, e.g. DE"},
    {"--goods-value", "invoice price of the goods, e.g. '8400 USD'"},
    {"--incoterm", "Incoterms 2020 rule of the price (default FOB)"},
    {"--origin-charges", "carriage to the port and export clearance (EXW prices)"},
    {"--freight", "main carriage to the destination port/airport, e.g. '1150 USD'"},
    {"--insurance", "cargo insurance premium ('0 EUR' if none bought)"},
    {"--insurance-rate", "estimate insurance as rate x 110% x (goods + freight), e.g. 0.003"},
    {"--destination-delivery", "delivery after arrival (D-rule prices, or your own costs)"},
    {"--vat-incidentals", "other costs to the first place of destination (VAT base)"},
    {"--broker-fee", "customs broker / clearance fee"},
    {"--quantity", "units the per-unit cost divides by, e.g. '2000 pcs'"},
    {"--mode", "sea, air, road, rail, courier or post (default sea)"},
    {"--us-entry", "US entry type: auto, formal or informal (default auto)"},
    {"--vat-rate", "standard, reduced, super_reduced, … (default standard)"},
    {"--as-of", "date of the rates to apply, YYYY-MM-DD (default today)"},
    {"--buyer-currency", "also show totals in this currency"},
};

std::string field_name(std::string flag) {
  flag = flag.substr(2);
  for (char& c : flag) c = c == '-' ? '_' : c;
  return flag;
}

void add_flags(CLI::App& cmd, Flags& flags) {
  for (const auto& [flag, help] : kFlagFields) {
    cmd.add_option_function<std::string>(
        flag, [&flags, name = field_name(flag)](const std::string& v) { flags.fields[name] = v; },
        help);
  }
  cmd.add_option("--measure", flags.measures,
                 "a declared quantity for specific duties, e.g. '700 kg' (repeatable)");
  cmd.add_option("--request", flags.request_path,
                 "read the request as JSON from this file ('-' for standard input)");
  cmd.add_flag("--json", flags.json_output, "print the quote as JSON");
}

StatusOr<json> request_json(const Flags& flags) {
  json j = json::object();
  if (!flags.request_path.empty()) {
    std::string text;
    if (flags.request_path == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
      ASSIGN_OR_RETURN(text, read_file(flags.request_path));
    }
    j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return invalid_argument("request: not valid JSON");
  }
  for (const auto& [name, value] : flags.fields) j[name] = value;
  if (!flags.measures.empty()) j["measures"] = flags.measures;
  return j;
}

int run_landed_cost(Context& context, const Flags& flags) {
  auto j = request_json(flags);
  if (!j.ok()) return context.fail(j.status());
  auto data = context.data();
  if (!data.ok()) return context.fail(data.status());
  auto request =
      trade::landed_cost_request_from_json(*j, (*data)->currencies, context.clock().today());
  if (!request.ok()) return context.fail(request.status());
  auto quote = trade::quote_landed_cost(**data, *request);
  if (!quote.ok()) return context.fail(quote.status());
  if (flags.json_output) {
    std::cout << trade::landed_cost_quote_json(*quote).dump(2) << "\n";
  } else {
    print_quote(*quote);
  }
  return 0;
}

}  // namespace

void add_landed_cost_commands(CLI::App& app, Context& context, std::function<int()>& run) {
  static Flags landed;
  CLI::App* cmd = app.add_subcommand(
      "landed-cost",
      "Landed cost of one shipment: customs value, duty, import VAT, fees, total "
      "and per unit, with the source of every figure");
  add_flags(*cmd, landed);
  cmd->callback([&] { run = [&] { return run_landed_cost(context, landed); }; });
  add_duty_command(app, context, run);
}

}  // namespace kontor::cli
