// The Xapian side of catalog/search.h: building the index and running filtered queries.
#include <xapian.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <mutex>
#include <set>

#include "catalog/detail/analyzer.h"
#include "catalog/search.h"

namespace kontor::catalog {
namespace {

constexpr double kTextShare = 0.75;  // the rest of the score is supplier quality
// Supplier quality's part of the match weight: small enough never to reorder different text
// relevance, it only breaks ties — common in a marketplace, where many suppliers list the same
// product in the same words — in favour of the better supplier.
constexpr double kQualityTieBreak = 1e-6;

// Filter terms start with 'X' (index terms are lower case, concepts 'Q'). MOQ and lead time are
// cumulative threshold terms: XM500 says some offer's MOQ allows an order of 500, XL30 that
// some offer ships within 30 days. A boolean posting list prunes far faster than a value range.
const std::string kShipFromPrefix = "XC";       // XCCN
const std::string kCertificationPrefix = "XR";  // XRISO 9001
const std::string kNonDemoTerm = "XN";
const std::string kMoqPrefix = "XM";
const std::string kLeadTimePrefix = "XL";
constexpr std::array<std::int64_t, 19> kQuantitySteps = {
    1,    2,    5,     10,    20,    50,     100,    200,    500,    1000,
    2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000};
constexpr std::array<std::int64_t, 15> kLeadTimeSteps = {1,  2,  3,  5,  7,   10,  14, 21,
                                                         30, 45, 60, 90, 120, 180, 365};
// Bump when the terms or values of a document change: a kept index is then rebuilt.
constexpr std::string_view kIndexFormat = "kontor-search-7";
const std::string kFingerprintKey = "kontor.catalog_fingerprint";

// The threshold term a query's limit needs: the smallest step at or above it, so every product
// within the limit carries it (a necessary condition; the offers are checked exactly after).
template <std::size_t N>
std::optional<std::string> threshold_term(const std::string& prefix,
                                          const std::array<std::int64_t, N>& steps,
                                          std::int64_t limit) {
  auto step = std::lower_bound(steps.begin(), steps.end(), limit);
  if (step == steps.end()) return std::nullopt;
  return prefix + std::to_string(*step);
}

// Every threshold a product's lowest value meets.
template <std::size_t N>
void add_threshold_terms(const std::string& prefix, const std::array<std::int64_t, N>& steps,
                         std::int64_t lowest, Xapian::Document& doc) {
  for (std::int64_t step : steps) {
    if (step >= lowest) doc.add_boolean_term(prefix + std::to_string(step));
  }
}

// Supplier quality as a tie-breaking weight, read off the docid: documents are numbered best
// supplier first, so the upper bound falls as the match advances and Xapian stops once no later
// document can displace one it keeps, instead of scoring every copy of a tied listing.
class QualityTieBreak final : public Xapian::PostingSource {
 public:
  explicit QualityTieBreak(const std::vector<double>& quality_by_docid)
      : quality_(quality_by_docid) {}
  void init(const Xapian::Database&) override {
    docid_ = 0;
    set_maxweight(quality_.empty() ? 0 : weight(1));
  }
  Xapian::doccount get_termfreq_min() const override { return count(); }
  Xapian::doccount get_termfreq_est() const override { return count(); }
  Xapian::doccount get_termfreq_max() const override { return count(); }
  void next(double) override { move_to(docid_ + 1); }
  void skip_to(Xapian::docid did, double) override { move_to(std::max(did, docid_)); }
  bool at_end() const override { return docid_ > count(); }
  Xapian::docid get_docid() const override { return docid_; }
  double get_weight() const override { return weight(docid_); }
  PostingSource* clone() const override { return new QualityTieBreak(quality_); }
  std::string name() const override { return "kontor.QualityTieBreak"; }

