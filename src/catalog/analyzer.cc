#include "catalog/detail/analyzer.h"

#include <xapian.h>

#include <algorithm>
#include <set>

#include "catalog/text.h"

namespace kontor::catalog::detail {
namespace {

// Function words that carry nothing in a product query, in the glossary's languages.
const std::set<std::string, std::less<>> kStopWords = {
    "a",   "an", "the", "and",  "or",  "for",  "with", "of",  "in",  "on",   "to",   "de",
    "da",  "do", "das", "dos",  "del", "la",   "el",   "los", "las", "le",   "les",  "des",
    "du",  "en", "et",  "y",    "e",   "para", "com",  "con", "por", "pour", "avec", "di",
    "per", "il", "und", "mit",  "für", "aus",  "der",  "die", "das", "ve",   "için", "ile",
    "cho", "và", "của", "bằng", "em",  "um",   "uma",  "un",  "una", "une"};

Xapian::Stem* cached_stemmer(const std::string& lang) {
  thread_local std::map<std::string, std::unique_ptr<Xapian::Stem>> stemmers;
  auto it = stemmers.find(lang);
  if (it == stemmers.end()) {
    std::string_view name = stemmer_language(lang);
    it = stemmers
             .emplace(lang,
                      name.empty() ? nullptr : std::make_unique<Xapian::Stem>(std::string(name)))
             .first;
  }
  return it->second.get();
}

// Query weights of a concept named through the glossary, and through a dictionary's English.
constexpr double kGlossaryWeight = 2.0;
constexpr double kDictionaryWeight = 1.0;

// What the buyer asks for is the product; its material and attributes qualify it ("wooden
// toys" are toys first): they weigh half, so a toy of any material outranks a wooden sofa.
double concept_weight(const GlossaryConcept& entry, double weight) {
  return entry.kind == "product" ? weight : weight / 2;
}

// A glossary term of another language than the text's that is only function words here names
// nothing: "da" is leather in Vietnamese and "from" in Italian.
bool foreign_stop_words(const GlossaryMatch& m, const std::vector<std::string>& words,
                        const std::string& lang) {
  if (m.lang == lang || m.word_count == 0) return false;
  for (std::size_t i = m.first_word; i < m.first_word + m.word_count; ++i) {
    if (!kStopWords.count(words[i])) return false;
  }
  return true;
}

// What a field may name: any concept, none, or no product (a material attribute says what the
// product is made of, never what it is: "inkjet fabric" is the cloth of a photo backdrop).
enum class Concepts { kAny, kNone, kNotProducts };

// Adds the text's stemmed words and CJK n-grams at `wdf`, and its glossary concepts at
// `concept_wdf`, to one field's terms; a term the field already holds keeps the higher weight, so
// repeating a word adds nothing. The text is word-broken once for both. `lang_known`: the text is
// in `lang` for certain, so only that language's glossary terms name concepts in it ("display" is
// a screen in German, a stand in an English jewelry listing).
void add_terms(const Glossary& glossary, const std::string& normalized, const std::string& lang,
               bool lang_known, int wdf, int concept_wdf, std::map<std::string, int>& field,
               Concepts concepts = Concepts::kAny) {
  auto add = [&field](std::string term, int weight) {
    int& have = field[std::move(term)];
    have = std::max(have, weight);
  };
  std::vector<std::string> latin_words;
  for (Token& t : tokenize(normalized)) {
    if (t.cjk) {
      add(t.text, wdf);
      continue;
    }
    if (t.text.size() >= 2 && !kStopWords.count(t.text)) add(stem_word(lang, t.text), wdf);
    latin_words.push_back(std::move(t.text));
  }
  if (concepts == Concepts::kNone) return;
  for (const GlossaryMatch& m : glossary.match(normalized, latin_words, lang_known ? lang : "")) {
    if (foreign_stop_words(m, latin_words, lang)) continue;
    if (concepts == Concepts::kNotProducts && m.concept_entry->kind == "product") continue;
    add(std::string(1, kConceptPrefix) + m.concept_entry->id, concept_wdf);
  }
}

bool has_cjk(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0xE3) return true;  // lead bytes of U+3000 and above (kana, Han, Hangul, …)
  }
  return false;
}

}  // namespace

std::string stem_word(const std::string& lang, const std::string& word) {
  Xapian::Stem* stemmer = cached_stemmer(lang);
  return stemmer ? (*stemmer)(word) : word;
}

