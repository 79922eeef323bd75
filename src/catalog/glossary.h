// Glossary: the project's trade glossary (data/glossary_trade.tsv) — product categories,
// materials and attributes with their terms in en, es, pt, de, fr, it, zh, ja, tr, vi. It lets
// a query in one language reach listings in another, and the demo marketplace write titles in
// its suppliers' languages. Terms are matched on normalised words (longest phrase first); CJK
// terms are matched as substrings, since CJK text has no spaces.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kontor::catalog {

struct GlossaryConcept {
  std::string id;    // "vacuum_flask"
  std::string kind;  // product | material | attribute
  // language → terms, preferred first (normalised)
  std::map<std::string, std::vector<std::string>> terms;
};

struct GlossaryMatch {
  const GlossaryConcept* concept_entry;
  std::string lang;            // language of the matched term
  std::string term;            // the term as found
  std::size_t first_word = 0;  // word span [first_word, first_word + word_count); CJK: 0,0
  std::size_t word_count = 0;
};

class Glossary {
 public:
  // Parses the TSV; data_loss naming the line on a malformed row.
  static StatusOr<Glossary> load(const std::string& path);
  static StatusOr<Glossary> parse(std::string_view text, const std::string& file);
  // data/glossary_trade.tsv of the repository ($KONTOR_REPO_DATA_DIR overrides).
  static StatusOr<Glossary> load_default();

  const std::vector<GlossaryConcept>& concepts() const { return concepts_; }
  const GlossaryConcept* find(std::string_view id) const;
  const std::vector<std::string>& languages() const { return languages_; }

  // Concepts named in a normalised text: the longest non-overlapping word phrases (in any
  // language, or only `lang` when given), then CJK substrings.
  std::vector<GlossaryMatch> match(std::string_view normalized, std::string_view lang = "") const;
  // The same with the text's words already split (words(normalized)), for callers that
  // tokenised the text anyway: word breaking is the costly part of indexing a product.
  std::vector<GlossaryMatch> match(std::string_view normalized,
                                   const std::vector<std::string>& words,
                                   std::string_view lang = "") const;
  // The first concept of `kind` whose English term appears in the text ("" kind: any).
  const GlossaryConcept* first_concept(std::string_view normalized, std::string_view kind,
                                       std::string_view lang = "en") const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    std::size_t concept_index;
    std::string lang;
    std::string term;
  };
  std::vector<GlossaryConcept> concepts_;
  std::vector<std::string> languages_;
  std::map<std::string, std::vector<Phrase>> by_first_word_;      // longest first
  std::map<std::string, std::vector<Phrase>> cjk_by_first_char_;  // longest first
};

}  // namespace kontor::catalog
