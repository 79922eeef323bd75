#include "crew/agent_sourcing.h"

#include <algorithm>
#include <set>

#include "crew/agent_common.h"
#include "crew/product_query.h"

namespace kontor::crew {
namespace {

using detail::join;
using detail::key_of;

// Results below this share of the best text relevance are not comparable products.
constexpr double kMinRelativeRelevance = 0.45;
constexpr std::size_t kMaxRejected = 10;

struct Filters {
  std::int64_t units = 0;
  std::optional<Decimal> max_moq;
  std::vector<CountryCode> avoid;
  std::vector<std::string> certifications;
  Date as_of;
};

std::vector<std::string> held_certifications(const catalog::Offer& offer,
                                             const catalog::Supplier& supplier) {
  std::vector<std::string> held = offer.certifications;
  for (const auto& c : supplier.certifications) {
    if (std::find(held.begin(), held.end(), c) == held.end()) held.push_back(c);
  }
  return held;
}

std::vector<std::string> rejection_reasons(const Filters& f, const catalog::Offer& offer,
                                           const catalog::Supplier& supplier) {
  std::vector<std::string> reasons;
  if (f.units > 0 && offer.moq > f.units) {
    reasons.push_back("MOQ " + std::to_string(offer.moq) + " above the quantity " +
                      std::to_string(f.units));
  }
  if (f.max_moq && Decimal(offer.moq) > *f.max_moq) {
    reasons.push_back("MOQ " + std::to_string(offer.moq) + " above the maximum MOQ " +
                      f.max_moq->to_plain_string());
  }
  if (std::find(f.avoid.begin(), f.avoid.end(), supplier.country) != f.avoid.end()) {
    reasons.push_back("origin " + std::string(supplier.country.code()) + " is to be avoided");
  }
  std::set<std::string> held;
  for (const auto& c : held_certifications(offer, supplier)) held.insert(key_of(c));
  for (const auto& wanted : f.certifications) {
    if (held.count(key_of(wanted)) == 0) reasons.push_back("no " + wanted + " certificate");
  }
  if (offer.valid_until < f.as_of) {
    reasons.push_back("offer expired on " + offer.valid_until.to_string());
  }
  return reasons;
}

StatusOr<ShortlistEntry> make_entry(const Engines& engines, const catalog::SearchResult& r,
                                    const catalog::Offer& offer, const catalog::Supplier& supplier,
                                    const Filters& f, const Currency& buyer, Date pricing) {
  ShortlistEntry e;
  std::int64_t quantity = f.units > 0 ? f.units : offer.moq;
  ASSIGN_OR_RETURN(e.tier_price, offer.unit_price(quantity));
  ASSIGN_OR_RETURN(FxRate rate, detail::fx_rate(engines, offer.currency, buyer, pricing));
  // Per-unit figures keep 4 decimals (half-up); the order value is the exact converted
  // invoice rounded to the minor unit.
  e.unit_price = convert(e.tier_price, rate).rounded_to(4, RoundingMode::kHalfUp);
  if (!(offer.currency == buyer)) e.fx = FxUse::from_rate(rate);
  e.order_value = convert(e.tier_price * Decimal(quantity), rate).rounded(RoundingMode::kHalfUp);
  e.quantity = quantity;
  e.supplier_id = supplier.id;
  e.supplier_name = supplier.name;
  e.supplier_country = std::string(supplier.country.code());
  e.port = supplier.port;
  e.product_id = r.product_id;
  e.product_title = r.title;
  e.title_lang = r.title_lang;
  e.category_path = r.category_path;
  if (const auto* product = engines.catalog->catalog().product(r.product_id)) {
    e.declared_hs_code = product->hs_code;
  }
  e.offer_id = offer.id;
  e.moq = offer.moq;
  e.lead_time_days = offer.lead_time_days;
  e.incoterm = std::string(incoterm_name(offer.incoterm));
  e.named_place = offer.named_place;
  e.samples = offer.samples;
  e.valid_until = offer.valid_until;
  e.certifications = held_certifications(offer, supplier);
  e.payment_terms = supplier.payment_terms;
  e.on_time_rate = supplier.on_time_rate;
  e.defect_rate = supplier.defect_rate;
  e.score = r.score;
  e.text_score = r.text_score;
  e.quality_score = r.quality_score;
  e.match_explanation = r.explanation;
  e.matched_terms = r.matched_terms;
  if (f.units > 0) {
    e.reasons_kept.push_back("MOQ " + std::to_string(offer.moq) + " ≤ " + std::to_string(f.units) +
                             " pcs");
  }
  e.reasons_kept.push_back(
      "tier price " + e.tier_price.to_string() + " at " + std::to_string(quantity) + " pcs" +
      (e.fx ? " = " + e.unit_price.rounded(RoundingMode::kHalfUp).to_string() : std::string()) +
      ", " + e.incoterm + " " + offer.named_place);
  e.reasons_kept.push_back(catalog::supplier_quality(supplier).second);
  if (!f.certifications.empty()) {
    e.reasons_kept.push_back("holds " + join(f.certifications, ", "));
  }
  return e;
}

}  // namespace

Status SourcingAgent::run(const TaskSpec& task, TaskContext& context) {
  const Brief& brief = context.brief();
  const Engines& engines = context.engines();
  if (brief.product.empty()) return failed_precondition("brief.product: no product to source");
  std::size_t top =
      static_cast<std::size_t>(std::max<std::int64_t>(1, detail::int_param(task, "top", 5)));
  detail::PricingDate pricing = detail::pricing_date(engines, context.as_of());
  Currency buyer = detail::buyer_currency(brief, *engines.reference);

  Filters f{detail::order_units(brief), brief.max_moq, brief.avoid_origins,
            brief.required_certifications, context.as_of()};
  catalog::SearchQuery query = product_query(
      *engines.glossary, brief, static_cast<int>(std::max<std::size_t>(40, top * 8)), pricing.date);
  query.valid_on = context.as_of();  // an expired offer cannot serve the order
  ASSIGN_OR_RETURN(catalog::SearchResponse response, engines.catalog->search(query));

  SourcingSection s;
  s.query = brief.product;
  s.query_lang = response.query_lang;
  s.quantity = f.units;
  s.unit = brief.quantity ? std::string(unit_symbol(brief.quantity->unit())) : "pcs";
  s.currency = std::string(buyer.code());
  s.max_moq = brief.max_moq;
  for (const auto& c : brief.avoid_origins) s.avoid_origins.emplace_back(c.code());
  s.required_certifications = brief.required_certifications;
  for (const auto& t : response.terms)
    s.query_terms.push_back(t.term + " ← " + t.source + " (" + t.via + ")");
  s.matches_estimated = response.matches_estimated;
  s.fx_date = pricing.date;
  s.demo = engines.catalog->demo();

  const catalog::Catalog& cat = engines.catalog->catalog();
  double best = 0;
  for (const auto& r : response.results) best = std::max(best, r.text_score);
  std::vector<std::string> head = detail::product_words(*engines.glossary, query.text);
  std::set<std::string> suppliers_seen;
  std::vector<RejectedOffer> unrelated;  // shown only when nothing fits
  std::int64_t done = 0;
  for (const auto& r : response.results) {
    context.progress(++done, static_cast<std::int64_t>(response.results.size()), "offers checked");
    const catalog::Offer* offer = cat.offer(r.offer_id);
    const catalog::Supplier* supplier = cat.supplier(r.supplier_id);
    if (offer == nullptr || supplier == nullptr) continue;
    if (r.text_score < best * kMinRelativeRelevance || !detail::names_the_product(r, head)) {
      if (unrelated.size() < 3) {
        unrelated.push_back(
            {supplier->id,
             supplier->name,
             offer->id,
             r.title,
             {"another product: matches none of the words '" + join(head, " ") + "'"}});
      }
      continue;
    }
    std::vector<std::string> reasons = rejection_reasons(f, *offer, *supplier);
    if (reasons.empty() && suppliers_seen.count(supplier->id) > 0) {
      reasons.push_back("a better-matching offer of the same supplier is shortlisted");
    }
    if (reasons.empty() && s.shortlist.size() >= top) {
      reasons.push_back("ranked below the top " + std::to_string(top));
    }
    if (reasons.empty()) {
      auto entry = make_entry(engines, r, *offer, *supplier, f, buyer, pricing.date);
      if (entry.ok()) {
        entry->rank = static_cast<int>(s.shortlist.size()) + 1;
        suppliers_seen.insert(supplier->id);
        s.shortlist.push_back(std::move(*entry));
        continue;
      }
      reasons.push_back("no price: " + entry.status().message());
    }
    if (s.rejected.size() < kMaxRejected) {
      s.rejected.push_back({supplier->id, supplier->name, offer->id, r.title, std::move(reasons)});
    }
  }
  if (s.shortlist.empty() && s.rejected.empty()) s.rejected = std::move(unrelated);
  return detail::write_owned(context, kSourcingSection, to_json(s));
}

}  // namespace kontor::crew
