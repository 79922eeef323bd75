// Tokens and numbers of a goal. The tokenizer is hand-written rather than ICU's word breaker
// because a goal's meaning sits in what word breaking throws away: "€24.99" must stay three
// parts (symbol, number) and "24,99" one number, "US$" one symbol, "2k" a number glued to a
// multiplier, and whether a token was glued to the previous one.
#include "crew/detail/intake_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/text.h"

namespace kontor::crew::detail {
namespace {

struct CodePoint {
  char32_t value;
  std::size_t length;
};

CodePoint decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto bits = [&](std::size_t k) { return static_cast<char32_t>(s[i + k] & 0x3F); };
  if (b < 0x80) return {b, 1};
  char32_t value = 0;
  std::size_t length = 0;
  if ((b & 0xE0) == 0xC0 && cont(1)) {
    value = ((b & 0x1Fu) << 6) | bits(1), length = 2;
  } else if ((b & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    value = ((b & 0x0Fu) << 12) | (bits(1) << 6) | bits(2), length = 3;
  } else if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    value = ((b & 0x07u) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3), length = 4;
  }
  // Overlong forms ("\xC0\xB1" for '1') are invalid: they must not pass for ASCII.
  constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (length == 0 || value < kMinimum[length]) return {0xFFFD, 1};  // a letter on its own
  return {value, length};
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_symbol(char32_t c) {
  switch (c) {
    case '$':
    case '<':
    case '>':
    case '~':
    case '%':
    case '+':
    case '=':
    case '&':
    case 0x20AC:
    case 0xA3:
    case 0xA5:
    case 0x20B9:
    case 0x20A9:
    case 0x20BA:
    case 0x20BD:
    case 0x20AB:
    case 0x2264:
    case 0x2265:
    case 0x2266:
    case 0x2267: return true;
    default: return false;
  }
}
bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: dashes, quotes, …
  if (c == 0xAB || c == 0xBB || c == 0xBF || c == 0xA1 || c == 0xB7 || c == 0xD7) return false;
  return !is_space(c) && !is_symbol(c);
}
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// French elisions before a vowel-initial word: "l'Allemagne", "d'ici", "jusqu'à".
std::size_t elision_length(std::string_view word) {
  for (std::string_view prefix : {"l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'",
                                  "l\u2019", "d\u2019", "qu\u2019", "jusqu\u2019"}) {
    if (word.size() > prefix.size() &&
        fold_key(word.substr(0, prefix.size())) == fold_key(prefix)) {
      return prefix.size();
    }
  }
  return 0;
}

std::size_t scan_number(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size()) {
    const char c = s[j];
    if (is_digit(static_cast<unsigned char>(c))) {
      ++j;
    } else if ((c == '.' || c == ',' || c == '\'' || c == '/' || c == '-') && j + 1 < s.size() &&
               is_digit(static_cast<unsigned char>(s[j + 1]))) {
      j += 1;
    } else {
      break;
    }
  }
  return j;
}

std::size_t scan_word(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size()) {
    CodePoint cp = decode(s, j);
    if (is_letter(cp.value)) {
      j += cp.length;
      continue;
    }
    const bool joiner =
        cp.value == '-' || cp.value == '.' || cp.value == '&' || is_apostrophe(cp.value);
    if (joiner && j + cp.length < s.size() && is_letter(decode(s, j + cp.length).value)) {
      j += cp.length;
      continue;
    }
    break;
  }
  return j;
}

void push(std::vector<GoalToken>& out, std::string_view text, TokenKind kind, bool space_before) {
  GoalToken token;
  token.text = std::string(text);
  token.key = kind == TokenKind::kNumber ? token.text : fold_key(text);
  token.kind = kind;
  token.space_before = space_before;
  out.push_back(std::move(token));
}

void push_word(std::vector<GoalToken>& out, std::string_view s, std::size_t i, std::size_t j,
               bool space_before) {
  std::string_view word = s.substr(i, j - i);
  // "US$", "R$", "CA$": a short word glued to '$' is one currency symbol.
  if (j < s.size() && s[j] == '$' && word.size() <= 3) {
    push(out, s.substr(i, j + 1 - i), TokenKind::kSymbol, space_before);
    return;
  }
  const std::size_t elision = elision_length(word);
  if (elision > 0) {
    push(out, word.substr(0, elision), TokenKind::kWord, space_before);
    push(out, word.substr(elision), TokenKind::kWord, false);
    return;
  }
  push(out, word, TokenKind::kWord, space_before);
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kAccents = {{
    {"à", "a"}, {"á", "a"},  {"â", "a"}, {"ã", "a"}, {"ä", "a"},      {"å", "a"}, {"æ", "ae"},
    {"ç", "c"}, {"è", "e"},  {"é", "e"}, {"ê", "e"}, {"ë", "e"},      {"ì", "i"}, {"í", "i"},
    {"î", "i"}, {"ï", "i"},  {"ñ", "n"}, {"ò", "o"}, {"ó", "o"},      {"ô", "o"}, {"õ", "o"},
    {"ö", "o"}, {"ø", "o"},  {"ù", "u"}, {"ú", "u"}, {"û", "u"},      {"ü", "u"}, {"ý", "y"},
    {"ÿ", "y"}, {"œ", "oe"}, {"ł", "l"}, {"ś", "s"}, {"ź", "z"},      {"ż", "z"}, {"ć", "c"},
    {"ń", "n"}, {"ă", "a"},  {"ș", "s"}, {"ț", "t"}, {"\u2019", "'"},
}};

}  // namespace

