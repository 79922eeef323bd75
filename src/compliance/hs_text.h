// HS text analysis: turns product listings and nomenclature texts into weighted terms that can
// be compared with each other. English words are lower-cased, spelt the US way (the HS uses
// British spelling, listings mostly American) and lightly stemmed; Chinese (and other CJK) runs
// become character unigrams and bigrams, which need no word segmentation. Used only by the HS
// classifier; no language model.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kontor::compliance {

// A term with its weight in a query or document.
using TermWeights = std::unordered_map<std::string, double>;

// Lower-case ASCII, US spelling and a light plural stemmer ("jewellery" → "jewelry",
// "boxes" → "box", "batteries" → "battery"). Returns "" for stop words and pure numbers.
std::string normalize_word(std::string_view word);

// Appends the terms of `text` with `weight` each. English words pass through normalize_word;
// CJK characters give unigrams and bigrams.
void add_terms(std::string_view text, double weight, TermWeights& out);

// The terms of `text`, in order, duplicates kept (English words only, normalised).
std::vector<std::string> words(std::string_view text);

// True when `text` contains `phrase` as whole words after normalisation ("Stainless-Steel
// bottles" contains "stainless steel bottle").
bool contains_phrase(const std::vector<std::string>& text_words,
                     const std::vector<std::string>& phrase_words);

}  // namespace kontor::compliance

namespace kontor::compliance {

// The nomenclature text without its exclusion clauses ("(excluding telephone sets …)",
// "other than smartphones"), whose words name what the code does NOT cover.
std::string strip_exclusions(std::string_view text);

}  // namespace kontor::compliance
