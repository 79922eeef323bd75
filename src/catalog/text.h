// Text analysis shared by the catalog index and its queries, so both see the same tokens:
// ICU NFKC case folding, ICU word breaking, CJK runs split into character unigrams and bigrams
// (no dictionary needed, robust on product titles), and language identification — Unicode
// script first (Han → zh, kana → ja, Hangul → ko, …), then for Latin text a light vote over
// language-specific letters, stop words and trade-glossary terms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kontor::catalog {

// NFKC + full case folding ("Aço INOX" → "aço inox", full-width "ＬＥＤ" → "led").
std::string normalize_text(std::string_view text);

struct Token {
  std::string text;  // normalised
  bool cjk = false;  // a Han/kana/Hangul n-gram (not stemmed)
};

// Words of a normalised text in order. Latin/Cyrillic/… words come from ICU's word break
// iterator (punctuation dropped, numbers kept); each CJK run yields its characters and the
// bigrams of adjacent characters.
std::vector<Token> tokenize(std::string_view normalized);

// Words only (no CJK n-grams), in order: the input to glossary phrase matching.
std::vector<std::string> words(std::string_view normalized);

// The dominant script decides when it is not Latin; otherwise letters and stop words vote among
// en, es, pt, fr, it, de, tr, vi, pl, nl. `glossary_hint` is the language with most glossary
// terms in the text ("" when none), which counts as extra votes. Returns an ISO 639-1 code.
std::string identify_language(std::string_view text, std::string_view glossary_hint = "");

// The Latin-script vote alone, over normalised text.
std::string identify_latin_language(std::string_view normalized, std::string_view glossary_hint);

// Xapian's Snowball stemmer name for a language code ("pt" → "portuguese"), "" when none.
std::string_view stemmer_language(std::string_view lang);

}  // namespace kontor::catalog
