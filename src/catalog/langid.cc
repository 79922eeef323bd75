// Latin-script language identification by votes. Product titles and buyer queries are short and
// full of brand names and numbers, where character n-gram models trained on prose stumble; what
// does work is letters only one language uses (ã → pt, ñ → es, ß → de, ğ → tr, ơ → vi), its
// function words ("de", "para", "mit", "için", "cho") and the trade glossary's terms. Ties and
// silence fall back to English, the lingua franca of cross-border listings.
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "catalog/text.h"

namespace kontor::catalog {
namespace {

struct Cue {
  std::string_view lang;
  std::string_view text;
  int weight;
};

// Letters (as UTF-8) that point at one or two languages.
constexpr std::array<Cue, 40> kLetterCues = {{
    {"pt", "ã", 4}, {"pt", "õ", 4}, {"pt", "ç", 2}, {"fr", "ç", 1}, {"pt", "ê", 1}, {"es", "ñ", 4},
    {"es", "¿", 4}, {"es", "¡", 4}, {"de", "ß", 4}, {"de", "ä", 3}, {"de", "ö", 2}, {"tr", "ö", 1},
    {"de", "ü", 2}, {"tr", "ü", 2}, {"tr", "ğ", 5}, {"tr", "ş", 4}, {"tr", "ı", 5}, {"vi", "ơ", 5},
    {"vi", "ư", 5}, {"vi", "đ", 5}, {"vi", "ă", 4}, {"vi", "ạ", 5}, {"vi", "ả", 5}, {"vi", "ế", 5},
    {"vi", "ệ", 5}, {"vi", "ộ", 5}, {"vi", "ồ", 5}, {"vi", "ố", 5}, {"vi", "ớ", 5}, {"vi", "ữ", 5},
    {"fr", "è", 2}, {"it", "è", 1}, {"fr", "œ", 4}, {"fr", "û", 2}, {"fr", "î", 2}, {"it", "ò", 3},
    {"it", "ù", 1}, {"pl", "ł", 5}, {"pl", "ą", 5}, {"pl", "ę", 5},
}};

constexpr std::array<Cue, 66> kWordCues = {{
    {"en", "the", 3},  {"en", "and", 3},   {"en", "for", 3},        {"en", "with", 3},
    {"en", "of", 1},   {"en", "steel", 1}, {"en", "women", 1},      {"en", "men", 1},
    {"es", "de", 1},   {"pt", "de", 1},    {"fr", "de", 1},         {"it", "di", 2},
    {"es", "para", 2}, {"pt", "para", 2},  {"es", "con", 2},        {"it", "con", 2},
    {"pt", "com", 3},  {"es", "el", 2},    {"es", "la", 1},         {"fr", "la", 1},
    {"it", "la", 1},   {"es", "los", 3},   {"es", "las", 3},        {"es", "y", 2},
    {"pt", "e", 1},    {"it", "e", 1},     {"pt", "do", 2},         {"pt", "da", 2},
    {"pt", "em", 2},   {"pt", "uma", 3},   {"fr", "et", 3},         {"fr", "le", 2},
    {"fr", "les", 3},  {"fr", "pour", 3},  {"fr", "avec", 3},       {"fr", "en", 1},
    {"it", "per", 3},  {"it", "il", 2},    {"it", "da", 1},         {"de", "und", 3},
    {"de", "mit", 3},  {"de", "für", 3},   {"de", "aus", 2},        {"de", "der", 2},
    {"de", "die", 2},  {"de", "das", 2},   {"tr", "ve", 3},         {"tr", "için", 4},
    {"tr", "ile", 3},  {"vi", "cho", 2},   {"vi", "và", 3},         {"vi", "của", 4},
    {"vi", "bằng", 4}, {"nl", "en", 1},    {"nl", "met", 3},        {"nl", "voor", 3},
    {"nl", "het", 3},  {"nl", "van", 2},   {"pl", "i", 1},          {"pl", "dla", 4},
    {"pl", "ze", 2},   {"pl", "na", 1},    {"es", "inoxidable", 3}, {"pt", "inoxidável", 3},
    {"pt", "aço", 4},  {"es", "acero", 4},
}};

}  // namespace

std::string identify_latin_language(std::string_view normalized, std::string_view glossary_hint) {
  std::map<std::string_view, int> votes;
  for (const Cue& cue : kLetterCues) {
    for (std::size_t pos = normalized.find(cue.text); pos != std::string_view::npos;
         pos = normalized.find(cue.text, pos + cue.text.size())) {
      votes[cue.lang] += cue.weight;
    }
  }
  for (const std::string& word : words(normalized)) {
    for (const Cue& cue : kWordCues) {
      if (word == cue.text) votes[cue.lang] += cue.weight;
    }
  }
  if (!glossary_hint.empty()) votes[glossary_hint] += 3;
  std::string_view best = "en";
  int best_votes = 0;
  for (const auto& [lang, n] : votes) {
    if (n > best_votes) best = lang, best_votes = n;
  }
  return std::string(best);
}

std::string_view stemmer_language(std::string_view lang) {
  static const std::map<std::string_view, std::string_view> kStemmers = {
      {"en", "english"},   {"es", "spanish"},    {"pt", "portuguese"}, {"fr", "french"},
      {"it", "italian"},   {"de", "german"},     {"nl", "dutch"},      {"tr", "turkish"},
      {"ru", "russian"},   {"id", "indonesian"}, {"sv", "swedish"},    {"da", "danish"},
      {"no", "norwegian"}, {"fi", "finnish"},    {"ro", "romanian"},   {"hu", "hungarian"},
      {"ar", "arabic"}};
  auto it = kStemmers.find(lang);
  return it == kStemmers.end() ? std::string_view() : it->second;
}

}  // namespace kontor::catalog
