// Internals of the intake (crew/intake.h): the goal's tokens, number reading and the lexicon
// (data/intake_lexicon.tsv). Not a public header: only src/crew/intake*.cc include it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/status.h"

namespace kontor::crew::detail {

enum class TokenKind { kWord, kNumber, kSymbol, kPunct };

struct GoalToken {
  std::string text;  // as typed
  std::string key;   // NFKC case-folded, accents removed: the lexicon's matching form
  TokenKind kind = TokenKind::kWord;
  bool space_before = true;  // false when glued to the previous token ("2k", "€24", "24,99€")
  bool used = false;         // consumed by a recognised field
};

// Splits a goal into words, numbers (digits with inner . , ' / - separators: "2,000",
// "24,99", "2027-03-01"), symbols (€ $ £ ¥ ₹ < ≤ …, and "US$", "R$", "C$"), and punctuation
// (which ends phrases). French elisions are split ("l'Allemagne" → "l'" "Allemagne"). Invalid
// UTF-8 is kept as word bytes; nothing here fails.
std::vector<GoalToken> tokenize_goal(std::string_view text);

// The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and stray
// continuation bytes included), or nullopt when the text is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

// NFKC case folding plus removal of Latin diacritics ("Großhandel" → "grosshandel", "março" →
// "marco"): the form both the lexicon and the goal are compared in.
std::string fold_key(std::string_view text);

// A number as typed, before any currency or unit is known.
struct TypedNumber {
  Decimal value;
  // A single separator followed by exactly three digits ("2,000", "2.000"): read as grouping
  // (two thousand); the caller may still ask when a currency with three decimals makes the
  // other reading plausible.
  bool grouping_guess = false;
};

// The decimal-separator rule (documented in crew/intake.h): both '.' and ',' → the last one
// is the decimal separator; one kind repeated → grouping; one separator followed by exactly
// three digits → grouping (grouping_guess); otherwise → decimal. Apostrophes and the thin or
// normal spaces a tokenizer merged are grouping. Groups after the first must have three digits.
std::optional<TypedNumber> parse_typed_number(std::string_view text);

// One lexicon row, after splitting its synonyms.
struct LexEntry {
  std::string kind;   // "country", "role", …
  std::string lang;   // "en", …, or "*"
  std::string value;  // "DE", "retail", …
  std::size_t line = 0;
};

class Lexicon {
 public:
  // Reads the TSV; a malformed row is a data_loss error naming the file and line.
  static StatusOr<Lexicon> load(const std::string& path);
  static StatusOr<Lexicon> parse(std::string_view text, const std::string& file);

  // Adds a phrase (tokenized like a goal) under `kind`; exact phrases match `text` as typed.
  void add(std::string_view phrase, LexEntry entry, bool exact);

  // Entries of `kind` (any kind when empty) matching tokens [begin, begin + length) exactly (all of
  // them).
  std::vector<const LexEntry*> at(const std::vector<GoalToken>& tokens, std::size_t begin,
                                  std::size_t length, std::string_view kind) const;
  // The longest phrase of `kind` starting at `begin` (tokens not yet used), or 0.
  std::size_t longest(const std::vector<GoalToken>& tokens, std::size_t begin,
                      std::string_view kind, const LexEntry** entry = nullptr) const;
  // The longest phrase of `kind` ending just before `end` (tokens not yet used), or 0.
  std::size_t longest_ending(const std::vector<GoalToken>& tokens, std::size_t end,
                             std::string_view kind, const LexEntry** entry = nullptr) const;
  bool is(const GoalToken& token, std::string_view kind) const;

  static constexpr std::size_t kMaxPhraseTokens = 6;

 private:
  std::map<std::string, std::vector<LexEntry>, std::less<>> folded_;  // key: token keys + ' '
  std::map<std::string, std::vector<LexEntry>, std::less<>> exact_;   // key: token texts + ' '
};

// Month names and period words resolved to dates; see crew/intake.h for the rules.
enum class MonthPart { kStart, kMid, kEnd };
// The date a month-only deadline means: `part` of the next occurrence of `month` (this year's
// when today is before its first day or inside the month itself, else next year's), or of
// `year` when one was typed.
Date month_deadline(int month, std::optional<int> year, MonthPart part, Date today);
// today + n days / weeks / calendar months (clamped to the month's last day).
Date relative_deadline(int n, char period, Date today);
int days_in_month(int year, int month);

}  // namespace kontor::crew::detail
