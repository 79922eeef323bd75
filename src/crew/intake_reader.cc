// GoalReader: the passes over numbers — money, MOQ, quantities — and the roles of money. The
// order of passes matters: money and MOQ claim their numbers before quantities do, and a bare
// count is taken as the quantity only after every other reading of numbers failed.
#include "crew/detail/intake_reader.h"

#include <algorithm>
#include <set>
#include <utility>

#include "catalog/text.h"
#include "catalog/types.h"

namespace kontor::crew::detail {
namespace {

bool is_upper_code(std::string_view text) {
  return text.size() == 3 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::vector<std::string> split_codes(std::string_view value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || value[i] == ' ') {
      if (i > start) out.emplace_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

GoalReader::GoalReader(const IntakeTables& tables, std::string_view goal, Date today)
    : t_(tables), tok_(tokenize_goal(goal)), today_(today) {
  b_.goal = std::string(goal);
  merge_spaced_groups();
}

Brief GoalReader::read() {
  vote_language();
  read_explicit_dates();
  read_money();
  read_moq();
  read_relative_deadlines();
  read_quantities();
  read_month_deadlines();
  read_countries();
  read_adjectives();
  read_channels();
  read_certifications();
  assign_money_roles();
  settle_destination();
  settle_money();
  read_bare_quantity();
  read_unclear_deadlines();
  read_verbs();
  read_product();
  add_questions();
  return std::move(b_);
}

// "2 000 unités": a 1-3 digit number followed by a spaced 3-digit group (not glued to a word,
// as in "2 500ml") is one number.
void GoalReader::merge_spaced_groups() {
  auto digits_only = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  for (std::size_t i = 0; i + 1 < tok_.size(); ++i) {
    GoalToken& a = tok_[i];
    if (a.kind != TokenKind::kNumber) continue;
    const bool first_ok =
        (digits_only(a.text) && a.text.size() <= 3) || a.text.find(' ') != std::string::npos;
    while (first_ok && i + 1 < tok_.size()) {
      const GoalToken& b = tok_[i + 1];
      const bool glued_next =
          i + 2 < tok_.size() && !tok_[i + 2].space_before && tok_[i + 2].kind == TokenKind::kWord;
      if (b.kind != TokenKind::kNumber || !b.space_before || b.text.size() != 3 ||
          !digits_only(b.text) || glued_next) {
        break;
      }
      a.text += " " + b.text;
      a.key = a.text;
      tok_.erase(tok_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }
}

// Each lexicon phrase in a language votes for it (longer phrases more); the catalog's
// identifier adds its vote and breaks ties.
void GoalReader::vote_language() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    for (std::size_t n = 1; n <= Lexicon::kMaxPhraseTokens && i + n <= tok_.size(); ++n) {
      std::set<std::string> langs;
      for (const LexEntry* e : t_.lexicon.at(tok_, i, n, "")) {
        if (question_language_supported(e->lang)) langs.insert(e->lang);
      }
      for (const std::string& lang : langs) votes_[lang] += static_cast<int>(n);
    }
  }
  const std::string guess = catalog::identify_language(b_.goal);
  votes_[guess] += 2;
  std::string best = guess;
  for (const auto& [lang, n] : votes_) {
    if (n > votes_[best]) best = lang;
  }
  b_.language = best;
}

void GoalReader::consume(std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end && i < tok_.size(); ++i) tok_[i].used = true;
}

void GoalReader::consume_kind_before(std::size_t& begin, std::string_view kind) {
  const std::size_t n = t_.lexicon.longest_ending(tok_, begin, kind);
  consume(begin - n, begin);
  begin -= n;
}

void GoalReader::consume_kind_after(std::size_t& end, std::string_view kind) {
  const std::size_t n = t_.lexicon.longest(tok_, end, kind);
  consume(end, end + n);
  end += n;
}

// A number with an optional multiplier after it ("2k", "2 mil", "2,5 Tausend").
std::optional<TypedNumber> GoalReader::number_at(std::size_t i, std::size_t& end) const {
  if (i >= tok_.size() || tok_[i].used || tok_[i].kind != TokenKind::kNumber) return std::nullopt;
  auto number = parse_typed_number(tok_[i].text);
  if (!number) return std::nullopt;
  end = i + 1;
  const LexEntry* mult = nullptr;
  const std::size_t n = t_.lexicon.longest(tok_, end, "mult", &mult);
  if (n > 0) {
    auto factor = Decimal::parse(mult->value);
    if (factor.ok()) {
      number->value = number->value * *factor;
      number->grouping_guess = false;
      end += n;
    }
  }
  return number;
}

// Currency candidates of a symbol, word or upper-case ISO code at `i`.
std::vector<std::string> GoalReader::currency_at(std::size_t i, std::size_t& end) const {
  if (i >= tok_.size() || tok_[i].used) return {};
  const LexEntry* entry = nullptr;
  const std::size_t n = t_.lexicon.longest(tok_, i, "currency", &entry);
  if (n > 0) {
    end = i + n;
    return split_codes(entry->value);
  }
  if (is_upper_code(tok_[i].text) && t_.currencies.find(tok_[i].text).ok()) {
    end = i + 1;
    return {tok_[i].text};
  }
  return {};
}

void GoalReader::read_money() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    std::size_t c_end = 0, n_end = 0;
    MoneyMention m;
    std::vector<std::string> currencies = currency_at(i, c_end);
    std::optional<TypedNumber> number;
    if (!currencies.empty() && (number = number_at(c_end, n_end))) {
      m.begin = i, m.end = n_end;
    } else if ((number = number_at(i, n_end)) &&
               !(currencies = currency_at(n_end, c_end)).empty()) {
      m.begin = i, m.end = c_end;
    } else {
      continue;
    }
    m.amount = number->value;
    m.grouping_guess = number->grouping_guess;
    m.currencies = std::move(currencies);
    for (std::size_t k = m.begin; k < m.end; ++k) {
      if (k > m.begin && tok_[k].space_before) m.typed.push_back(' ');
      m.typed += tok_[k].text;
    }
    consume(m.begin, m.end);
    consume_kind_before(m.begin, "comparator");
    const std::size_t before = m.end;
    consume_kind_after(m.end, "per_unit");
    m.per_unit = m.end != before;
    money_.push_back(std::move(m));
    i = money_.back().end - 1;
  }
}

void GoalReader::read_moq() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    const std::size_t cue = t_.lexicon.longest(tok_, i, "moq_cue");
    std::size_t j = i + cue, end = 0;
    if (cue > 0) {
      // "MOQ under 500", "MOQ of at most 500", "MOQ: 500"
      for (int skip = 0; skip < 4 && j < tok_.size() && !tok_[j].used; ++skip) {
        std::size_t n = t_.lexicon.longest(tok_, j, "comparator");
        if (n == 0) n = t_.lexicon.longest(tok_, j, "filler");
        if (n == 0 && tok_[j].kind == TokenKind::kPunct && tok_[j].text == ":") n = 1;
        if (n == 0) break;
        j += n;
      }
      auto number = number_at(j, end);
      if (!number) continue;
      b_.max_moq = number->value;
      consume(i, end);
      consume_kind_before(i, "comparator");
      consume_kind_after(end, "unit");
    } else if (auto number = number_at(i, end)) {
      // "500 pcs MOQ max"
      std::size_t k = end + t_.lexicon.longest(tok_, end, "unit");
      const std::size_t after = t_.lexicon.longest(tok_, k, "moq_cue");
      if (after == 0) continue;
      b_.max_moq = number->value;
      std::size_t last = k + after;
      consume(i, last);
      consume_kind_before(i, "comparator");
      consume_kind_after(last, "comparator");
    }
  }
}

