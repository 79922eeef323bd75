// GoalReader: the product phrase — what is left of the goal once every recognised part, the
// verbs and the fillers at its edges are gone, in the goal's own words.
#include <array>

#include "crew/detail/intake_reader.h"

namespace kontor::crew::detail {
namespace {

// Words that may not start or end a product phrase ("for", "de", "the", "and", "with"…).
constexpr std::array<std::string_view, 14> kEdgeKinds = {
    "verb",   "filler", "article", "conj",       "dest_cue", "origin_cue",  "avoid_cue",
    "dl_cue", "dl_rel", "dl_glue", "comparator", "per_unit", "channel_cue", "cert_cue"};

}  // namespace

void GoalReader::read_verbs() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    const std::size_t n = t_.lexicon.longest(tok_, i, "verb");
    consume(i, i + n);
    if (n > 0) i += n - 1;
  }
}

bool GoalReader::edge_word(const GoalToken& token) const {
  if (token.kind == TokenKind::kPunct || token.kind == TokenKind::kSymbol) return true;
  // An elided article or preposition ("l'", "d'", "dell'") never ends a product phrase.
  if (token.key.size() > 1 && token.key.back() == '\'') return true;
  for (std::string_view kind : kEdgeKinds) {
    if (t_.lexicon.is(token, kind)) return true;
  }
  return false;
}

void GoalReader::read_product() {
  std::size_t best_begin = 0, best_end = 0, best_words = 0;
  for (std::size_t i = 0; i < tok_.size();) {
    // A run: unused tokens up to a used one or a phrase-ending punctuation mark.
    auto breaks = [&](const GoalToken& t) {
      return t.used || (t.kind == TokenKind::kPunct && t.text != "-" && t.text != "/" &&
                        t.text != "'" && t.text != "\"");
    };
    if (breaks(tok_[i])) {
      ++i;
      continue;
    }
    std::size_t begin = i, end = i;
    while (end < tok_.size() && !breaks(tok_[end])) ++end;
    i = end;
    while (begin < end && edge_word(tok_[begin])) ++begin;
    while (end > begin && edge_word(tok_[end - 1])) --end;
    std::size_t words = 0;
    for (std::size_t k = begin; k < end; ++k) {
      if (tok_[k].kind == TokenKind::kWord && !t_.lexicon.is(tok_[k], "filler")) ++words;
    }
    if (words > best_words) best_begin = begin, best_end = end, best_words = words;
  }
  std::string product;
  for (std::size_t k = best_begin; k < best_end; ++k) {
    if (k > best_begin && tok_[k].space_before) product.push_back(' ');
    product += tok_[k].text;
  }
  b_.product = std::move(product);
}

}  // namespace kontor::crew::detail
