#include "crew/agent_research.h"

#include <algorithm>
#include <map>
#include <set>

#include "crew/agent_common.h"
#include "crew/product_query.h"

namespace kontor::crew {
namespace {

using detail::join;

struct Listing {
  std::string origin;
  std::string supplier_id;
  Money price;  // buyer currency, per unit, 4 decimals
  std::string incoterm;
  std::int64_t moq = 0;
  std::string category;
};

// Nearest-rank percentile of sorted prices: the value at rank ceil(p/100 × n).
const Money& nearest_rank(const std::vector<Money>& sorted, int percent) {
  std::size_t n = sorted.size();
  std::size_t rank = (static_cast<std::size_t>(percent) * n + 99) / 100;
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

PriceBand band_of(const std::string& market, const std::vector<const Listing*>& listings) {
  std::vector<Money> prices;
  std::set<std::string> terms;
  for (const Listing* l : listings) {
    prices.push_back(l->price);
    terms.insert(l->incoterm);
  }
  std::sort(prices.begin(), prices.end());
  PriceBand b;
  b.market = market;
  b.listings = static_cast<int>(prices.size());
  b.low = prices.front();
  b.p25 = nearest_rank(prices, 25);
  b.median = nearest_rank(prices, 50);
  b.p75 = nearest_rank(prices, 75);
  b.high = prices.back();
  b.incoterms.assign(terms.begin(), terms.end());
  return b;
}

std::vector<PriceBand> price_bands(const std::vector<Listing>& listings) {
  std::map<std::string, std::vector<const Listing*>> by_origin;
  std::vector<const Listing*> all;
  for (const auto& l : listings) {
    by_origin[l.origin].push_back(&l);
    all.push_back(&l);
  }
  std::vector<PriceBand> bands;
  if (all.empty()) return bands;
  bands.push_back(band_of("ALL", all));
  std::vector<std::pair<std::string, std::vector<const Listing*>>> origins(by_origin.begin(),
                                                                           by_origin.end());
  std::stable_sort(origins.begin(), origins.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  for (const auto& [origin, group] : origins) bands.push_back(band_of(origin, group));
  return bands;
}

std::vector<std::string> demand_notes(const ResearchSection& r, const std::vector<Listing>& ls,
                                      const Brief& brief, const Engines& engines, Date pricing) {
  std::vector<std::string> notes;
  if (ls.empty()) {
    notes.push_back("no comparable listing in the catalog for '" + r.query +
                    "': no supply signal and no price band");
    return notes;
  }
  std::set<std::string> suppliers;
  std::int64_t moq_min = ls.front().moq, moq_max = ls.front().moq;
  for (const auto& l : ls) {
    suppliers.insert(l.supplier_id);
    moq_min = std::min(moq_min, l.moq);
    moq_max = std::max(moq_max, l.moq);
  }
  std::vector<std::string> origins;
  for (std::size_t i = 1; i < r.price_bands.size(); ++i) {
    origins.push_back(r.price_bands[i].market + " " + std::to_string(r.price_bands[i].listings));
  }
  notes.push_back(std::to_string(ls.size()) + " comparable listings from " +
                  std::to_string(suppliers.size()) + " suppliers in " +
                  std::to_string(origins.size()) + " origins (" + join(origins, ", ") + ")");
  const PriceBand& all = r.price_bands.front();
  notes.push_back("median unit price " + all.median.to_string() + " at " +
                  std::to_string(r.quantity) + " pcs, range " + all.low.amount_text() + "–" +
                  all.high.to_string() + " (" + join(all.incoterms, "/") +
                  ", before freight and duty)");
  notes.push_back("MOQs from " + std::to_string(moq_min) + " to " + std::to_string(moq_max) +
                  " pcs");
  if (brief.target_retail_price && brief.destination &&
      brief.target_retail_price->currency() == all.median.currency() && !all.median.is_zero()) {
    auto vat =
        engines.reference->vat.rate(*brief.destination, pricing, refdata::VatRateKind::kStandard);
    Money net = *brief.target_retail_price;
    std::string vat_text;
    if (vat.ok()) {
      auto n = Decimal::divide(net.amount(), Decimal(1) + vat->rate, 2, RoundingMode::kHalfUp);
      if (n.ok()) net = Money(*n, net.currency());
      vat_text = " (" + net.to_string() + " without " + std::string(vat->tax_name) + " " +
                 std::string(vat->rate_text) + "%)";
    }
    auto multiple = Decimal::divide(net.amount(), all.median.amount(), 1, RoundingMode::kHalfUp);
    if (multiple.ok()) {
      notes.push_back("target retail " + brief.target_retail_price->to_string() + vat_text +
                      " is " + multiple->to_string() + "× the median unit price");
    }
  }
  if (r.demo) {
    notes.push_back(
        "the catalog is the generated demo marketplace: prices and suppliers are "
        "illustrative, not market data");
  }
  return notes;
}

}  // namespace

Status ResearchAgent::run(const TaskSpec& task, TaskContext& context) {
  const Brief& brief = context.brief();
  const Engines& engines = context.engines();
  if (brief.product.empty()) return failed_precondition("brief.product: no product to research");
  detail::PricingDate pricing = detail::pricing_date(engines, context.as_of());
  Currency buyer = detail::buyer_currency(brief, *engines.reference);
  std::int64_t units = detail::order_units(brief);

  catalog::SearchQuery query =
      product_query(*engines.glossary, brief,
                    static_cast<int>(detail::int_param(task, "listings", 100)), pricing.date);
  ASSIGN_OR_RETURN(catalog::SearchResponse response, engines.catalog->search(query));

  ResearchSection r;
  r.query = brief.product;
  r.query_lang = response.query_lang;
  r.quantity = units;
  r.currency = std::string(buyer.code());
  r.matches_estimated = response.matches_estimated;
  r.fx_date = pricing.date;
  r.demo = engines.catalog->demo();

  std::vector<std::string> head = detail::product_words(*engines.glossary, query.text);
  const catalog::Catalog& cat = engines.catalog->catalog();
  std::vector<Listing> listings;
  std::map<std::string, int> categories;
  for (const auto& result : response.results) {
    const catalog::Offer* offer = cat.offer(result.offer_id);
    if (offer == nullptr || !detail::names_the_product(result, head)) continue;
    if (units > 0 && offer->moq > units) continue;
    auto price = offer->unit_price(units > 0 ? units : offer->moq);
    if (!price.ok()) continue;
    auto rate = detail::fx_rate(engines, offer->currency, buyer, pricing.date);
    if (!rate.ok()) continue;
    std::string category = join(result.category_path, " > ");
    listings.push_back({result.supplier_country, result.supplier_id,
                        convert(*price, *rate).rounded_to(4, RoundingMode::kHalfUp),
                        std::string(incoterm_name(offer->incoterm)), offer->moq, category});
    ++categories[category];
  }
  r.comparable_listings = static_cast<std::int64_t>(listings.size());
  r.price_bands = price_bands(listings);
  std::vector<std::pair<std::string, int>> cats(categories.begin(), categories.end());
  std::stable_sort(cats.begin(), cats.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (std::size_t i = 0; i < cats.size() && i < 5; ++i) {
    r.categories.push_back(cats[i].first + " (" + std::to_string(cats[i].second) + ")");
  }
  r.demand_notes = demand_notes(r, listings, brief, engines, pricing.date);
  if (!pricing.note.empty()) r.demand_notes.push_back(pricing.note);
  return detail::write_owned(context, kResearchSection, to_json(r));
}

}  // namespace kontor::crew
