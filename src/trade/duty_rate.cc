#include "trade/duty_rate.h"

#include <string>

#include "trade/detail/duty_rate_tables.h"

namespace kontor::trade {
namespace {

using detail::kAgriculturalWords;
using detail::kBaseDutyPhrases;
using detail::kMonths;
using detail::kNotComputable;
using detail::kUnitSpecs;
using detail::kValueSpecs;
using detail::Phrase;
using detail::UnitSpec;
using detail::ValueSpec;

// ---------------------------------------------------------------------------------------------
// Normalisation: markup removed, "¢" → '#', "€" → " eur ", non-breaking spaces and line breaks
// → one space, ASCII lower case. Parsing then needs only single-byte lookahead.

std::size_t normalize(std::string_view in, char* out) {
  std::size_t n = 0;
  auto put = [&](char c) {
    if (c == ' ' && (n == 0 || out[n - 1] == ' ')) return;
    out[n++] = c;
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '<') {  // <sup>, </sup>, <il>, <u>: formatting only
      std::size_t close = in.find('>', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < in.size()) {
      unsigned char d = static_cast<unsigned char>(in[i + 1]);
      if (d == 0xA0) {
        put(' ');
        ++i;
        continue;
      }  // no-break space
      if (d == 0xA2) {
        put('#');
        ++i;
        continue;
      }  // ¢
    }
    if (c == 0xE2 && in.substr(i, 3) == "\xE2\x82\xAC") {  // €
      put(' ');
      put('e');
      put('u');
      put('r');
      put(' ');
      i += 2;
      continue;
    }
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == '[' || c == ']') continue;  // "[The duty provided … + 100%]"
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    put(static_cast<char>(c));
  }
  while (n > 0 && out[n - 1] == ' ') --n;
  return n;
}

// The same text without spaces: the key for phrase and unit tables, so "100 kg / net dry",
// "100kg/net dry" and "100 kg/ net  dry" are one spelling.
std::string_view without_spaces(std::string_view in, char* out) {
  std::size_t n = 0;
  for (char c : in) {
    if (c != ' ') out[n++] = c;
  }
  return {out, n};
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

enum class Jurisdiction { kUs, kEu, kGb };

bool parse_jurisdiction(std::string_view text, Jurisdiction& out) {
  if (text == "US")
    out = Jurisdiction::kUs;
  else if (text == "EU")
    out = Jurisdiction::kEu;
  else if (text == "GB" || text == "UK")
    out = Jurisdiction::kGb;
  else
    return false;
  return true;
}

// Recursive descent over a normalised text:
//   rate    := clauses ['(' ranges ')'] {',' clauses ['(' ranges ')']}
//   clauses := sum ['min' sum] ['max' sum]
//   sum     := term {'+' term}
//   term    := number ('%' | 'percent') value-basis | ('$' number | number ('¢'|'eur'|'gbp'))
//              ['/'] unit | number (EU/UK: a bare number is a percentage) | 'ea' | 'adsz' | …
// Failures keep the first reason (a static text) and return false.
class Parser {
 public:
  Parser(std::string_view s, Jurisdiction j, DutyRate& out) : s_(s), j_(j), out_(out) {}

  bool parse_rate();
  bool parse_reference_tail();  // "+25%", "plus25%", "minus0.5%"
  std::string_view why() const { return why_; }
  bool agricultural() const { return agricultural_; }

 private:
  void skip_ws() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
  }
  bool at_end() {
    skip_ws();
    return i_ >= s_.size();
  }
  bool accept(char c) {
    skip_ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool word_at(std::size_t i, std::string_view w) const {
    return s_.substr(i, w.size()) == w &&
           (i + w.size() >= s_.size() || !is_letter(s_[i + w.size()]));
  }
  bool accept_word(std::string_view w) {
    skip_ws();
    if (!word_at(i_, w)) return false;
    i_ += w.size();
    return true;
  }
  bool fail(std::string_view why) {
    if (why_.empty()) why_ = why;
    return false;
  }
  // '+', '(', the end, or the words MIN / MAX: where a unit or basis text stops.
  bool terminator_at(std::size_t i) const {
    if (i >= s_.size() || s_[i] == '+' || s_[i] == '(') return true;
    bool word_start = i == 0 || !is_letter(s_[i - 1]);
    return word_start && (word_at(i, "min") || word_at(i, "max"));
  }
  bool parse_uint(int& out);
  bool parse_number(Decimal& out);
  std::string_view read_key();  // the text up to a terminator, without spaces or final '.'
  bool parse_term(DutyClause clause);
  bool parse_ad_valorem(DutyComponent c, const Decimal& percent);
  bool parse_specific(DutyComponent c, const Decimal& amount, std::string_view currency,
                      bool needs_slash);
  bool parse_sum(DutyClause clause);
  bool parse_clauses();
  bool parse_month(int& month);
  bool parse_range(SeasonRange& range);
  bool add(const DutyComponent& c);

  std::string_view s_;
  Jurisdiction j_;
  DutyRate& out_;
  std::size_t i_ = 0;
  std::uint8_t season_ = 0;
  bool agricultural_ = false;
  std::string_view why_;
  char key_[256];
};

bool Parser::parse_uint(int& out) {
  skip_ws();
  if (i_ >= s_.size() || !is_digit(s_[i_])) return false;
  out = 0;
  while (i_ < s_.size() && is_digit(s_[i_]) && out < 100000) out = out * 10 + (s_[i_++] - '0');
  return true;
}

// "1,024.00", "4.4", "89.6": thousands separators are a comma before exactly three digits.
bool Parser::parse_number(Decimal& out) {
  skip_ws();
  if (i_ >= s_.size() || !is_digit(s_[i_])) return false;
  Decimal::Mantissa m = 0;
  int digits = 0, scale = 0;
  bool fraction = false;
  while (i_ < s_.size()) {
    char c = s_[i_];
    if (is_digit(c)) {
      if (++digits > 30 || scale >= Decimal::kMaxScale) return fail("number too long");
      m = m * 10 + (c - '0');
      if (fraction) ++scale;
      ++i_;
    } else if (c == ',' && !fraction && i_ + 3 < s_.size() + 0 && is_digit(s_[i_ + 1]) &&
               is_digit(s_[i_ + 2]) && is_digit(s_[i_ + 3]) &&
               (i_ + 4 >= s_.size() || !is_digit(s_[i_ + 4]))) {
      ++i_;
    } else if (c == '.' && !fraction && i_ + 1 < s_.size() && is_digit(s_[i_ + 1])) {
      fraction = true;
      ++i_;
    } else {
      break;
    }
  }
  out = Decimal::from_scaled(m, scale);
  return true;
}

std::string_view Parser::read_key() {
  skip_ws();
  std::size_t n = 0;
  while (!terminator_at(i_)) {
    if (s_[i_] != ' ' && n < sizeof(key_)) key_[n++] = s_[i_];
    ++i_;
  }
  if (n > 0 && key_[n - 1] == '.') --n;
  return {key_, n};
}

bool Parser::add(const DutyComponent& c) {
  if (out_.component_count >= DutyRate::kMaxComponents) return fail("more than 6 components");
  int in_season = 0;
  for (const DutyComponent& other : out_) in_season += other.season == c.season;
  if (in_season >= DutyRate::kMaxComponentsPerSeason) {
    return fail("more than 4 components in one season");
  }
  out_.components[out_.component_count++] = c;
  return true;
}

bool Parser::parse_ad_valorem(DutyComponent c, const Decimal& percent) {
  c.kind = DutyComponent::Kind::kAdValorem;
  c.rate = percent * Decimal::from_scaled(1, 2);
  std::string_view key = read_key();
  for (const ValueSpec& spec : kValueSpecs) {
    if (spec.key == key) {
      c.basis = spec.basis;
      return add(c);
    }
  }
  return fail("unknown base of an ad valorem rate");
}

bool Parser::parse_specific(DutyComponent c, const Decimal& amount, std::string_view currency,
                            bool needs_slash) {
  c.kind = DutyComponent::Kind::kSpecific;
  c.rate = amount;
  for (int k = 0; k < 3; ++k) c.currency_[k] = static_cast<char>(currency[k] - 'a' + 'A');
  bool slash = accept('/');
  std::string_view key = read_key();
  if (!slash && needs_slash && key != "each") return fail("expected '/' and a unit");
  if (key.substr(0, 9) == "jewelover") {  // "2.8¢/jewel over 7"
    int over = 0;
    std::string_view rest = key.substr(9);
    for (char ch : rest) {
      if (!is_digit(ch) || over > 1000) return fail("unknown unit of a specific rate");
      over = over * 10 + (ch - '0');
    }
    c.unit = Unit::kPiece;
    c.basis = DutyBasis::kJewels;
    c.excess_over = static_cast<std::uint16_t>(over);
    return add(c);
  }
  for (const UnitSpec& spec : kUnitSpecs) {
    if (spec.key == key) {
      c.unit = spec.unit;
      c.per_exp10 = spec.per_exp10;
      c.basis = spec.basis;
      c.per_percent = spec.per_percent;
      return add(c);
    }
  }
  return fail("unknown unit of a specific rate");
}

bool Parser::parse_term(DutyClause clause) {
  skip_ws();
  for (std::string_view w : kAgriculturalWords) {
    if (accept_word(w)) {
      agricultural_ = true;
      return true;
    }
  }
  DutyComponent c;
  c.clause = clause;
  c.season = season_;
  Decimal n;
  if (accept('$')) {
    if (!parse_number(n)) return fail("expected an amount after '$'");
    return parse_specific(c, n, "usd", true);
  }
  for (std::string_view code : {std::string_view("eur"), std::string_view("gbp")}) {
    if (accept_word(code)) {  // "EUR 4.4 / 100 kg": the code before the amount
      if (!parse_number(n)) return fail("expected an amount after the currency");
      return parse_specific(c, n, code, true);
    }
  }
  if (!parse_number(n)) return fail("expected a number");
  // "33 1/3%": a mixed number. A third is not a finite decimal: 18 digits, half-even.
  std::size_t save = i_;
  int whole_num = 0, den = 0;
  if (parse_uint(whole_num) && i_ < s_.size() && s_[i_] == '/' && (++i_, parse_uint(den)) &&
      den > 0 && i_ < s_.size() && s_[i_] == '%') {
    n += *Decimal::divide(Decimal(whole_num), Decimal(den), Decimal::kMaxScale - 2,
                          RoundingMode::kHalfEven);
  } else {
    i_ = save;
  }
  if (accept('%') || accept_word("percent")) return parse_ad_valorem(c, n);
  if (accept('#')) return parse_specific(c, n * Decimal::from_scaled(1, 2), "usd", false);
  if (accept_word("eur")) return parse_specific(c, n, "eur", true);
  if (accept_word("gbp")) return parse_specific(c, n, "gbp", true);
  skip_ws();
  // The EU CET prints a few ad valorem amounts without '%' ("6.4 + 24.6 EUR/100 kg"; the UK
  // tariff prints the same lines as "6.00% + 20 GBP/100kg").
  if (j_ != Jurisdiction::kUs && terminator_at(i_)) return parse_ad_valorem(c, n);
  return fail("expected %, ¢, EUR or GBP after a number");
}

bool Parser::parse_sum(DutyClause clause) {
  if (!parse_term(clause)) return false;
  while (accept('+')) {
    if (!parse_term(clause)) return false;
  }
  return true;
}

bool Parser::parse_clauses() {
  if (!parse_sum(DutyClause::kMain)) return false;
  bool min = false, max = false;
  for (;;) {
    if (!min && accept_word("min")) {
      min = true;
      if (!parse_sum(DutyClause::kMinimum)) return false;
    } else if (!max && accept_word("max")) {
      max = true;
      if (!parse_sum(DutyClause::kMaximum)) return false;
    } else {
      return true;
    }
  }
}

bool Parser::parse_month(int& month) {
  skip_ws();
  std::size_t start = i_;
  while (i_ < s_.size() && is_letter(s_[i_])) ++i_;
  std::string_view word = s_.substr(start, i_ - start);
  if (word.size() < 3) {
    i_ = start;
    return false;
  }
  for (int k = 0; k < 12; ++k) {
    if (starts_with(word, kMonths[k].prefix)) {
      month = k + 1;
      return true;
    }
  }
  i_ = start;
  return false;
}

// "01 JAN-14 FEB", "16 JUN - 31 DEC", "01-31 DEC" (the month printed once). A day past the
// month's end ("31 APR") means its last day.
bool Parser::parse_range(SeasonRange& range) {
  int d1 = 0, m1 = 0, d2 = 0, m2 = 0;
  if (!parse_uint(d1)) return fail("expected a day in a season");
  parse_month(m1);
  if (!accept('-')) return fail("expected '-' in a season");
  if (!parse_uint(d2) || !parse_month(m2)) return fail("expected a day and month in a season");
  if (m1 == 0) m1 = m2;
  if (d1 < 1 || d2 < 1) return fail("day 0 in a season");
  range.from_month = static_cast<std::uint8_t>(m1);
  range.to_month = static_cast<std::uint8_t>(m2);
  range.from_day = static_cast<std::uint8_t>(d1 > kMonths[m1 - 1].days ? kMonths[m1 - 1].days : d1);
  range.to_day = static_cast<std::uint8_t>(d2 > kMonths[m2 - 1].days ? kMonths[m2 - 1].days : d2);
  return true;
}

bool Parser::parse_rate() {
  bool seasonal = false;
  for (;;) {
    if (!parse_clauses()) return false;
    if (accept('(')) {
      DutySeason& season = out_.seasons[season_];
      do {
        if (season.range_count >= 2) return fail("more than 2 ranges in a season");
        if (!parse_range(season.ranges[season.range_count++])) return false;
      } while (accept(','));
      if (!accept(')')) return fail("expected ')' after a season");
      seasonal = true;
    }
    if (!accept(',')) break;
    if (++season_ >= DutyRate::kMaxSeasons) return fail("more than 4 seasons");
  }
  if (!at_end()) return fail("unexpected text");
  if (season_ > 0 && !seasonal) return fail("several rates without seasons");
  if (seasonal) {
    out_.season_count = static_cast<std::uint8_t>(season_ + 1);
    for (int k = 0; k + 1 < out_.season_count; ++k) {
      if (out_.seasons[k].range_count == 0) return fail("a season without dates");
    }
  }
  return true;
}

bool Parser::parse_reference_tail() {
  bool minus = accept_word("minus");
  if (!minus && !accept('+') && !accept_word("plus")) return fail("expected '+' after the base");
  DutyComponent c;
  Decimal n;
  if (!parse_number(n) || !accept('%') || !at_end()) return fail("expected a percentage");
  return parse_ad_valorem(c, minus ? -n : n);
}

bool has_min_or_max(const DutyRate& rate) {
  for (const DutyComponent& c : rate) {
    if (c.clause != DutyClause::kMain) return true;
  }
  return false;
}

DutyForm classify(const DutyRate& rate) {
  if (rate.season_count > 0) return DutyForm::kSeasonal;
  bool all_ad_valorem = true, all_specific = true;
  for (const DutyComponent& c : rate) {
    if (c.is_ad_valorem()) all_specific = false;
    if (!c.is_ad_valorem() || c.basis != DutyBasis::kDeclared) all_ad_valorem = false;
  }
  if (has_min_or_max(rate)) return DutyForm::kCompound;
  if (all_ad_valorem && rate.component_count == 1) return DutyForm::kAdValorem;
  if (all_specific) return DutyForm::kSpecific;
  return DutyForm::kCompound;
}

// "Free, under bond, as prescribed in U.S. note 2 …" → "under bond, as prescribed …".
std::string_view free_condition(std::string_view text) {
  std::size_t i = text.find_first_not_of(" \n\r\t");
  if (i == std::string_view::npos) return {};
  i += 4;  // "Free"
  while (i < text.size() && (text[i] == ',' || text[i] == ' ' || text[i] == '\n')) ++i;
  return text.substr(i);
}

// Fills `out` from the normalised text `s` and its spaceless form `compact`; returns the reason
// of a failure (static text), empty on success.
std::string_view parse_normalized(std::string_view s, std::string_view compact, Jurisdiction j,
                                  DutyRate& out) {
  if (s.empty()) return "empty rate text";
  if (s == "free" || starts_with(s, "free,") || starts_with(s, "free (")) {
    out.form = DutyForm::kFree;
    if (s != "free") out.condition = free_condition(out.text);
    return {};
  }
  if (s == "no change") {  // chapter 99: the subheading's own duty applies unchanged
    out.form = DutyForm::kAdditional;
    return {};
  }
  for (std::string_view phrase : kBaseDutyPhrases) {
    if (!starts_with(compact, phrase)) continue;
    out.form = DutyForm::kAdditional;
    std::string_view tail = compact.substr(phrase.size());
    if (tail.empty()) return {};
    Parser p(tail, j, out);
    return p.parse_reference_tail() ? std::string_view() : p.why();
  }
  for (const Phrase& phrase : kNotComputable) {
    if (phrase.prefix ? starts_with(compact, phrase.text)
                      : compact.find(phrase.text) != std::string_view::npos) {
      out.form = DutyForm::kNotComputable;
      out.reason = phrase.reason;
      return {};
    }
  }
  Parser p(s, j, out);
  if (!p.parse_rate()) return p.why();
  if (p.agricultural()) {
    out.form = DutyForm::kNotComputable;
    out.reason = NotComputableReason::kEuAgriculturalComponent;
  } else if (out.component_count == 0) {
    return "no rate";
  } else {
    out.form = classify(out);
  }
  return {};
}

bool is_program_list(std::string_view text) {
  bool letter = false;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z')
      letter = true;
    else if (c != '+' && c != '*' && c != ',' && c != ' ' && c != '.' && c != '\n' && c != '\r')
      return false;
  }
  return letter;
}

std::string_view trimmed(std::string_view t) {
  std::size_t b = t.find_first_not_of(" \n\r\t");
  if (b == std::string_view::npos) return {};
  std::size_t e = t.find_last_not_of(" \n\r\t");
  return t.substr(b, e - b + 1);
}

}  // namespace