 private:
  Xapian::doccount count() const { return static_cast<Xapian::doccount>(quality_.size()); }
  double weight(Xapian::docid did) const { return kQualityTieBreak * quality_[did - 1]; }
  void move_to(Xapian::docid did) {
    docid_ = did;
    if (!at_end()) set_maxweight(weight(docid_));  // no later document has a better supplier
  }
  const std::vector<double>& quality_;
  Xapian::docid docid_ = 0;
};

// A matched term weighs its idf, log(N / termfreq), times the query term's weight, once —
// whatever its wdf: TfIdfWeight("btn") by another name, with the logarithm taken once per term
// and query instead of per document and per bound (the match asks for both at every candidate
// and at every fall of QualityTieBreak's bound: a tenth of a query's time at 1M products).
class IdfWeight final : public Xapian::Weight {
 public:
  IdfWeight() {
    need_stat(TERMFREQ);
    need_stat(COLLECTION_SIZE);
  }
  void init(double factor) override {
    const double n = static_cast<double>(get_collection_size());
    const double tf = static_cast<double>(get_termfreq());
    weight_ = factor == 0 || tf == 0 ? 0 : factor * get_wqf() * std::log(n / tf);
  }
  Weight* clone() const override { return new IdfWeight; }
  std::string name() const override { return "kontor.IdfWeight"; }
  double get_sumpart(Xapian::termcount, Xapian::termcount, Xapian::termcount) const override {
    return weight_;  // the document is on the term's posting list: it holds the term
  }
  double get_maxpart() const override { return weight_; }
  double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
  double get_maxextra() const override { return 0; }

 private:
  double weight_ = 0;
};

// What one query's filters need, compiled once: FX rates per offer currency, looked up
// before the match so the decider only multiplies.
struct Filters {
  const SearchQuery* query = nullptr;
  std::map<std::string, std::optional<FxRate>, std::less<>> rates;

  // True when some offer could be rejected: without that the match needs no decider.
  bool active() const {
    const SearchQuery& q = *query;
    return !q.include_demo || !q.ship_from.empty() || !q.certifications.empty() ||
           q.max_lead_time_days || q.quantity > 0 || q.max_unit_price || q.valid_on;
  }