std::string fold_key(std::string_view text) {
  const std::string folded = catalog::normalize_text(text);
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(folded[i]) >= 0x80) {
      for (const auto& [from, to] : kAccents) {
        if (folded.compare(i, from.size(), from) == 0) {
          out += to;
          i += from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(folded[i++]);
  }
  return out;
}

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = decode(text, i);
    const bool surrogate = cp.value >= 0xD800 && cp.value <= 0xDFFF;
    if ((cp.value == 0xFFFD && cp.length == 1) || surrogate || cp.value > 0x10FFFF) return i;
    i += cp.length;
  }
  return std::nullopt;
}

std::vector<GoalToken> tokenize_goal(std::string_view s) {
  std::vector<GoalToken> out;
  bool space_before = true;
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    std::size_t j = i + cp.length;
    if (is_space(cp.value)) {
      space_before = true;
      i = j;
      continue;
    }
    if (is_digit(cp.value)) {
      j = scan_number(s, i);
      push(out, s.substr(i, j - i), TokenKind::kNumber, space_before);
    } else if (is_letter(cp.value)) {
      j = scan_word(s, i);
      push_word(out, s, i, j, space_before);
      if (j < s.size() && s[j] == '$' && j - i <= 3) ++j;
    } else if (is_symbol(cp.value)) {
      if ((cp.value == '<' || cp.value == '>') && j < s.size() && s[j] == '=') ++j;
      push(out, s.substr(i, j - i), TokenKind::kSymbol, space_before);
    } else {
      push(out, s.substr(i, j - i), TokenKind::kPunct, space_before);
    }
    space_before = false;
    i = std::max(j, i + cp.length);  // always progress, whatever the bytes
  }
  return out;
}

std::optional<TypedNumber> parse_typed_number(std::string_view text) {
  std::string digits;  // the number with grouping removed and '.' as decimal point
  std::size_t dots = 0, commas = 0;
  char last_sep = 0;
  for (char c : text) {
    if (c == '.') ++dots, last_sep = c;
    if (c == ',') ++commas, last_sep = c;
    if (c == '/' || c == '-') return std::nullopt;
  }
  char decimal = 0;
  bool guess = false;
  if (dots > 0 && commas > 0) {
    decimal = last_sep;
  } else if (dots + commas == 1) {
    const std::size_t after = text.size() - text.find(last_sep) - 1;
    if (after == 3) {
      guess = true;
    } else {
      decimal = last_sep;
    }
  }
  // Grouping: everything but the decimal separator; groups after the first have 3 digits.
  std::size_t group = 0;
  bool grouped = false, in_fraction = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      ++group;
    } else if (c == decimal && !in_fraction) {
      if (grouped && group != 3) return std::nullopt;
      in_fraction = true;
      digits.push_back('.');
      group = 0;
    } else if (!in_fraction && (c == '.' || c == ',' || c == '\'' || c == ' ')) {
      if (group == 0 || (grouped ? group != 3 : group > 3)) return std::nullopt;
      grouped = true;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (group == 0 || (grouped && !in_fraction && group != 3)) return std::nullopt;
  auto value = Decimal::parse(digits);
  if (!value.ok()) return std::nullopt;
  return TypedNumber{*value, guess};
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

Date month_deadline(int month, std::optional<int> year, MonthPart part, Date today) {
  int y = year.value_or(today.year());
  if (!year && month < today.month()) ++y;
  const int day = part == MonthPart::kStart ? 1
                  : part == MonthPart::kMid ? 15
                                            : days_in_month(y, month);
  // Inside the named month, "by March" can only mean by its end.
  if (!year && month == today.month() && part == MonthPart::kStart) {
    return *Date::from_ymd(y, month, days_in_month(y, month));
  }
  return *Date::from_ymd(y, month, day);
}

Date relative_deadline(int n, char period, Date today) {
  if (period == 'd') return today.plus_days(n);
  if (period == 'w') return today.plus_days(7 * n);
  const int months = today.year() * 12 + (today.month() - 1) + n;
  const int y = months / 12, m = months % 12 + 1;
  return *Date::from_ymd(y, m, std::min(today.day(), days_in_month(y, m)));
}

}  // namespace kontor::crew::detail
