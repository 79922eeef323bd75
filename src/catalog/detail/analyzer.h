// Turns product text and buyer queries into the same index terms (see catalog/search.h).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "catalog/dictionary.h"
#include "catalog/glossary.h"
#include "catalog/search.h"
#include "catalog/types.h"

namespace kontor::catalog::detail {

inline constexpr char kConceptPrefix = 'Q';  // "Qvacuum_flask": cannot collide with lower case
// "Kvacuum_flask": the product's leaf category or material names the concept, not just its title —
// the strongest sign that the product is what the buyer asked for.
inline constexpr char kCategoryConceptPrefix = 'K';

struct WeightedTerm {
  std::string term;
  int wdf;
};

class Analyzer {
 public:
  Analyzer(const Glossary& glossary, const DictionaryShelf& dictionaries);
  // Index terms with within-document frequencies. Not thread-safe (cached stemmers).
  std::vector<WeightedTerm> product_terms(const Product& product);
  // Query language and terms. Thread-safe.
  std::pair<std::string, std::vector<QueryTerm>> analyse(const SearchQuery& query) const;
  // "保温瓶 ← garrafa térmica (glossary vacuum_flask, zh)": how each concept term (concept id,
  // the query words it came from) met the product; the titles are matched once for all.
  std::vector<std::string> explain_concepts(
      const Product& product,
      const std::vector<std::pair<std::string, std::string>>& concepts) const;

 private:
  // A glossary term as the index stems it, for inflected query words.
  struct StemmedTerm {
    std::vector<std::string> stems;
    const GlossaryConcept* concept_entry;
  };
  void match_inflected(const std::string& lang, const std::vector<std::string>& words,
                       std::vector<bool>& covered, std::vector<QueryTerm>& terms) const;

  const Glossary& glossary_;
  const DictionaryShelf& dictionaries_;
  // language → first stem → terms, longest first ("toallas" meets toalla, "coltelli" coltello)
  std::map<std::string, std::map<std::string, std::vector<StemmedTerm>>> stemmed_terms_;
};

// Stems a normalised word in `lang` (unchanged when no stemmer exists).
std::string stem_word(const std::string& lang, const std::string& word);

}  // namespace kontor::catalog::detail
