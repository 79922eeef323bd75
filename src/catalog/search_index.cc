// The Xapian side of catalog/search.h: building the index and running filtered queries.
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "catalog/detail/analyzer.h"
#include "catalog/search.h"

namespace kontor::catalog {
namespace {

constexpr double kTextShare = 0.75;  // the rest of the score is supplier quality

// What one query's filters need, compiled once: FX rates per offer currency, looked up
// before the match so the decider only multiplies.
struct Filters {
  const SearchQuery* query = nullptr;
  std::map<std::string, std::optional<FxRate>, std::less<>> rates;

  // The offer's tier price (and converted price) when it passes every filter.
  bool passes(const Offer& offer, const Supplier& supplier, Money* price, Money* converted) const {
    const SearchQuery& q = *query;
    if (!q.include_demo && offer.demo) return false;
    if (!q.ship_from.empty() &&
        std::find(q.ship_from.begin(), q.ship_from.end(), supplier.country) == q.ship_from.end()) {
      return false;
    }
    for (const std::string& cert : q.certifications) {
      auto has = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), cert) != v.end(); };
      if (!has(supplier.certifications) && !has(offer.certifications)) return false;
    }
    if (q.max_lead_time_days && offer.lead_time_days > *q.max_lead_time_days) return false;
    std::int64_t quantity = q.quantity > 0 ? q.quantity : offer.moq;
    StatusOr<Money> unit = offer.unit_price(quantity);
    if (!unit.ok()) return false;
    *price = *unit;
    if (!q.max_unit_price) return true;
    auto rate = rates.find(offer.currency.code());
    if (rate == rates.end() || !rate->second) return false;
    *converted = convert(*unit, *rate->second);
    return converted->amount() <= q.max_unit_price->amount();
  }
};

class XapianSearchIndex;

class OfferDecider : public Xapian::MatchDecider {
 public:
  OfferDecider(const XapianSearchIndex& index, const Filters& filters) : index_(index), filters_(filters) {}
  bool operator()(const Xapian::Document& doc) const override;

 private:
  const XapianSearchIndex& index_;
  const Filters& filters_;
};

class XapianSearchIndex final : public SearchIndex {
 public:
  XapianSearchIndex(const Catalog& catalog, const Glossary& glossary, const IndexOptions& options)
      : catalog_(catalog), dictionaries_(options.freedict_directory), analyzer_(glossary, dictionaries_) {}
  ~XapianSearchIndex() override {
    database_.reset();
    if (owns_directory_) {
      std::error_code ec;
      std::filesystem::remove_all(directory_, ec);
    }
  }

