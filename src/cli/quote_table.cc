#include "cli/quote_table.h"

#include <fmt/core.h>

#include "cli/format.h"

namespace kontor::cli {
namespace {

void print_line(const trade::CostLine& line, const std::vector<FxRate>& fx) {
  std::string source = line.provenance.to_string();
  if (line.fx_index >= 0) {
    const FxRate& r = fx[line.fx_index];
    source = fmt::format("converted at 1 {} = {} {} ({} {})", r.from.code(),
                         r.rate.to_plain_string(), r.to.code(), r.date.to_string(),
                         r.provenance.source ? r.provenance.source->file : "");
  }
  fmt::print("  {} {} {}  {}\n", pad(line.label, 44), pad(grouped(line.amount), 14, true),
             line.estimate ? "(estimate)" : "          ", source);
}

}  // namespace

void print_quote(const trade::LandedCostQuote& q) {
  const auto& t = q.treatment;
  const auto& c = q.cost;
  fmt::print("Landed cost: {} from {} to {}, as of {} (amounts in {})\n", t.line->display_code,
             t.origin.code(), t.destination.code(), t.as_of.to_string(), t.currency.code());
  fmt::print("  Tariff line  {} {}\n", t.line->display_code, t.line->description);
  fmt::print("  Tariff       {} — duty rate '{}'\n", t.schedule->source().title,
             t.line->general_rate);
  fmt::print("  Valuation    {} basis ({}): customs value {}\n\n",
             refdata::valuation_basis_name(t.valuation->basis), t.valuation->source,
             money_text(c.valuation.customs_value));
  for (const trade::CostLine& line : c) print_line(line, q.fx);
  fmt::print("  {}\n", std::string(60, '-'));
  fmt::print("  {} {}\n", pad("Total landed cost", 44), pad(money_text(c.total), 18, true));
  fmt::print("  {} {}\n", pad("  per " + std::string(unit_symbol(c.units.unit())), 44),
             pad(grouped(c.per_unit) + " " + std::string(c.currency.code()), 18, true));
  if (!c.import_tax.is_zero()) {
    fmt::print("  {} {}\n", pad("Net of recoverable import VAT", 44),
               pad(money_text(c.total_net_of_import_tax), 18, true));
    fmt::print("  {} {}\n", pad("  per " + std::string(unit_symbol(c.units.unit())), 44),
               pad(grouped(c.per_unit_net_of_import_tax) + " " + std::string(c.currency.code()), 18,
                   true));
  }
  if (q.buyer_fx) {
    fmt::print("  {} {}  (1 {} = {} {}, {})\n", pad("Total in buyer currency", 44),
               pad(money_text(q.total_buyer), 18, true), q.buyer_fx->from.code(),
               q.buyer_fx->rate.to_plain_string(), q.buyer_fx->to.code(),
               q.buyer_fx->date.to_string());
  }
  for (int i = 0; i < c.note_count; ++i) fmt::print("  note: {}\n", c.note_storage[i]);
  for (const std::string& w : t.warnings) fmt::print("  warning: {}\n", w);
}

}  // namespace kontor::cli