void GoalReader::read_quantities() {
  for (std::size_t i = 0; i < tok_.size() && !b_.quantity; ++i) {
    std::size_t end = 0;
    auto number = number_at(i, end);
    if (!number) continue;
    const LexEntry* unit_entry = nullptr;
    const std::size_t n = t_.lexicon.longest(tok_, end, "unit", &unit_entry);
    if (n == 0) continue;
    auto unit = parse_unit(unit_entry->value);
    if (!unit.ok()) continue;
    b_.quantity = Quantity(number->value, *unit);
    consume(i, end + n);
  }
}

// "Source 2,000 insulated … bottles": a whole count right before a word of the product counts
// pieces of it. Not "2 500ml" (a size) nor a number glued to a word.
void GoalReader::read_bare_quantity() {
  if (b_.quantity) return;
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    std::size_t end = 0;
    auto number = number_at(i, end);
    if (!number || number->value.scale() > 0 || number->value < Decimal(1)) continue;
    if (end >= tok_.size() || tok_[end].used || tok_[end].kind != TokenKind::kWord ||
        !tok_[end].space_before || (i > 0 && !tok_[i].space_before)) {
      continue;
    }
    b_.quantity = Quantity(number->value, Unit::kPiece);
    consume(i, end);
    return;
  }
}

// "to sell on Amazon UK at £12.99", "vender no Brasil por R$ 39,90": a preposition right
// before the sum and a selling verb earlier in the same clause (no comma, no other sum between).
bool GoalReader::sold_at(std::size_t begin) {
  const std::size_t prep = t_.lexicon.longest_ending(tok_, begin, "price_prep");
  if (prep == 0) return false;
  for (std::size_t k = begin - prep, steps = 0; k > 0 && steps < 8; --k, ++steps) {
    const GoalToken& t = tok_[k - 1];
    if (t.kind == TokenKind::kPunct && t.text != "-" && t.text != "'") return false;
    std::vector<GoalToken> one{t};
    if (!t_.lexicon.at(one, 0, 1, "sell_cue").empty() ||
        (k >= 2 && !t_.lexicon.at(tok_, k - 2, 2, "sell_cue").empty())) {
      consume(begin - prep, begin);
      return true;
    }
    for (const MoneyMention& other : money_) {
      if (k - 1 >= other.begin && k - 1 < other.end) return false;
    }
  }
  return false;
}

void GoalReader::assign_money_roles() {
  for (MoneyMention& m : money_) {
    std::size_t p = m.begin;
    for (int skip = 0; skip < 3 && p > 0 && !tok_[p - 1].used; ++skip) {
      const GoalToken& t = tok_[p - 1];
      const bool skippable =
          t.text == ":" || t_.lexicon.is(t, "filler") || t_.lexicon.is(t, "article");
      if (!skippable || t_.lexicon.longest_ending(tok_, p, "role") > 0) break;
      --p;
    }
    const LexEntry* role = nullptr;
    std::size_t n = t_.lexicon.longest_ending(tok_, p, "role", &role);
    if (n > 0) {
      consume(p - n, m.begin);
      m.role = role->value;
      continue;
    }
    std::size_t q = m.end;
    while (q < tok_.size() && !tok_[q].used && t_.lexicon.is(tok_[q], "filler")) ++q;
    n = t_.lexicon.longest(tok_, q, "role", &role);
    if (n > 0) {
      consume(m.end, q + n);
      m.role = role->value;
    } else if (sold_at(m.begin)) {
      m.role = "retail";
    }
  }
}

}  // namespace kontor::crew::detail
