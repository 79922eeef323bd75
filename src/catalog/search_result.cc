// Supplier quality and the JSON form of search results (catalog/search.h).
#include <algorithm>
#include <cstdio>

#include "catalog/search.h"

namespace kontor::catalog {
namespace {

double to_double(const Decimal& d) {  // ranking only; never money
  return static_cast<double>(d.mantissa()) / static_cast<double>(pow10_mantissa(d.scale()));
}

nlohmann::json money_json(const std::optional<Money>& m) {
  if (!m) return nullptr;
  return {{"amount", m->amount().to_plain_string()},
          {"currency", std::string(m->currency().code())}};
}

}  // namespace

std::pair<double, std::string> supplier_quality(const Supplier& s) {
  double on_time = std::clamp((to_double(s.on_time_rate) - 0.8) / 0.2, 0.0, 1.0);
  double defects = std::clamp(1.0 - to_double(s.defect_rate) / 0.05, 0.0, 1.0);
  double verified = s.verification == Verification::kAudited    ? 1.0
                    : s.verification == Verification::kVerified ? 0.6
                                                                : 0.0;
  double years = std::min(s.years_in_business, 15) / 15.0;
  double response = 1.0 - std::min(s.response_hours, 48) / 48.0;
  double q = 0.35 * on_time + 0.25 * defects + 0.2 * verified + 0.1 * years + 0.1 * response;
  char buf[200];
  std::snprintf(buf, sizeof buf, "supplier: on-time %s, defects %s, %s, %d years, replies in %d h",
                s.on_time_rate.to_plain_string().c_str(), s.defect_rate.to_plain_string().c_str(),
                std::string(verification_name(s.verification)).c_str(), s.years_in_business,
                s.response_hours);
  return {q, buf};
}

nlohmann::json to_json(const SearchResponse& response) {
  nlohmann::json terms = nlohmann::json::array();
  for (const QueryTerm& t : response.terms) {
    terms.push_back({{"term", t.term}, {"source", t.source}, {"via", t.via}, {"weight", t.weight}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const SearchResult& r : response.results) {
    results.push_back(
        {{"product_id", r.product_id},
         {"offer_id", r.offer_id},
         {"title", r.title},
         {"title_lang", r.title_lang},
         {"category_path", r.category_path},
         {"supplier",
          {{"id", r.supplier_id}, {"name", r.supplier_name}, {"country", r.supplier_country}}},
         {"matched_terms", r.matched_terms},
         {"tier_price", money_json(r.tier_price)},
         {"tier_price_converted", money_json(r.tier_price_converted)},
         {"fx", r.fx_note},
         {"score", r.score},
         {"text_score", r.text_score},
         {"quality_score", r.quality_score},
         {"explanation", r.explanation},
         {"demo", r.demo}});
  }
  return {{"query_lang", response.query_lang},
          {"query_terms", terms},
          {"matches_estimated", response.matches_estimated},
          {"results", results}};
}

}  // namespace kontor::catalog