Analyzer::Analyzer(const Glossary& glossary, const DictionaryShelf& dictionaries)
    : glossary_(glossary), dictionaries_(dictionaries) {
  for (const GlossaryConcept& entry : glossary.concepts()) {
    for (const auto& [lang, terms] : entry.terms) {
      if (stemmer_language(lang).empty()) continue;  // no inflection to undo (zh, ja, vi)
      for (const std::string& term : terms) {
        StemmedTerm stemmed{{}, &entry};
        for (const std::string& word : words(term)) stemmed.stems.push_back(stem_word(lang, word));
        if (stemmed.stems.empty()) continue;
        stemmed_terms_[lang][stemmed.stems.front()].push_back(std::move(stemmed));
      }
    }
  }
  for (auto& [lang, by_first] : stemmed_terms_) {
    for (auto& [first, list] : by_first) {
      std::stable_sort(list.begin(), list.end(), [](const StemmedTerm& a, const StemmedTerm& b) {
        return a.stems.size() > b.stems.size();
      });
    }
  }
}

// Concepts of the words the exact glossary match left uncovered, compared as the index stems
// them in the query's language: a plural or another inflection of a glossary term.
void Analyzer::match_inflected(const std::string& lang, const std::vector<std::string>& w,
                               std::vector<bool>& covered, std::vector<QueryTerm>& terms) const {
  auto table = stemmed_terms_.find(lang);
  if (table == stemmed_terms_.end()) return;
  std::vector<std::string> stems;
  stems.reserve(w.size());
  for (const std::string& word : w) stems.push_back(stem_word(lang, word));
  auto free_span = [&](std::size_t i, std::size_t n) {
    return std::none_of(covered.begin() + static_cast<long>(i),
                        covered.begin() + static_cast<long>(i + n), [](bool c) { return c; });
  };
  for (std::size_t i = 0; i < w.size();) {
    const StemmedTerm* best = nullptr;
    auto it =
        covered[i] || kStopWords.count(w[i]) ? table->second.end() : table->second.find(stems[i]);
    if (it != table->second.end()) {
      for (const StemmedTerm& t : it->second) {
        const std::size_t n = t.stems.size();
        if (i + n <= w.size() && free_span(i, n) &&
            std::equal(t.stems.begin(), t.stems.end(), stems.begin() + static_cast<long>(i))) {
          best = &t;
          break;
        }
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    std::string said = w[i];
    for (std::size_t k = i + 1; k < i + best->stems.size(); ++k) said += " " + w[k];
    const std::string& id = best->concept_entry->id;
    terms.push_back({std::string(1, kConceptPrefix) + id, said,
                     "glossary " + id + " (" + lang + ", inflected)",
                     concept_weight(*best->concept_entry, kGlossaryWeight)});
    for (std::size_t k = i; k < i + best->stems.size(); ++k) covered[k] = true;
    i += best->stems.size();
  }
}

// A term's wdf is the sum of the weights of the two fields that hold it: the titles, in any of
// their languages (words 2, concepts 3), and the catalog attributes — category paths and
// material (1). Saying a word twice, or in two titles, adds nothing (keyword stuffing is not
// relevance). A concept term (kConceptPrefix) says a title names the concept; the leaf category
// or the material naming it is a term of its own (kCategoryConceptPrefix): a product whose title
// and category agree on what it is outranks one that only one of them names.
std::vector<WeightedTerm> Analyzer::product_terms(const Product& product) {
  std::map<std::string, int> titles, attributes;
  for (const LocalizedText& title : product.titles) {
    std::string normalized = normalize_text(title.text);
    const bool declared = !title.lang.empty() && title.lang != "und";
    std::string lang = declared ? title.lang : identify_language(title.text);
    add_terms(glossary_, normalized, lang, declared, 2, 3, titles);
  }
  // What the product is: the concepts of its leaf category and the materials of its material
  // attribute (K terms). The levels above group broadly ("Toys & Hobbies" holds drone parts,
  // "Luggage & Bags" suitcase wheels): their words are attributes, their concepts nothing.
  std::map<std::string, int> identity;
  const std::vector<std::string>& path = product.category_path;
  if (!path.empty()) {
    std::string ancestors;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) ancestors += path[i] + " ";
    add_terms(glossary_, normalize_text(ancestors), "en", true, 1, 0, attributes, Concepts::kNone);
    add_terms(glossary_, normalize_text(path.back()), "en", true, 1, 1, identity);
  }
  for (const std::string& level : product.category_path_zh) {
    if (has_cjk(level))
      add_terms(glossary_, normalize_text(level), "zh", true, 1, 0, attributes, Concepts::kNone);
  }
  auto material = product.attributes.find("material");
  if (material != product.attributes.end()) {
    add_terms(glossary_, normalize_text(material->second), "en", false, 1, 1, identity,
              Concepts::kNotProducts);
  }
  for (const auto& [term, weight] : identity) {
    if (term[0] == kConceptPrefix) {
      titles[kCategoryConceptPrefix + term.substr(1)] = 1;
    } else {
      int& have = attributes[term];
      have = std::max(have, weight);
    }
  }
  for (const auto& [term, weight] : attributes) titles[term] += weight;
  std::vector<WeightedTerm> out;
  out.reserve(titles.size());
  for (auto& [term, wdf] : titles) out.push_back({term, wdf});
  return out;
}

std::pair<std::string, std::vector<QueryTerm>> Analyzer::analyse(const SearchQuery& query) const {
  std::string normalized = normalize_text(query.text);
  std::vector<GlossaryMatch> matches = glossary_.match(normalized);
  std::map<std::string, int> hint_votes;
  for (const GlossaryMatch& m : matches) ++hint_votes[m.lang];
  std::string hint;
  int best = 0;
  for (const auto& [lang, n] : hint_votes) {
    if (n > best) hint = lang, best = n;
  }
  std::string lang = query.lang.empty() ? identify_language(query.text, hint) : query.lang;

  std::vector<QueryTerm> terms;
  std::vector<bool> covered;
  std::vector<std::string> w = words(normalized);
  covered.assign(w.size(), false);
  for (const GlossaryMatch& m : matches) {
    if (foreign_stop_words(m, w, lang)) continue;
    terms.push_back({std::string(1, kConceptPrefix) + m.concept_entry->id, m.term,
                     "glossary " + m.concept_entry->id + " (" + m.lang + ")",
                     concept_weight(*m.concept_entry, kGlossaryWeight)});
    for (std::size_t i = m.first_word; i < m.first_word + m.word_count; ++i) covered[i] = true;
  }
  match_inflected(lang, w, covered, terms);
  // A dictionary is opened (tens of MB the first time) only for a word the glossary left
  // uncovered: most product queries are glossary words.
  const BilingualDictionary* dictionary = nullptr;
  bool dictionary_looked_up = lang == "en";
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i].size() < 2 || kStopWords.count(w[i])) continue;
    terms.push_back({stem_word(lang, w[i]), w[i], "query (" + lang + ")", covered[i] ? 0.5 : 1.0});
    if (covered[i]) continue;
    if (!dictionary_looked_up) {
      dictionary = dictionaries_.to_english(lang);
      dictionary_looked_up = true;
    }
    if (dictionary == nullptr) continue;
    for (const std::string& english : dictionary->translate(w[i], 2)) {
      for (const std::string& part : words(english)) {
        if (part.size() < 2 || kStopWords.count(part)) continue;
        terms.push_back({stem_word("en", part), w[i], dictionary->source() + " → " + english, 0.6});
      }
      for (const GlossaryMatch& m : glossary_.match(english, "en")) {
        terms.push_back(
            {std::string(1, kConceptPrefix) + m.concept_entry->id, w[i],
             dictionary->source() + " → " + english + " → glossary " + m.concept_entry->id,
             concept_weight(*m.concept_entry, kDictionaryWeight)});
      }
    }
  }
  // Each concept also asks for products whose category or material names it.
  for (std::size_t i = 0, n = terms.size(); i < n; ++i) {
    if (terms[i].term[0] != kConceptPrefix) continue;
    QueryTerm in_category = terms[i];
    in_category.term[0] = kCategoryConceptPrefix;
    in_category.via += ", in the category";
    terms.push_back(std::move(in_category));
  }
  // CJK bigrams; a single character only where no bigram holds it (as in "杯"): a character of
  // a bigram alone matches far more than it means, and costs the match most of its time.
  std::vector<Token> cjk;
  for (Token& t : tokenize(normalized)) {
    if (t.cjk) cjk.push_back(std::move(t));
  }
  // tokenize() gives each run as c1, c1c2, c2, c2c3, …: a character next to a bigram is in it.
  auto bigram = [&cjk](std::size_t i) { return i < cjk.size() && cjk[i].text.size() > 4; };
  for (std::size_t i = 0; i < cjk.size(); ++i) {
    if (!bigram(i) && ((i > 0 && bigram(i - 1)) || bigram(i + 1))) continue;
    terms.push_back({cjk[i].text, cjk[i].text, "query (" + lang + ")", bigram(i) ? 1.0 : 0.3});
  }
  return {lang, terms};
}

std::vector<std::string> Analyzer::explain_concepts(
    const Product& product,
    const std::vector<std::pair<std::string, std::string>>& concepts) const {
  std::vector<GlossaryMatch> in_titles;
  for (const LocalizedText& title : product.titles) {
    for (GlossaryMatch& m : glossary_.match(normalize_text(title.text)))
      in_titles.push_back(std::move(m));
  }
  std::vector<std::string> out;
  for (const auto& [concept_id, query_source] : concepts) {
    auto m = std::find_if(in_titles.begin(), in_titles.end(), [&](const GlossaryMatch& g) {
      return g.concept_entry->id == concept_id;
    });
    out.push_back(
        m != in_titles.end()
            ? m->term + " ← " + query_source + " (glossary " + concept_id + ", " + m->lang + ")"
            : "[" + concept_id + "] ← " + query_source + " (glossary, category or material)");
  }
  return out;
}

}  // namespace kontor::catalog::detail
