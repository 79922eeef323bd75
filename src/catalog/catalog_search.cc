#include "catalog/catalog_search.h"

#include <cctype>

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
