// CatalogSearch: what `kontor search` needs in one object — the catalog (the imported one, or
// the demo marketplace when nothing was imported), the trade glossary and the search index —
// plus the small parsers the CLI flags need. The lead's CLI:
//   auto search = CatalogSearch::open(store.get(), {});        // demo when the store is empty
//   SearchQuery q{.text = "garrafa térmica de aço inox", .quantity = 2000};
//   q.max_unit_price = parse_price_target("4.50EUR").value();
//   auto r = (*search)->search(q, fx_lookup(reference_data.fx()));
//   std::cout << to_json(*r).dump(2);
#pragma once

#include <memory>
#include <string_view>

#include "catalog/demo_marketplace.h"
#include "catalog/search.h"
#include "refdata/fx.h"
#include "store/store.h"

namespace kontor::catalog {

class CatalogSearch {
 public:
  // `store` may be null (demo marketplace). Building the index takes about 0.4 ms per product.
  static StatusOr<std::unique_ptr<CatalogSearch>> open(store::Store* store,
                                                       const DemoOptions& demo = {},
                                                       const IndexOptions& index = {});
  // As open(), with the search index kept in the cache folder `cache_dir`
  // (core/cache_folder.h) as "search-index-<key>", the key a digest of the program, the catalog
  // (every product, offer and supplier field the index reads), the glossary and the index layout:
  // reopened when it is there (about 10 ms instead of about 0.1 ms per product), else built in
  // a private folder and published by renaming it, so a concurrent or killed process never
  // leaves half an index that another trusts; entries of other keys are removed. A cache that
  // cannot be read or written falls back to an index in memory: never an error of its own.
  static StatusOr<std::unique_ptr<CatalogSearch>> open_cached(store::Store* store,
                                                              const DemoOptions& demo,
                                                              const std::string& cache_dir);
  // True when the index was reopened from the cache folder rather than built.
  bool index_from_cache() const { return index_from_cache_; }
  // Why the cache folder could not be used ("" when it was or none was given).
  const std::string& cache_warning() const { return cache_warning_; }

  StatusOr<SearchResponse> search(const SearchQuery& query, const FxLookup& fx = nullptr) const {
    return index_->search(query, fx);
  }
  const Catalog& catalog() const { return *catalog_; }
  // True when searching the generated demo marketplace (say so to the user).
  bool demo() const { return catalog_->is_demo(); }

 private:
  std::unique_ptr<Glossary> glossary_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<SearchIndex> index_;
  bool index_from_cache_ = false;
  std::string cache_warning_;
};

// "4.50EUR", "4.50 EUR", "EUR 4.50" → Money; invalid_argument naming the text otherwise.
StatusOr<Money> parse_price_target(std::string_view text);

// Dated FX from the reference data (ECB, then Fed, then HMRC), rates at most `max_age_days` old.
FxLookup fx_lookup(const refdata::FxTable& table, int max_age_days = 45);

}  // namespace kontor::catalog
