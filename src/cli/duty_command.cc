// `kontor duty`: the customs duty of one tariff line on a customs value, with how each part of
// the rate was applied.
#include <fmt/core.h>

#include <iostream>

#include "cli/context.h"
#include "cli/format.h"
#include "trade/duty_quote.h"
#include "trade/landed_cost_json.h"

namespace kontor::cli {
namespace {

struct DutyFlags {
  std::string hs_code, origin, destination, customs_value, quantity, as_of;
  std::vector<std::string> measures;
  bool json_output = false;
};

StatusOr<trade::DutyRequest> make_request(const DutyFlags& f, const refdata::ReferenceData& data,
                                          Date today) {
  trade::DutyRequest r;
  r.hs_code = f.hs_code;
  auto origin = CountryCode::parse(f.origin);
  if (!origin.ok()) return origin.status().with_context("origin");
  auto destination = CountryCode::parse(f.destination);
  if (!destination.ok()) return destination.status().with_context("destination");
  r.origin = *origin;
  r.destination = *destination;
  ASSIGN_OR_RETURN(r.customs_value,
                   trade::parse_money(f.customs_value, data.currencies, "customs_value"));
  if (!f.quantity.empty()) {
    ASSIGN_OR_RETURN(r.units, trade::parse_quantity(f.quantity, "quantity"));
  }
  if (f.measures.size() > r.measures.size()) {
    return invalid_argument("measure: at most 4 measures");
  }
  for (std::size_t i = 0; i < f.measures.size(); ++i) {
    ASSIGN_OR_RETURN(r.measures[i], trade::parse_quantity(f.measures[i], "measure"));
  }
  r.as_of = today;
  if (!f.as_of.empty()) {
    auto d = Date::parse(f.as_of);
    if (!d.ok()) return d.status().with_context("as_of");
    r.as_of = *d;
  }
  return r;
}

int run_duty(Context& context, const DutyFlags& flags) {
  auto data = context.data();
  if (!data.ok()) return context.fail(data.status());
  auto request = make_request(flags, **data, context.clock().today());
  if (!request.ok()) return context.fail(request.status());
  auto quote = trade::quote_duty(**data, *request);
  if (!quote.ok()) return context.fail(quote.status());
  if (flags.json_output) {
    std::cout << trade::duty_quote_json(*quote).dump(2) << "\n";
    return 0;
  }
  const auto& t = quote->treatment;
  fmt::print("Duty: {} {} ({} → {}, as of {})\n", t.line->display_code, t.line->description,
             t.origin.code(), t.destination.code(), t.as_of.to_string());
  fmt::print("  Customs value {}", money_text(quote->customs_value));
  if (quote->fx) {
    fmt::print(" (1 {} = {} {}, {})", quote->fx->from.code(), quote->fx->rate.to_plain_string(),
               quote->fx->to.code(), quote->fx->date.to_string());
  }
  fmt::print("\n");
  for (const auto& p : quote->parts) {
    fmt::print("  {} '{}' → {}\n", pad(p.label, 40), p.rate.text, money_text(p.rounded));
    fmt::print("  {} {}\n", pad("", 40), trade::explain(p.rate, p.exact));
    fmt::print("  {} source: {}\n", pad("", 40), p.provenance.to_string());
  }
  fmt::print("  {} {}\n", pad("Total duty", 40), money_text(quote->total));
  for (const std::string& w : t.warnings) fmt::print("  warning: {}\n", w);
  return 0;
}

}  // namespace

void add_duty_command(CLI::App& app, Context& context, std::function<int()>& run) {
  static DutyFlags f;
  CLI::App* cmd = app.add_subcommand(
      "duty", "Customs duty of a tariff line on a customs value, with each rate part explained");
  cmd->add_option("--hs-code", f.hs_code, "HS or national tariff code")->required();
  cmd->add_option("--origin", f.origin, "country of origin (ISO alpha-2)")->required();
  cmd->add_option("--destination", f.destination, "country of import")->required();
  cmd->add_option("--customs-value", f.customs_value,
                  "customs value on the destination's basis, e.g. '5000 USD'")
      ->required();
  cmd->add_option("--quantity", f.quantity, "number of units, e.g. '2000 pcs'");
  cmd->add_option("--measure", f.measures, "a declared quantity, e.g. '800 kg' (repeatable)");
  cmd->add_option("--as-of", f.as_of, "date of the rates, YYYY-MM-DD (default today)");
  cmd->add_flag("--json", f.json_output, "print as JSON");
  cmd->callback([&] { run = [&] { return run_duty(context, f); }; });
}

}  // namespace kontor::cli