  // The offer's tier price (and converted price) when it passes every filter.
  bool passes(const Offer& offer, const Supplier& supplier, Money* price, Money* converted) const {
    const SearchQuery& q = *query;
    if (!q.include_demo && offer.demo) return false;
    if (q.valid_on && offer.valid_until < *q.valid_on) return false;
    if (!q.ship_from.empty() &&
        std::find(q.ship_from.begin(), q.ship_from.end(), supplier.country) == q.ship_from.end()) {
      return false;
    }
    for (const std::string& cert : q.certifications) {
      auto has = [&](const std::vector<std::string>& v) {
        return std::find(v.begin(), v.end(), cert) != v.end();
      };
      if (!has(supplier.certifications) && !has(offer.certifications)) return false;
    }
    if (q.max_lead_time_days && offer.lead_time_days > *q.max_lead_time_days) return false;
    std::int64_t quantity = q.quantity > 0 ? q.quantity : offer.moq;
    if (quantity < offer.moq) return false;  // before unit_price, which composes an error text
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

// The necessary conditions of the filters as boolean terms, to AND with the text query (none
// when there are no filters).
std::vector<Xapian::Query> filter_terms(const SearchQuery& q) {
  std::vector<Xapian::Query> all;
  if (!q.ship_from.empty()) {
    std::vector<Xapian::Query> any;
    for (const CountryCode& c : q.ship_from)
      any.emplace_back(kShipFromPrefix + std::string(c.code()));
    all.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  for (const std::string& c : q.certifications) all.emplace_back(kCertificationPrefix + c);
  if (!q.include_demo) all.emplace_back(kNonDemoTerm);
  if (q.quantity > 0) {
    if (auto term = threshold_term(kMoqPrefix, kQuantitySteps, q.quantity)) all.emplace_back(*term);
  }
  if (q.max_lead_time_days) {
    if (auto term = threshold_term(kLeadTimePrefix, kLeadTimeSteps, *q.max_lead_time_days))
      all.emplace_back(*term);
  }
  return all;
}

class XapianSearchIndex;

class OfferDecider : public Xapian::MatchDecider {
 public:
  OfferDecider(const XapianSearchIndex& index, const Filters& filters)
      : index_(index), filters_(filters) {}
  bool operator()(const Xapian::Document& doc) const override;

 private:
  const XapianSearchIndex& index_;
  const Filters& filters_;
};

class XapianSearchIndex final : public SearchIndex {
 public:
  XapianSearchIndex(const Catalog& catalog, const Glossary& glossary, const IndexOptions& options)
      : catalog_(catalog),
        glossary_(glossary),
        dictionaries_(options.freedict_directory),
        analyzer_(glossary, dictionaries_) {}
  Status build(const IndexOptions& options) {
    directory_ = options.directory;
    link_offers();
    const std::string fingerprint = catalog_fingerprint();
    try {
      if (options.reuse && !directory_.empty() && open_existing(fingerprint)) return ok_status();
      Xapian::WritableDatabase db =
          directory_.empty() ? Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)
                             : Xapian::WritableDatabase(directory_, Xapian::DB_CREATE_OR_OVERWRITE |
                                                                        Xapian::DB_BACKEND_GLASS);
      const auto& products = catalog_.products();
      for (std::size_t d = 0; d < product_at_.size(); ++d) {
        const std::size_t i = product_at_[d];
        Xapian::Document doc;
        for (const detail::WeightedTerm& t : analyzer_.product_terms(products[i])) {
          doc.add_term(t.term, static_cast<Xapian::termcount>(t.wdf));
        }
        add_filter_terms(i, doc);
        db.add_document(doc);  // docid d + 1: the database is new and docids count from 1
        if ((d + 1) % 200000 == 0) db.commit();
      }
      db.set_metadata(kFingerprintKey, fingerprint);
      db.commit();
      if (directory_.empty()) {
        database_ = std::make_unique<Xapian::Database>(db);  // the in-memory database itself
      } else {
        db.close();
        database_ = std::make_unique<Xapian::Database>(directory_);
      }
    } catch (const Xapian::Error& e) {
      return internal_error("search index " + (directory_.empty() ? "(in memory)" : directory_) +
                            ": " + e.get_description());
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
    for (const detail::WeightedTerm& t : analyzer_.product_terms(product)) {
      for (int n = 0; n < t.wdf; ++n) out.push_back(t.term);
    }
    return out;
  }

  std::size_t product_at(Xapian::docid docid) const { return product_at_[docid - 1]; }

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
  // Boolean terms that let Xapian skip products no offer of which can pass a filter, inside the
  // posting lists: ship-from country, certification (supplier's or offer's), a non-demo offer,
  // and the thresholds the lowest MOQ and lead time meet. Each is a necessary condition only;
  // the decider still checks that one offer meets them all.
  void add_filter_terms(std::size_t index, Xapian::Document& doc) const {
    std::int64_t moq = std::numeric_limits<std::int64_t>::max();
    int lead = std::numeric_limits<int>::max();
    for (std::uint32_t o : offers_of_[index]) {
      const Offer& offer = catalog_.offers()[o];
      const Supplier& supplier = *supplier_of_[o];
      doc.add_boolean_term(kShipFromPrefix + std::string(supplier.country.code()));
      for (const std::string& c : supplier.certifications)
        doc.add_boolean_term(kCertificationPrefix + c);
      for (const std::string& c : offer.certifications)
        doc.add_boolean_term(kCertificationPrefix + c);
      if (!offer.demo) doc.add_boolean_term(kNonDemoTerm);
      moq = std::min(moq, offer.moq);
      lead = std::min(lead, offer.lead_time_days);
    }
    if (offers_of_[index].empty()) return;
    add_threshold_terms(kMoqPrefix, kQuantitySteps, moq, doc);
    add_threshold_terms(kLeadTimePrefix, kLeadTimeSteps, lead, doc);
  }

  // The same products, offers and index format: an index kept on disk can be reopened.
  std::string catalog_fingerprint() const {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    auto mix = [&h](std::string_view s) {
      for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
      h = (h ^ 0xFF) * 1099511628211ull;
    };
    mix(kIndexFormat);
    for (const Product& p : catalog_.products()) {
      mix(p.id);
      for (const LocalizedText& t : p.titles) mix(t.text);
      for (const std::string& c : p.category_path) mix(c);
    }
    for (const Offer& o : catalog_.offers()) {
      mix(o.id);
      mix(o.supplier_id);
      mix(std::to_string(o.moq) + "/" + std::to_string(o.lead_time_days));
      for (const std::string& c : o.certifications) mix(c);
    }
    // The glossary's concepts and terms: a concept term of every product may change with them.
    for (const GlossaryConcept& c : glossary_.concepts()) {
      mix(c.id);
      mix(c.kind);
      for (const auto& [lang, terms] : c.terms) {
        mix(lang);
        for (const std::string& t : terms) mix(t);
      }
    }
    // The analysis of the first products, so that an index whose terms an older analyser wrote
    // is rebuilt even if kIndexFormat was not bumped.
    const std::size_t sample = std::min<std::size_t>(catalog_.products().size(), 100);
    for (std::size_t i = 0; i < sample; ++i) {
      for (const detail::WeightedTerm& t : analyzer_.product_terms(catalog_.products()[i]))
        mix(t.term + "/" + std::to_string(t.wdf));
    }
    // The docid order follows supplier quality, which supplier profiles can change.
    mix(std::string_view(reinterpret_cast<const char*>(product_at_.data()),
                         product_at_.size() * sizeof(product_at_[0])));
    return std::to_string(catalog_.products().size()) + ":" + std::to_string(h);
  }

  // False (rebuild) when there is no index, another catalog's or an unreadable one.
  bool open_existing(const std::string& fingerprint) {
    if (!std::filesystem::exists(std::filesystem::path(directory_) / "iamglass")) return false;
    try {
      auto db = std::make_unique<Xapian::Database>(directory_);
      if (db->get_metadata(kFingerprintKey) != fingerprint) return false;
      database_ = std::move(db);
      return true;
    } catch (const Xapian::Error&) {
      return false;
    }
  }

  void link_offers() {
    std::map<std::string_view, std::size_t> product_index;
    for (std::size_t i = 0; i < catalog_.products().size(); ++i)
      product_index[catalog_.products()[i].id] = i;
    offers_of_.assign(catalog_.products().size(), {});
    supplier_of_.clear();
    quality_of_offer_.clear();
    std::map<const Supplier*, double> quality;
    for (std::size_t o = 0; o < catalog_.offers().size(); ++o) {
      const Offer& offer = catalog_.offers()[o];
      supplier_of_.push_back(catalog_.supplier(offer.supplier_id));
      const Supplier* supplier = supplier_of_.back();
      auto known = quality.find(supplier);
      if (known == quality.end()) {
        known = quality.emplace(supplier, supplier ? supplier_quality(*supplier).first : 0.0).first;
      }
      quality_of_offer_.push_back(known->second);
      auto p = product_index.find(offer.product_id);
      if (p != product_index.end() && supplier_of_.back() != nullptr) {
        offers_of_[p->second].push_back(static_cast<std::uint32_t>(o));
      }
      currencies_.insert(std::string(offer.currency.code()));
    }
    every_product_offered_ = std::none_of(offers_of_.begin(), offers_of_.end(),
                                          [](const auto& offers) { return offers.empty(); });
    number_by_quality();
  }

  // Docids best supplier first (a product's best offer; catalog order among equals), which
  // QualityTieBreak relies on.
  void number_by_quality() {
    const std::size_t n = catalog_.products().size();
    std::vector<double> best(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::uint32_t o : offers_of_[i]) best[i] = std::max(best[i], quality_of_offer_[o]);
    }
    product_at_.resize(n);
    for (std::size_t i = 0; i < n; ++i) product_at_[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(product_at_.begin(), product_at_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return best[a] > best[b]; });
    docid_of_.resize(n);
    quality_by_docid_.resize(n);
    for (std::size_t d = 0; d < n; ++d) {
      docid_of_[product_at_[d]] = static_cast<Xapian::docid>(d + 1);
      quality_by_docid_[d] = best[product_at_[d]];
    }
  }

  Status compile_filters(const SearchQuery& query, const FxLookup& fx, Filters& filters) const;
  Xapian::Query selective_filter(const SearchQuery& query) const;
  struct Candidate {
    std::size_t index = 0, offer = 0;  // product, offer
    double weight = 0, text_score = 0, score = 0;
    Money price, converted;
  };
  std::vector<SearchResult> rank(const Xapian::MSet& mset, const Filters& filters,
                                 std::size_t limit) const;
  SearchResult make_result(const Candidate& c, double best_weight, const Filters& filters) const;
  void explain_matches(const std::map<std::string, std::vector<const QueryTerm*>>& sources,
                       std::vector<SearchResult>& results) const;

  const Catalog& catalog_;
  const Glossary& glossary_;
  DictionaryShelf dictionaries_;
  mutable detail::Analyzer analyzer_;
  mutable std::mutex mutex_;  // Xapian::Database and the analyzer's caches are single-threaded
  std::unique_ptr<Xapian::Database> database_;
  std::string directory_;
  std::vector<std::vector<std::uint32_t>> offers_of_;
  bool every_product_offered_ = false;
  std::vector<const Supplier*> supplier_of_;
  std::vector<double> quality_of_offer_;   // its supplier's quality score
  std::vector<std::uint32_t> product_at_;  // docid - 1 → product index
  std::vector<Xapian::docid> docid_of_;    // product index → docid
  std::vector<double> quality_by_docid_;   // docid - 1 → its product's best supplier quality
  std::set<std::string> currencies_;
};

bool OfferDecider::operator()(const Xapian::Document& doc) const {
  std::size_t offer;
  Money price, converted;
  return index_.best_offer(index_.product_at(doc.get_docid()), filters_, &offer, &price,
                           &converted);
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
    if (!fx)
      return invalid_argument("max_unit_price: a price target in another currency needs FX rates");
    StatusOr<FxRate> rate = fx(from, query.max_unit_price->currency(), query.fx_date);
    filters.rates[code] = rate.ok() ? std::optional<FxRate>(*rate) : std::nullopt;
  }
  return ok_status();
}

// The filter terms worth intersecting with the text's matches: those that most products fail
// (a ship-from country, a certification). One that most products meet (MOQ <= 500 is met by
// nine in ten) is left to the decider, which checks every offer anyway: intersecting with it
// would read a posting list of most of the catalog to reject few matches.
Xapian::Query XapianSearchIndex::selective_filter(const SearchQuery& query) const {
  std::vector<Xapian::Query> kept;
  const Xapian::doccount half = database_->get_doccount() / 2;
  for (Xapian::Query& term : filter_terms(query)) {
    Xapian::doccount passing = 0;
    for (auto t = term.get_unique_terms_begin(); t != term.get_unique_terms_end(); ++t)
      passing += database_->get_termfreq(*t);
    if (passing <= half) kept.push_back(std::move(term));
  }
  if (kept.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, kept.begin(), kept.end());
}

StatusOr<SearchResponse> XapianSearchIndex::search(const SearchQuery& query,
                                                   const FxLookup& fx) const {
  if (query.text.find_first_not_of(" \t") == std::string::npos)
    return invalid_argument("query: empty");
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
    Xapian::Query text(Xapian::Query::OP_OR, parts.begin(), parts.end());
    QualityTieBreak quality(quality_by_docid_);
    Xapian::Query ranked(Xapian::Query::OP_AND_MAYBE, text, Xapian::Query(&quality));
    Xapian::Query filter = selective_filter(query);
    enquire.set_query(filter.empty() ? ranked
                                     : Xapian::Query(Xapian::Query::OP_FILTER, ranked, filter));
    // A matched term counts its idf, scaled by the query term's weight, once: the fields that
    // matter are separate terms (a concept in the title, and in the category: Analyzer), and
    // titles repeat keywords to game frequency. Such weights are exact upper bounds that many
    // documents reach, so Xapian prunes, and QualityTieBreak lets it stop.
    enquire.set_weighting_scheme(IdfWeight());
    // The decider checks offers exactly; with no filter every offered product passes.
    OfferDecider decider(*this, filters);
    const bool decide = filters.active() || !every_product_offered_;
    Xapian::doccount pool = static_cast<Xapian::doccount>(std::max(query.limit * 3, 60));
    Xapian::MSet mset = enquire.get_mset(0, pool, 0, nullptr, decide ? &decider : nullptr);
    response.matches_estimated = mset.get_matches_estimated();
    response.results = rank(mset, filters, static_cast<std::size_t>(query.limit));
    explain_matches(sources, response.results);
  } catch (const Xapian::Error& e) {
    return internal_error("search: " + e.get_description());
  }
  return response;
}

// Scores every pooled match (text relevance blended with the supplier quality computed at build
// time) and turns only the `limit` best into results: the strings of a result cost more than
// its score.
std::vector<SearchResult> XapianSearchIndex::rank(const Xapian::MSet& mset, const Filters& filters,
                                                  std::size_t limit) const {
  std::vector<Candidate> candidates;
  candidates.reserve(mset.size());
  double best = 0;  // the best text weight (without the quality tie-break)
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    Candidate c;
    c.index = product_at(*it);
    if (!best_offer(c.index, filters, &c.offer, &c.price, &c.converted)) continue;
    c.weight = it.get_weight() - kQualityTieBreak * quality_by_docid_[*it - 1];
    best = std::max(best, c.weight);
    candidates.push_back(std::move(c));
  }
  for (Candidate& c : candidates) {
    c.text_score = best > 0 ? c.weight / best : 0;
    c.score = kTextShare * c.text_score + (1 - kTextShare) * quality_of_offer_[c.offer];
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (candidates.size() > limit) candidates.resize(limit);
  std::vector<SearchResult> out;
  out.reserve(candidates.size());
  for (const Candidate& c : candidates) out.push_back(make_result(c, best, filters));
  return out;
}

SearchResult XapianSearchIndex::make_result(const Candidate& c, double best_weight,
                                            const Filters& filters) const {
  const Product& product = catalog_.products()[c.index];
  const Offer& offer = catalog_.offers()[c.offer];
  const Supplier& supplier = *supplier_of_[c.offer];
  SearchResult r;
  r.index = c.index;
  r.product_id = product.id;
  r.offer_id = offer.id;
  r.title = product.title();
  r.title_lang = product.titles.empty() ? "" : product.titles.front().lang;
  r.category_path = product.category_path;
  r.supplier_id = supplier.id;
  r.supplier_name = supplier.name;
  r.supplier_country = std::string(supplier.country.code());
  r.tier_price = c.price;
  if (filters.query->max_unit_price) {
    r.tier_price_converted = c.converted;
    const FxRate& rate = *filters.rates.at(std::string(offer.currency.code()));
    r.fx_note = "1 " + std::string(rate.from.code()) + " = " + rate.rate.to_plain_string() + " " +
                std::string(rate.to.code()) + " on " + rate.date.to_string();
  }
  r.text_score = c.text_score;
  auto [quality, why] = supplier_quality(supplier);
  r.quality_score = quality;
  r.score = c.score;
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "text %.3f (idf %.2f of best %.2f) x %.2f + supplier %.3f x %.2f = %.3f; ",
                r.text_score, c.weight, best_weight, kTextShare, quality, 1 - kTextShare, r.score);
  r.explanation = buf + why;
  r.demo = product.demo;
  return r;
}

// The query terms each result holds, read from its term list (sorted, like `sources`), and how
// each met the product; a product's titles are matched against the glossary once for all its
// concept terms.
void XapianSearchIndex::explain_matches(
    const std::map<std::string, std::vector<const QueryTerm*>>& sources,
    std::vector<SearchResult>& results) const {
  for (SearchResult& r : results) {
    std::vector<std::pair<std::string, std::string>> concepts;  // concept id, query words
    const Xapian::docid docid = docid_of_[r.index];
    auto source = sources.begin();
    for (Xapian::TermIterator t = database_->termlist_begin(docid);
         t != database_->termlist_end(docid) && source != sources.end(); ++t) {
      const std::string term = *t;
      while (source != sources.end() && source->first < term) ++source;
      if (source == sources.end() || source->first != term) continue;
      const QueryTerm* first = source->second.front();
      if (term[0] == detail::kConceptPrefix) {
        concepts.emplace_back(term.substr(1), first->source);
      } else if (term[0] == detail::kCategoryConceptPrefix) {
        std::string line = "[";
        line.append(term, 1).append("] in the category or material ← ").append(first->source);
        r.matched_terms.push_back(std::move(line));
      } else {
        r.matched_terms.push_back(term + " ← " + first->source + " (" + first->via + ")");
      }
    }
    if (concepts.empty()) continue;
    std::vector<std::string> explained =
        analyzer_.explain_concepts(catalog_.products()[r.index], concepts);
    r.matched_terms.insert(r.matched_terms.begin(), explained.begin(), explained.end());
  }
}
}  // namespace

StatusOr<std::unique_ptr<SearchIndex>> SearchIndex::build(const Catalog& catalog,
                                                          const Glossary& glossary,
                                                          const IndexOptions& options) {
  auto index = std::make_unique<XapianSearchIndex>(catalog, glossary, options);
  RETURN_IF_ERROR(index->build(options));
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace kontor::catalog
