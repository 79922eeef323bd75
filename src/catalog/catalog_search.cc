#include "catalog/catalog_search.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "core/cache_folder.h"
#include "core/fingerprint.h"

namespace kontor::catalog {

StatusOr<std::unique_ptr<CatalogSearch>> CatalogSearch::open(store::Store* store,
                                                             const DemoOptions& demo,
                                                             const IndexOptions& index) {
  auto search = std::unique_ptr<CatalogSearch>(new CatalogSearch());
  ASSIGN_OR_RETURN(Glossary glossary, Glossary::load_default());
  search->glossary_ = std::make_unique<Glossary>(std::move(glossary));
  ASSIGN_OR_RETURN(Catalog catalog, catalog_or_demo(store, demo, *search->glossary_));
  search->catalog_ = std::make_unique<Catalog>(std::move(catalog));
  ASSIGN_OR_RETURN(search->index_,
                   SearchIndex::build(*search->catalog_, *search->glossary_, index));
  return search;
}

namespace {

// Bump when what the key covers changes (the index itself carries its own format too).
constexpr std::string_view kIndexCacheFormat = "catalog-search-cache-1";
constexpr std::string_view kIndexEntryPrefix = "search-index-";

std::string glossary_path() {
  const char* dir = std::getenv("KONTOR_REPO_DATA_DIR");
  return std::string(dir ? dir : KONTOR_REPO_DATA_DIR) + "/glossary_trade.tsv";
}

// Everything the index is derived from: the program that analyses the text, the glossary's
// bytes and every field of the catalog that becomes a term, a filter or a value (more than
// SearchIndex's own fingerprint, which leaves out e.g. the supplier's country).
std::string index_key(const Catalog& catalog) {
  Fingerprint f;
  f.add(kIndexCacheFormat).add(program_identity());
  add_file_to_key(f, glossary_path());
  auto texts = [&f](const std::vector<LocalizedText>& v) {
    f.add(static_cast<std::int64_t>(v.size()));
    for (const LocalizedText& t : v) f.add(t.lang).add(t.text);
  };
  auto strings = [&f](const std::vector<std::string>& v) {
    f.add(static_cast<std::int64_t>(v.size()));
    for (const std::string& s : v) f.add(s);
  };
  for (const Supplier& s : catalog.suppliers()) {
    f.add(s.id).add(s.country.code()).add(s.demo ? 1 : 0);
    strings(s.certifications);
  }
  for (const Product& p : catalog.products()) {
    f.add(p.id).add(p.hs_code).add(p.demo ? 1 : 0);
    texts(p.titles);
    texts(p.descriptions);
    strings(p.category_path);
    strings(p.category_path_zh);
    f.add(static_cast<std::int64_t>(p.attributes.size()));
    for (const auto& [k, v] : p.attributes) f.add(k).add(v);
  }
  for (const Offer& o : catalog.offers()) {
    f.add(o.id).add(o.supplier_id).add(o.product_id).add(o.currency.code());
    f.add(o.moq).add(o.lead_time_days).add(o.demo ? 1 : 0);
    strings(o.certifications);
  }
  return f.hex();
}

}  // namespace

StatusOr<std::unique_ptr<CatalogSearch>> CatalogSearch::open_cached(store::Store* store,
                                                                    const DemoOptions& demo,
                                                                    const std::string& cache_dir) {
  if (cache_dir.empty()) return open(store, demo);
  auto search = std::unique_ptr<CatalogSearch>(new CatalogSearch());
  ASSIGN_OR_RETURN(Glossary glossary, Glossary::load_default());
  search->glossary_ = std::make_unique<Glossary>(std::move(glossary));
  ASSIGN_OR_RETURN(Catalog catalog, catalog_or_demo(store, demo, *search->glossary_));
  search->catalog_ = std::make_unique<Catalog>(std::move(catalog));
  const CacheFolder folder(cache_dir);
  const std::string name = std::string(kIndexEntryPrefix) + index_key(*search->catalog_);
  const std::string path = (folder.dir() / name).string();
  const Catalog& c = *search->catalog_;
  const Glossary& g = *search->glossary_;
  Status status = ok_status();
  const std::filesystem::path version_file = folder.dir() / name / "iamglass";
  if (std::filesystem::exists(version_file)) {
    std::error_code error;
    const auto before = std::filesystem::last_write_time(version_file, error);
    auto reopened = SearchIndex::build(c, g, IndexOptions{.directory = path, .reuse = true});
    if (reopened.ok()) {
      search->index_ = std::move(*reopened);
      // SearchIndex rebuilds in place (one Xapian commit) an index it cannot reopen: one
      // damaged, or of an older index format.
      search->index_from_cache_ = std::filesystem::last_write_time(version_file, error) == before;
      return search;
    }
    status = reopened.status();
  } else {
    std::error_code error;
    std::filesystem::create_directories(folder.dir(), error);
    const std::filesystem::path temporary = folder.temporary(name);
    auto built = SearchIndex::build(c, g, IndexOptions{.directory = temporary.string()});
    if (built.ok()) {
      built->reset();  // closed before it is renamed and reopened under its final name
      status = folder.publish(temporary, name);
    } else {
      status = built.status();
    }
    if (status.ok()) {
      folder.prune(kIndexEntryPrefix, name);
      auto reopened = SearchIndex::build(c, g, IndexOptions{.directory = path, .reuse = true});
      if (reopened.ok()) {
        search->index_ = std::move(*reopened);
        return search;
      }
      status = reopened.status();
    } else {
      std::filesystem::remove_all(temporary, error);
    }
  }
  search->cache_warning_ = "search index not cached: " + status.to_string();
  ASSIGN_OR_RETURN(search->index_, SearchIndex::build(c, g, {}));
  return search;
}

StatusOr<Money> parse_price_target(std::string_view text) {
  std::string amount, code;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.')
      amount += c;
    else if (std::isalpha(static_cast<unsigned char>(c)))
      code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    else if (c != ' ')
      return invalid_argument("max-price: expected like 4.50EUR, got '" + std::string(text) + "'");
  }
  auto value = Decimal::parse(amount);
  auto currency = currency_from_code(code);
  if (!value.ok() || !currency.ok() || code.size() != 3 || value->sign() <= 0) {
    return invalid_argument(
        "max-price: expected a positive amount and an ISO 4217 code like 4.50EUR, got '" +
        std::string(text) + "'");
  }
  return Money(*value, *currency);
}

FxLookup fx_lookup(const refdata::FxTable& table, int max_age_days) {
  return [&table, max_age_days](const Currency& from, const Currency& to, Date as_of) {
    return table.rate(from, to, as_of, max_age_days);
  };
}

}  // namespace kontor::catalog