  Status build(const IndexOptions& options) {
    directory_ = options.directory;
    if (directory_.empty()) {
      std::string pattern = (std::filesystem::temp_directory_path() / "kontor-search-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) return unavailable("cannot create a temporary index directory");
      directory_ = pattern;
      owns_directory_ = true;
    }
    link_offers();
    try {
      Xapian::WritableDatabase db(directory_, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
      const auto& products = catalog_.products();
      for (std::size_t i = 0; i < products.size(); ++i) {
        Xapian::Document doc;
        for (const detail::WeightedTerm& t : analyzer_.product_terms(products[i])) {
          doc.add_term(t.term, static_cast<Xapian::termcount>(t.wdf));
        }
        db.replace_document(static_cast<Xapian::docid>(i + 1), doc);
        if ((i + 1) % 200000 == 0) db.commit();
      }
      db.commit();
      db.close();
      database_ = std::make_unique<Xapian::Database>(directory_);
    } catch (const Xapian::Error& e) {
      return internal_error("search index " + directory_ + ": " + e.get_description());
    }
    return ok_status();
  }

  StatusOr<SearchResponse> search(const SearchQuery& query, const FxLookup& fx) const override;

  std::pair<std::string, std::vector<QueryTerm>> analyse(const SearchQuery& query) const override {
    return analyzer_.analyse(query);
  }
  std::vector<std::string> product_terms(const Product& product) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> out;
    for (const detail::WeightedTerm& t : analyzer_.product_terms(product)) out.push_back(t.term);
    return out;
  }

  // The offer of product `index` that passes the filters with the lowest converted price.
  bool best_offer(std::size_t index, const Filters& filters, std::size_t* offer, Money* price,
                  Money* converted) const {
    bool found = false;
    for (std::uint32_t o : offers_of_[index]) {
      Money p, c;
      if (!filters.passes(catalog_.offers()[o], *supplier_of_[o], &p, &c)) continue;
      if (!found || (filters.query->max_unit_price && c.amount() < converted->amount())) {
        *offer = o, *price = p, *converted = c, found = true;
      }
    }
    return found;
  }

 private:
  void link_offers() {
    std::map<std::string_view, std::size_t> product_index;
    for (std::size_t i = 0; i < catalog_.products().size(); ++i) product_index[catalog_.products()[i].id] = i;
    offers_of_.assign(catalog_.products().size(), {});
    supplier_of_.clear();
    for (std::size_t o = 0; o < catalog_.offers().size(); ++o) {
      const Offer& offer = catalog_.offers()[o];
      supplier_of_.push_back(catalog_.supplier(offer.supplier_id));
      auto p = product_index.find(offer.product_id);
      if (p != product_index.end() && supplier_of_.back() != nullptr) {
        offers_of_[p->second].push_back(static_cast<std::uint32_t>(o));
      }
      currencies_.insert(std::string(offer.currency.code()));
    }
  }

  Status compile_filters(const SearchQuery& query, const FxLookup& fx, Filters& filters) const;
  SearchResult make_result(const Xapian::MSetIterator& it, double best_weight, const Filters& filters,
                           const std::map<std::string, std::vector<const QueryTerm*>>& sources) const;

  const Catalog& catalog_;
  DictionaryShelf dictionaries_;
  mutable detail::Analyzer analyzer_;
  mutable std::mutex mutex_;  // Xapian::Database and the analyzer's caches are single-threaded
  std::unique_ptr<Xapian::Database> database_;
  std::string directory_;
  bool owns_directory_ = false;
  std::vector<std::vector<std::uint32_t>> offers_of_;
  std::vector<const Supplier*> supplier_of_;
  std::set<std::string> currencies_;
};

bool OfferDecider::operator()(const Xapian::Document& doc) const {
  std::size_t offer;
  Money price, converted;
  return index_.best_offer(doc.get_docid() - 1, filters_, &offer, &price, &converted);
}

Status XapianSearchIndex::compile_filters(const SearchQuery& query, const FxLookup& fx,
                                          Filters& filters) const {
  filters.query = &query;
  if (!query.max_unit_price) return ok_status();
  for (const std::string& code : currencies_) {
    Currency from = currency_from_code(code).value();
    if (from == query.max_unit_price->currency()) {
      FxRate identity;
      identity.from = identity.to = from;
      identity.rate = Decimal(1);
      identity.date = query.fx_date;
      filters.rates[code] = identity;
      continue;
    }
    if (!fx) return invalid_argument("max_unit_price: a price target in another currency needs FX rates");
    StatusOr<FxRate> rate = fx(from, query.max_unit_price->currency(), query.fx_date);
    filters.rates[code] = rate.ok() ? std::optional<FxRate>(*rate) : std::nullopt;
  }
  return ok_status();
}


StatusOr<SearchResponse> XapianSearchIndex::search(const SearchQuery& query, const FxLookup& fx) const {
  if (query.text.find_first_not_of(" \t") == std::string::npos) return invalid_argument("query: empty");
  if (query.limit < 1) return invalid_argument("limit: must be at least 1");
  Filters filters;
  RETURN_IF_ERROR(compile_filters(query, fx, filters));
  std::lock_guard<std::mutex> lock(mutex_);
  SearchResponse response;
  auto [lang, terms] = analyzer_.analyse(query);
  response.query_lang = lang;
  response.terms = terms;
  std::map<std::string, double> weights;
  std::map<std::string, std::vector<const QueryTerm*>> sources;
  for (const QueryTerm& t : response.terms) {
    weights[t.term] = std::max(weights[t.term], t.weight);
    sources[t.term].push_back(&t);
  }
  std::vector<Xapian::Query> parts;
  for (const auto& [term, weight] : weights) {
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), weight);
  }
  if (parts.empty()) return response;
  try {
    Xapian::Enquire enquire(*database_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    OfferDecider decider(*this, filters);
    Xapian::doccount pool = static_cast<Xapian::doccount>(std::max(query.limit * 3, 60));
    Xapian::MSet mset = enquire.get_mset(0, pool, 0, nullptr, &decider);
    response.matches_estimated = mset.get_matches_estimated();
    double best = mset.empty() ? 1.0 : mset.begin().get_weight();
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      response.results.push_back(make_result(it, best, filters, sources));
    }
    std::stable_sort(response.results.begin(), response.results.end(),
                     [](const SearchResult& a, const SearchResult& b) { return a.score > b.score; });
    if (response.results.size() > static_cast<std::size_t>(query.limit)) {
      response.results.resize(static_cast<std::size_t>(query.limit));
    }
    // Explaining the match costs glossary lookups: only for the results returned.
    for (SearchResult& r : response.results) {
      Xapian::docid docid = static_cast<Xapian::docid>(r.index + 1);
      for (auto t = enquire.get_matching_terms_begin(docid); t != enquire.get_matching_terms_end(docid); ++t) {
        const std::string term = *t;
        const QueryTerm* first = sources[term].front();
        if (term[0] == detail::kConceptPrefix) {
          r.matched_terms.push_back(analyzer_.explain_concept(catalog_.products()[r.index], term.substr(1), first->source));
        } else {
          r.matched_terms.push_back(term + " ← " + first->source + " (" + first->via + ")");
        }
      }
    }
  } catch (const Xapian::Error& e) {
    return internal_error("search: " + e.get_description());
  }
  return response;
}

