#include "compliance/hs_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

namespace kontor::compliance {
namespace {

// Words that say nothing about what the goods are: grammar, marketing, logistics.
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> kWords = {
      "a",       "an",         "the",     "and",      "or",        "of",    "for",
      "with",    "without",    "in",      "on",       "to",        "by",    "from",
      "at",      "as",         "is",      "are",      "be",        "it",    "its",
      "this",    "that",       "these",   "other",    "than",      "not",   "no",
      "whether", "thereof",    "such",    "which",    "used",      "use",   "etc",
      "nec",     "n.e.c",      "new",     "hot",      "sale",      "high",  "quality",
      "free",    "shipping",   "pcs",     "pc",       "lot",       "piece", "pieces",
      "item",    "items",      "product", "products", "best",      "top",   "cheap",
      "fashion", "style",      "2020",    "2021",     "2022",      "2023",  "2024",
      "2025",    "wholesale",  "brand",   "original", "genuine",   "good",  "nice",
      "cute",    "beautiful",  "amp",     "x",        "including", "incl",  "excluding",
      "heading", "subheading", "chapter", "ex",       "kind",      "kinds", "like",
      "similar", "what",       "hts",     "us",       "code",      "made",  "type",
      "also",    "any",        "all",     "each",     "per",       "one",   "two",
      "more",    "less",       "but",     "into",     "only"};
  return kWords;
}

// British → US spelling, and a few irregular forms, so that nomenclature and listings meet.
const std::unordered_map<std::string_view, std::string_view>& spellings() {
  static const std::unordered_map<std::string_view, std::string_view> kMap = {
      {"jewellery", "jewelry"},
      {"aluminium", "aluminum"},
      {"colour", "color"},
      {"coloured", "colored"},
      {"fibre", "fiber"},
      {"fibres", "fiber"},
      {"moulded", "molded"},
      {"mould", "mold"},
      {"moulds", "mold"},
      {"tyre", "tire"},
      {"tyres", "tire"},
      {"grey", "gray"},
      {"catalogue", "catalog"},
      {"centre", "center"},
      {"metre", "meter"},
      {"litre", "liter"},
      {"programme", "program"},
      {"enamelled", "enameled"},
      {"travelling", "traveling"},
      {"labelled", "labeled"},
      {"pyjama", "pajama"},
      {"pyjamas", "pajama"},
      {"vapour", "vapor"},
      {"knitted", "knit"},
      {"knitting", "knit"},
      {"crocheted", "crochet"},
      {"woman", "women"},
      {"womens", "women"},
      {"ladies", "women"},
      {"lady", "women"},
      {"female", "women"},
      {"mens", "men"},
      {"male", "men"},
      {"children", "child"},
      {"childrens", "child"},
      {"kids", "child"},
      {"kid", "child"},
      {"babies", "baby"},
      {"stainless", "stainless"},
      {"mobile", "mobile"},
      {"cellphone", "telephone"},
      {"phone", "telephone"},
      {"phones", "telephone"},
      {"cellular", "cellular"},
      {"lamps", "lamp"},
      {"led", "led"},
      {"earings", "earring"},
      {"wigs", "wig"},
      {"sneakers", "sneaker"},
      {"toys", "toy"},
      {"shoes", "shoe"},
      {"glasses", "glass"},
      {"tools", "tool"},
      {"polyester", "polyester"}};
  return kMap;
}

std::string stem(std::string w) {
  const std::size_t n = w.size();
  auto ends = [&](std::string_view s) { return n > s.size() && w.ends_with(s); };
  if (n <= 3) return w;
  if (ends("ies") && n > 4) return w.substr(0, n - 3) + "y";
  if (ends("sses")) return w.substr(0, n - 2);
  if (ends("xes") || ends("ches") || ends("shes") || ends("zes")) return w.substr(0, n - 2);
  if (ends("ss") || ends("us") || ends("is") || ends("'s")) {
    return ends("'s") ? w.substr(0, n - 2) : w;
  }
  if (w.back() == 's') return w.substr(0, n - 1);
  return w;
}

bool all_digits(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Decodes one UTF-8 code point at `i` (advancing it); malformed bytes give U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// Splits text into ASCII/Latin word runs and CJK runs; calls the visitors in order.
template <typename WordFn, typename CjkFn>
void scan(std::string_view text, WordFn on_word, CjkFn on_cjk_run) {
  std::string word;
  std::vector<std::string> cjk;
  auto flush = [&] {
    if (!word.empty()) on_word(word);
    word.clear();
    if (!cjk.empty()) on_cjk_run(cjk);
    cjk.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(text, i);
    if (cp < 0x80 && (std::isalnum(static_cast<int>(cp)) || cp == '\'')) {
      if (!cjk.empty()) flush();
      word.push_back(static_cast<char>(std::tolower(static_cast<int>(cp))));
    } else if (is_cjk(cp)) {
      if (!word.empty()) {
        on_word(word);
        word.clear();
      }
      cjk.emplace_back(text.substr(start, i - start));
    } else if (cp >= 0xC0 && cp < 0x250) {  // Latin letters with accents stay in the word
      if (!cjk.empty()) flush();
      word.append(text.substr(start, i - start));
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace

std::string normalize_word(std::string_view raw) {
  std::string w(raw);
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!w.empty() && w.front() == '\'') w.erase(w.begin());
  while (!w.empty() && w.back() == '\'') w.pop_back();
  if (w.ends_with("'s")) w.resize(w.size() - 2);
  if (w.size() < 2 && !all_digits(w)) return "";
  if (all_digits(w)) {
    // Steel grades and the silver standard carry meaning; other numbers are sizes or years.
    return (w == "925" || w == "304" || w == "316" || w == "201") ? w : "";
  }
  if (stop_words().contains(w)) return "";
  if (auto it = spellings().find(w); it != spellings().end()) return std::string(it->second);
  std::string s = stem(std::move(w));
  if (auto it = spellings().find(s); it != spellings().end()) return std::string(it->second);
  return stop_words().contains(s) ? "" : s;
}

void add_terms(std::string_view text, double weight, TermWeights& out) {
  scan(
      text,
      [&](const std::string& w) {
        std::string n = normalize_word(w);
        if (!n.empty()) out[n] += weight;
      },
      [&](const std::vector<std::string>& run) {
        for (std::size_t k = 0; k < run.size(); ++k) {
          // Many overlapping n-grams carry one meaning; keep their total near one word's.
          out[run[k]] += weight * 0.15;
          if (k + 1 < run.size()) out[run[k] + run[k + 1]] += weight * 0.35;
        }
      });
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  scan(
      text,
      [&](const std::string& w) {
        std::string n = normalize_word(w);
        if (!n.empty()) out.push_back(std::move(n));
      },
      [](const std::vector<std::string>&) {});
  return out;
}

bool contains_phrase(const std::vector<std::string>& text_words,
                     const std::vector<std::string>& phrase_words) {
  if (phrase_words.empty()) return false;
  return std::search(text_words.begin(), text_words.end(), phrase_words.begin(),
                     phrase_words.end()) != text_words.end();
}

}  // namespace kontor::compliance

namespace kontor::compliance {

std::string strip_exclusions(std::string_view text) {
  std::string out(text);
  std::string low(text);
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* marker : {"excluding", "other than", "except", "not including"}) {
    std::size_t pos;
    while ((pos = low.find(marker)) != std::string::npos) {
      const std::size_t end = low.find_first_of(",;)", pos);
      const std::size_t n = end == std::string::npos ? std::string::npos : end - pos;
      low.erase(pos, n);
      out.erase(pos, n);
    }
  }
  return out;
}

}  // namespace kontor::compliance
