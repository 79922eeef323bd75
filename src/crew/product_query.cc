#include "crew/product_query.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <vector>

#include "catalog/text.h"

namespace kontor::crew {
namespace {

using Stems = std::vector<std::string>;

struct GlossaryTerm {
  Stems stems;
  std::vector<std::string> words;
};

Stems stems_of(Xapian::Stem& stem, const std::vector<std::string>& words) {
  Stems out;
  out.reserve(words.size());
  for (const auto& w : words) out.push_back(stem(w));
  return out;
}

// The glossary's terms of `lang` by the stem of their first word, longest first.
std::map<std::string, std::vector<GlossaryTerm>> terms_by_first_stem(
    const catalog::Glossary& glossary, const std::string& lang, Xapian::Stem& stem) {
  std::map<std::string, std::vector<GlossaryTerm>> out;
  for (const auto& c : glossary.concepts()) {
    auto terms = c.terms.find(lang);
    if (terms == c.terms.end()) continue;
    for (const auto& term : terms->second) {
      std::vector<std::string> words = catalog::words(term);
      if (words.empty()) continue;
      Stems stems = stems_of(stem, words);
      out[stems.front()].push_back({std::move(stems), std::move(words)});
    }
  }
  for (auto& [first, terms] : out) {
    std::stable_sort(terms.begin(), terms.end(), [](const GlossaryTerm& a, const GlossaryTerm& b) {
      return a.words.size() > b.words.size();
    });
  }
  return out;
}

// The longest term of `index` whose stems are those of words[i, …) and whose words are all
// uncovered; null when none.
const GlossaryTerm* term_at(const std::map<std::string, std::vector<GlossaryTerm>>& index,
                            const Stems& stems, const std::vector<bool>& covered, std::size_t i) {
  auto it = index.find(stems[i]);
  if (it == index.end()) return nullptr;
  for (const GlossaryTerm& term : it->second) {
    std::size_t n = term.stems.size();
    if (i + n > stems.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < n && same; ++k) {
      same = !covered[i + k] && stems[i + k] == term.stems[k];
    }
    if (same) return &term;
  }
  return nullptr;
}

}  // namespace

std::string glossary_forms(const catalog::Glossary& glossary, std::string_view text,
                           std::string_view lang) {
  std::string normalized = catalog::normalize_text(text);
  std::vector<std::string> words = catalog::words(normalized);
  std::string_view stemmer = catalog::stemmer_language(lang);
  if (stemmer.empty() || words.empty()) return normalized;
  std::vector<bool> covered(words.size(), false);
  for (const auto& m : glossary.match(normalized, lang)) {
    for (std::size_t i = m.first_word; i < m.first_word + m.word_count && i < words.size(); ++i) {
      covered[i] = true;
    }
  }
  std::map<std::string, std::vector<GlossaryTerm>> index;
  Stems stems;
  try {
    Xapian::Stem stem{std::string(stemmer)};
    index = terms_by_first_stem(glossary, std::string(lang), stem);
    stems = stems_of(stem, words);
  } catch (const Xapian::Error&) {
    return normalized;  // a stemmer Xapian lacks: the words as written
  }
  std::string out;
  auto append = [&out](const std::string& word) {
    if (!out.empty()) out += ' ';
    out += word;
  };
  for (std::size_t i = 0; i < words.size();) {
    const GlossaryTerm* term = covered[i] ? nullptr : term_at(index, stems, covered, i);
    if (term == nullptr) {
      append(words[i++]);
      continue;
    }
    for (const auto& w : term->words) append(w);
    i += term->words.size();
  }
  return out;
}

catalog::SearchQuery product_query(const catalog::Glossary& glossary, const Brief& brief, int limit,
                                   Date fx_date) {
  catalog::SearchQuery query;
  query.lang = brief.language;
  query.text = glossary_forms(glossary, brief.product, brief.language);
  query.limit = limit;
  query.fx_date = fx_date;
  return query;
}

}  // namespace kontor::crew