SearchResult XapianSearchIndex::make_result(
    const Xapian::MSetIterator& it, double best_weight, const Filters& filters,
    const std::map<std::string, std::vector<const QueryTerm*>>& /*sources*/) const {
  std::size_t index = *it - 1, offer_index = 0;
  Money price, converted;
  best_offer(index, filters, &offer_index, &price, &converted);
  const Product& product = catalog_.products()[index];
  const Offer& offer = catalog_.offers()[offer_index];
  const Supplier& supplier = *supplier_of_[offer_index];
  SearchResult r;
  r.index = index;
  r.product_id = product.id;
  r.offer_id = offer.id;
  r.title = product.title();
  r.title_lang = product.titles.empty() ? "" : product.titles.front().lang;
  r.category_path = product.category_path;
  r.supplier_id = supplier.id;
  r.supplier_name = supplier.name;
  r.supplier_country = std::string(supplier.country.code());
  r.tier_price = price;
  if (filters.query->max_unit_price) {
    r.tier_price_converted = converted;
    const FxRate& rate = *filters.rates.at(std::string(offer.currency.code()));
    r.fx_note = "1 " + std::string(rate.from.code()) + " = " + rate.rate.to_plain_string() + " " +
                std::string(rate.to.code()) + " on " + rate.date.to_string();
  }
  r.text_score = best_weight > 0 ? it.get_weight() / best_weight : 0;
  auto [quality, why] = supplier_quality(supplier);
  r.quality_score = quality;
  r.score = kTextShare * r.text_score + (1 - kTextShare) * quality;
  char buf[160];
  std::snprintf(buf, sizeof buf, "text %.3f (BM25 %.2f of best %.2f) x %.2f + supplier %.3f x %.2f = %.3f; ",
                r.text_score, it.get_weight(), best_weight, kTextShare, quality, 1 - kTextShare, r.score);
  r.explanation = buf + why;
  r.demo = product.demo;
  return r;
}
}  // namespace

StatusOr<std::unique_ptr<SearchIndex>> SearchIndex::build(const Catalog& catalog, const Glossary& glossary,
                                                          const IndexOptions& options) {
  auto index = std::make_unique<XapianSearchIndex>(catalog, glossary, options);
  RETURN_IF_ERROR(index->build(options));
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace kontor::catalog
