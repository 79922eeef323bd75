// Multilingual product search over a Catalog: a Xapian index (idf weights) of each product's titles
// in their own languages (Snowball stems per language, CJK unigrams + bigrams), English category
// path, Chinese category path and material, plus one concept term per trade-glossary concept a
// title names (in the title's declared language). A query is normalised and its language
// identified; glossary phrases, and inflections of them in the query's language ("toallas"),
// become concept terms (so "garrafa térmica" reaches "保温瓶" and "vacuum flask"); the product
// asked for weighs twice its material and attributes. Other words are stemmed in the query
// language and also translated to English through FreeDict. A matched term counts its idf once,
// however often a title repeats it; a concept the product's leaf category names, or a material
// its material attribute names, counts again. Filters run inside the match: a ship-from country,
// certification, MOQ or lead time that few products meet prunes the posting lists (boolean and
// threshold terms), and each candidate's offers are checked exactly (one offer meeting every
// filter, tier price ≤ target converted with dated FX). Products are numbered best supplier
// first, so among equally relevant listings the match keeps the better suppliers and can stop
// early. The final score blends text relevance with supplier quality and every result explains
// both parts and the translations that matched.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/dictionary.h"
#include "catalog/glossary.h"
#include "core/country.h"
#include "core/date.h"
#include "core/fx_rate.h"
#include "core/money.h"
#include "core/status.h"

namespace kontor::catalog {

// Dated FX seam: 1 `from` in `to` as of a date (e.g. wraps refdata::FxTable::rate).
using FxLookup = std::function<StatusOr<FxRate>(const Currency& from, const Currency& to, Date)>;

struct SearchQuery {
  std::string text;
  std::string lang;                         // "" = identify from the text
  std::int64_t quantity = 0;                // > 0: MOQ ≤ quantity and price at its tier
  std::optional<Money> max_unit_price;      // in the buyer's currency; needs an FxLookup
  std::vector<CountryCode> ship_from;       // any of these (empty: anywhere)
  std::vector<std::string> certifications;  // all of these, held by supplier or offer
  std::optional<int> max_lead_time_days;
  std::optional<Date> valid_on;  // offers whose validity ended before this day are left out
  Date fx_date = Date::from_ymd(2026, 1, 1).value();
  int limit = 10;
  bool include_demo = true;
};

// One query term and where it came from ("garrafa térmica" → concept vacuum_flask via the
// glossary; "garrafa" → "bottle" via freedict-por-eng).
struct QueryTerm {
  std::string term;    // the index term
  std::string source;  // the query words it came from
  std::string via;     // "query (pt)", "glossary vacuum_flask", "freedict-por-eng"
  double weight = 1.0;
};

struct SearchResult {
  std::string product_id;
  std::string offer_id;
  std::string title;
  std::string title_lang;
  std::vector<std::string> category_path;
  std::string supplier_id;
  std::string supplier_name;
  std::string supplier_country;
  std::optional<Money> tier_price;            // in the offer's currency at the query quantity
  std::optional<Money> tier_price_converted;  // in the buyer's currency
  std::string fx_note;                        // the rate and its date when converted
  std::vector<std::string> matched_terms;  // "保温瓶 ← garrafa térmica (glossary vacuum_flask, zh)"
  double text_score = 0;                   // idf weight relative to the best match, 0..1
  double quality_score = 0;                // supplier quality, 0..1
  double score = 0;
  std::string explanation;
  bool demo = false;
  std::size_t index = 0;  // position of the product in the catalog
};

struct SearchResponse {
  std::string query_lang;
  std::vector<QueryTerm> terms;
  std::vector<SearchResult> results;
  std::int64_t matches_estimated = 0;
};

struct IndexOptions {
  // "" = in memory only: nothing is written to disk (what --no-retention promises), rebuilt on
  // every start. A directory keeps a Xapian glass database there (see `reuse`).
  std::string directory;
  std::string freedict_directory;  // "" = $KONTOR_FREEDICT_DIR or /usr/share/dictd
  // Reopen the index already in `directory` when it was built from the same products and offers
  // (ids, titles, category paths, MOQ, lead times, certifications) by the same index format;
  // otherwise rebuild. For benchmarks and servers that restart over an unchanged catalog.
  bool reuse = false;
};

class SearchIndex {
 public:
  // Indexes every product of `catalog`, which must outlive the index.
  static StatusOr<std::unique_ptr<SearchIndex>> build(const Catalog& catalog,
                                                      const Glossary& glossary,
                                                      const IndexOptions& options = {});
  virtual ~SearchIndex() = default;
  // invalid_argument for an empty query or a price target without FX.
  virtual StatusOr<SearchResponse> search(const SearchQuery& query,
                                          const FxLookup& fx = nullptr) const = 0;
  // The analysed query alone (language, terms) — shared with the FTS5 comparison in bench/.
  virtual std::pair<std::string, std::vector<QueryTerm>> analyse(
      const SearchQuery& query) const = 0;
  // The index terms of one product (what analyse() terms are matched against), each repeated
  // as often as it counts in the product (its within-document frequency): the product's
  // analysed text, as the FTS5 comparison in bench/ indexes it.
  virtual std::vector<std::string> product_terms(const Product& product) const = 0;
};

// Supplier quality in 0..1 and its explanation (on-time rate, defects, verification, years,
// response time).
std::pair<double, std::string> supplier_quality(const Supplier& supplier);

nlohmann::json to_json(const SearchResponse& response);

}  // namespace kontor::catalog