std::uint32_t DutyComponent::per() const {
  std::uint32_t p = 1;
  for (int k = 0; k < per_exp10; ++k) p *= 10;
  return p;
}

bool SeasonRange::contains(int month, int day) const {
  int d = month * 100 + day;
  int from = from_month * 100 + from_day, to = to_month * 100 + to_day;
  return from <= to ? (d >= from && d <= to) : (d >= from || d <= to);
}

StatusOr<DutyRate> parse_duty_rate(std::string_view text, std::string_view jurisdiction) {
  Jurisdiction j;
  if (!parse_jurisdiction(jurisdiction, j)) {
    return invalid_argument("duty rate: unknown jurisdiction '" + std::string(jurisdiction) +
                            "' (expected US, EU or GB)");
  }
  // Normalising expands "€" to five bytes; the stack buffers fit every rate in the schedules
  // but the long chapter 98 sentences.
  char small[2][512];
  std::string large[2];
  char* norm = small[0];
  char* compact = small[1];
  if (text.size() * 2 + 8 > sizeof(small[0])) {
    large[0].resize(text.size() * 2 + 8);
    large[1].resize(text.size() * 2 + 8);
    norm = large[0].data();
    compact = large[1].data();
  }
  std::string_view s(norm, normalize(text, norm));
  DutyRate rate;
  rate.text = text;
  std::string_view why = parse_normalized(s, without_spaces(s, compact), j, rate);
  if (!why.empty()) {
    return invalid_argument("duty rate '" + std::string(text) + "': " + std::string(why));
  }
  return rate;
}

StatusOr<std::vector<SpecialRate>> parse_special_rates(std::string_view text,
                                                       std::string_view jurisdiction) {
  std::vector<SpecialRate> out;
  std::size_t segment = 0, search = 0;
  for (;;) {
    std::size_t open = text.find('(', search);
    if (open == std::string_view::npos) break;
    std::size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    search = close + 1;
    if (!is_program_list(inside)) continue;  // "(see U.S. note 3 …)" is part of the rate
    std::string_view rate_text = trimmed(text.substr(segment, open - segment));
    ASSIGN_OR_RETURN(DutyRate rate, parse_duty_rate(rate_text, jurisdiction));
    out.push_back({rate, trimmed(inside)});
    segment = search;
  }
  std::string_view rest = trimmed(text.substr(segment));
  if (!rest.empty() || out.empty()) {
    ASSIGN_OR_RETURN(DutyRate rate, parse_duty_rate(rest, jurisdiction));
    out.push_back({rate, {}});
  }
  return out;
}

}  // namespace kontor::trade
