// The intake lexicon (data/intake_lexicon.tsv): phrases are tokenized exactly like a goal, so a
// phrase matches when its tokens' keys (or, for exact kinds, their texts) equal the goal's.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "core/csv.h"
#include "crew/detail/intake_text.h"

namespace kontor::crew::detail {
namespace {

constexpr std::array<std::string_view, 32> kKinds = {
    "verb",      "filler",     "article",    "unit",        "mult",    "currency", "role",
    "per_unit",  "comparator", "dl_cue",     "dl_rel",      "dl_glue", "dl_part",  "period",
    "month",     "dest_cue",   "origin_cue", "avoid_cue",   "conj",    "market",   "country",
    "adjective", "code",       "channel",    "channel_cue", "cert",    "cert_i",   "cert_cue",
    "moq_cue",   "language",   "sell_cue",   "price_prep"};

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == sep) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string join_keys(const std::vector<GoalToken>& tokens, std::size_t begin, std::size_t n,
                      bool exact) {
  std::string key;
  for (std::size_t i = begin; i < begin + n; ++i) {
    if (i > begin) key.push_back(' ');
    key += exact ? tokens[i].text : tokens[i].key;
  }
  return key;
}

void append_matches(const std::map<std::string, std::vector<LexEntry>, std::less<>>& index,
                    const std::string& key, std::string_view kind,
                    std::vector<const LexEntry*>& out) {
  auto it = index.find(key);
  if (it == index.end()) return;
  for (const LexEntry& e : it->second) {
    if (kind.empty() || e.kind == kind) out.push_back(&e);
  }
}

}  // namespace

void Lexicon::add(std::string_view phrase, LexEntry entry, bool exact) {
  const std::vector<GoalToken> tokens = tokenize_goal(phrase);
  if (tokens.empty() || tokens.size() > kMaxPhraseTokens) return;
  auto& index = exact ? exact_ : folded_;
  index[join_keys(tokens, 0, tokens.size(), exact)].push_back(std::move(entry));
}

StatusOr<Lexicon> Lexicon::load(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, read_file(path));
  return parse(text, path);
}

StatusOr<Lexicon> Lexicon::parse(std::string_view text, const std::string& file) {
  Lexicon lexicon;
  std::size_t line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> fields = split(line, '\t');
    const std::string where = file + " line " + std::to_string(line_no);
    if (fields.size() != 4) {
      return data_loss(where + ": expected 4 tab-separated fields (kind, lang, phrases, value)");
    }
    if (fields[0] == "kind") continue;  // the header row
    if (std::find(kKinds.begin(), kKinds.end(), fields[0]) == kKinds.end()) {
      return data_loss(where + ", field 'kind': unknown kind '" + std::string(fields[0]) + "'");
    }
    if (fields[1].empty() || fields[2].empty() || fields[3].empty()) {
      return data_loss(where + ": empty field");
    }
    const bool exact = fields[0] == "cert" || fields[0] == "code";
    for (std::string_view phrase : split(fields[2], '|')) {
      if (phrase.empty()) return data_loss(where + ", field 'phrases': empty synonym");
      LexEntry entry{std::string(fields[0]), std::string(fields[1]), std::string(fields[3]),
                     line_no};
      lexicon.add(phrase, std::move(entry), exact);
    }
  }
  return lexicon;
}

std::vector<const LexEntry*> Lexicon::at(const std::vector<GoalToken>& tokens, std::size_t begin,
                                         std::size_t length, std::string_view kind) const {
  std::vector<const LexEntry*> out;
  if (length == 0 || begin + length > tokens.size()) return out;
  append_matches(folded_, join_keys(tokens, begin, length, false), kind, out);
  append_matches(exact_, join_keys(tokens, begin, length, true), kind, out);
  return out;
}

std::size_t Lexicon::longest(const std::vector<GoalToken>& tokens, std::size_t begin,
                             std::string_view kind, const LexEntry** entry) const {
  std::size_t free = 0;
  while (begin + free < tokens.size() && !tokens[begin + free].used && free < kMaxPhraseTokens) {
    ++free;
  }
  for (std::size_t n = free; n > 0; --n) {
    auto matches = at(tokens, begin, n, kind);
    if (!matches.empty()) {
      if (entry) *entry = matches.front();
      return n;
    }
  }
  return 0;
}

std::size_t Lexicon::longest_ending(const std::vector<GoalToken>& tokens, std::size_t end,
                                    std::string_view kind, const LexEntry** entry) const {
  std::size_t free = 0;
  while (free < end && !tokens[end - free - 1].used && free < kMaxPhraseTokens) ++free;
  for (std::size_t n = free; n > 0; --n) {
    auto matches = at(tokens, end - n, n, kind);
    if (!matches.empty()) {
      if (entry) *entry = matches.front();
      return n;
    }
  }
  return 0;
}

bool Lexicon::is(const GoalToken& token, std::string_view kind) const {
  std::vector<GoalToken> one{token};
  return !at(one, 0, 1, kind).empty();
}

}  // namespace kontor::crew::detail
