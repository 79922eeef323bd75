// `kontor search`: multilingual product search over the imported catalog, or over the demo
// marketplace when nothing was imported, with the buyer's filters (quantity, price target in any
// currency, ship-from, certifications, lead time).
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "catalog/catalog_search.h"
#include "cli/context.h"
#include "cli/format.h"
#include "core/cache_folder.h"

namespace kontor::cli {
namespace {

struct SearchFlags {
  std::string text, max_price, lang, db, fx_date;
  std::int64_t quantity = 0;
  std::vector<std::string> ship_from, certifications;
  int max_lead_days = 0;
  int limit = 10;
  std::int64_t demo_products = 5000;
  bool json_output = false;
};

// FX for the price filter: the rates of `date`, or, when the data ends before it, of the
// newest publication held (the result's fx note names the date used).
Date fx_date(const refdata::FxTable& fx, Date today) {
  Date newest = std::max({fx.latest(refdata::FxSource::kEcb), fx.latest(refdata::FxSource::kFed),
                          fx.latest(refdata::FxSource::kHmrc)});
  return std::min(today, newest);
}

StatusOr<catalog::SearchQuery> make_query(const SearchFlags& f, const refdata::FxTable& fx,
                                          Date today) {
  catalog::SearchQuery q;
  q.text = f.text;
  q.lang = f.lang;
  if (f.quantity < 0) return invalid_argument("qty: must be positive");
  q.quantity = f.quantity;
  if (!f.max_price.empty()) {
    auto price = catalog::parse_price_target(f.max_price);  // its message names max-price
    if (!price.ok()) return price.status();
    q.max_unit_price = *price;
  }
  for (const std::string& code : f.ship_from) {
    auto country = CountryCode::parse(code);
    if (!country.ok()) return country.status().with_context("from");
    q.ship_from.push_back(*country);
  }
  q.certifications = f.certifications;
  if (f.max_lead_days < 0) return invalid_argument("max-lead-days: must be positive");
  if (f.max_lead_days > 0) q.max_lead_time_days = f.max_lead_days;
  if (f.limit < 1 || f.limit > 200) return invalid_argument("limit: expected 1 to 200");
  q.limit = f.limit;
  q.fx_date = fx_date(fx, today);
  if (!f.fx_date.empty()) {
    auto d = Date::parse(f.fx_date);
    if (!d.ok()) return d.status().with_context("fx-date");
    q.fx_date = *d;
  }
  return q;
}

void print_results(const catalog::SearchResponse& r, bool demo) {
  if (demo) fmt::print("(demo marketplace: generated suppliers and offers, not real companies)\n");
  fmt::print("query language: {}; {} matches\n", r.query_lang, r.matches_estimated);
  int rank = 0;
  for (const catalog::SearchResult& s : r.results) {
    std::string price = s.tier_price ? money_text(*s.tier_price) : "-";
    if (s.tier_price_converted) price += " (" + money_text(*s.tier_price_converted) + ")";
    fmt::print("{:>2}. {}  [{}]\n    {} · {} ({}) · {}/unit · score {:.3f}\n", ++rank, s.title,
               s.title_lang, s.product_id, s.supplier_name, s.supplier_country, price, s.score);
    if (!s.matched_terms.empty()) {
      std::string matched;
      for (const std::string& m : s.matched_terms) matched += (matched.empty() ? "" : "; ") + m;
      fmt::print("    matched: {}\n", matched);
    }
    if (!s.fx_note.empty()) fmt::print("    fx: {}\n", s.fx_note);
  }
  if (r.results.empty()) fmt::print("no product matches the query and filters\n");
}

int run_search(Context& context, const SearchFlags& flags) {
  auto data = context.data();
  if (!data.ok()) return context.fail(data.status());
  auto query = make_query(flags, (*data)->fx, context.clock().today());
  if (!query.ok()) return context.fail(query.status());
  store::Store* store = nullptr;
  // The workspace catalog when there is a workspace; the demo marketplace otherwise.
  if (!flags.db.empty() || std::filesystem::exists(Context::store_path(""))) {
    auto opened = context.store(flags.db);
    if (!opened.ok()) return context.fail(opened.status());
    store = *opened;
  }
  catalog::DemoOptions demo = catalog::DemoOptions::current(context.clock().today());
  demo.products = flags.demo_products;
  // The index is reused from the cache folder (built there by the first search or run).
  auto search = catalog::CatalogSearch::open_cached(store, demo, default_cache_dir());
  if (!search.ok()) return context.fail(search.status());
  auto response = (*search)->search(*query, catalog::fx_lookup((*data)->fx));
  if (!response.ok()) return context.fail(response.status());
  if (flags.json_output) {
    nlohmann::json out = catalog::to_json(*response);
    out["demo"] = (*search)->demo();
    std::cout << out.dump(2) << "\n";
  } else {
    print_results(*response, (*search)->demo());
  }
  return 0;
}

}  // namespace

void add_search_command(CLI::App& app, Context& context, std::function<int()>& run) {
  static SearchFlags f;
  CLI::App* cmd = app.add_subcommand(
      "search", "Find products in any language, filtered by what can serve the order");
  cmd->add_option("query", f.text, "what to find, in any language")->required();
  cmd->add_option("--qty", f.quantity, "order quantity: MOQ must allow it, price at its tier");
  cmd->add_option("--max-price", f.max_price,
                  "highest unit price at the tier, e.g. 4.50EUR (converted with dated FX)");
  cmd->add_option("--from", f.ship_from, "ship-from country (ISO alpha-2, repeatable)");
  cmd->add_option("--cert", f.certifications, "certification the supplier must hold (repeatable)");
  cmd->add_option("--max-lead-days", f.max_lead_days, "longest acceptable lead time in days");
  cmd->add_option("--lang", f.lang, "language of the query (default: identified)");
  cmd->add_option("--limit", f.limit, "number of results (default 10)");
  cmd->add_option("--fx-date", f.fx_date, "date of the FX rates (default: today or newest held)");
  cmd->add_option("--db", f.db, "workspace database with an imported catalog");
  cmd->add_option("--demo-products", f.demo_products,
                  "size of the demo marketplace when no catalog is imported (default 5000)");
  cmd->add_flag("--json", f.json_output, "print as JSON");
  cmd->callback([&] { run = [&] { return run_search(context, f); }; });
}

}  // namespace kontor::cli
