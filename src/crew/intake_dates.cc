// GoalReader: the deadline. Explicit dates first (they need no cue), then "in 6 weeks", then a
// month name after a cue ("by March", "bis Ende März"). The date rules are in crew/intake.h.
#include <algorithm>
#include <array>
#include <charconv>

#include "crew/detail/intake_reader.h"

namespace kontor::crew::detail {
namespace {

std::optional<int> small_int(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::vector<std::string_view> split_any(std::string_view text, char sep) {
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

constexpr std::array<std::string_view, 10> kOrdinals = {"st", "nd", "rd", "th", "er",
                                                        "o",  "º",  "ª",  "e",  "eme"};
// Deadline cues that cannot mean anything else: left without a readable date, they are asked.
constexpr std::array<std::string_view, 12> kStrongCues = {
    "deadline",      "spatestens",     "prazo",        "frist",
    "fecha limite",  "date limite",    "a mas tardar", "au plus tard",
    "no later than", "bis spatestens", "in stock by",  "ready by"};

}  // namespace

std::optional<int> GoalReader::year_at(std::size_t i) const {
  if (i >= tok_.size() || tok_[i].used || tok_[i].kind != TokenKind::kNumber) return std::nullopt;
  auto year = small_int(tok_[i].text);
  if (!year || tok_[i].text.size() != 4 || *year < today_.year() - 1 ||
      *year > today_.year() + 10) {
    return std::nullopt;
  }
  return year;
}

std::size_t GoalReader::month_at(std::size_t i, int& month) const {
  const LexEntry* entry = nullptr;
  const std::size_t n = t_.lexicon.longest(tok_, i, "month", &entry);
  if (n == 0) return 0;
  month = small_int(entry->value).value_or(0);
  return month >= 1 && month <= 12 ? n : 0;
}

void GoalReader::set_deadline(Date date, std::size_t begin, std::size_t end) {
  consume(begin, end);
  for (int round = 0; round < 4; ++round) {
    const std::size_t before = begin;
    for (std::string_view kind : {"article", "dl_cue", "dl_rel", "dl_glue"}) {
      consume_kind_before(begin, kind);
    }
    if (begin == before) break;
  }
  consume_kind_after(end, "dl_glue");
  if (b_.deadline || deadline_problem_key_) return;
  if (date < today_) {
    deadline_problem_key_ = "deadline_past";
    deadline_problem_arg_ = date.to_string();
    return;
  }
  b_.deadline = date;
}

// A numeric date: ISO "2027-03-01", "1.3.2027" (always day first), "1/3/2027" (day first
// unless that is impossible; asked when both readings are valid and differ).
void GoalReader::read_explicit_dates() {
  read_numeric_dates();
  read_written_dates();
}

void GoalReader::read_numeric_dates() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    if (tok_[i].used || tok_[i].kind != TokenKind::kNumber) continue;
    const std::string& text = tok_[i].text;
    for (char sep : {'-', '.', '/'}) {
      auto parts = split_any(text, sep);
      if (parts.size() != 3) continue;
      auto a = small_int(parts[0]), m = small_int(parts[1]), c = small_int(parts[2]);
      if (!a || !m || !c) break;
      int y = 0, mo = *m, d = 0;
      if (parts[0].size() == 4) {
        y = *a, d = *c;
      } else if (parts[2].size() == 4 || parts[2].size() == 2) {
        y = parts[2].size() == 2 ? 2000 + *c : *c, d = *a;
      } else {
        break;
      }
      if (y < today_.year() - 1 || y > today_.year() + 10) break;
      auto day_first = Date::from_ymd(y, mo, d);
      auto month_first = Date::from_ymd(y, d, mo);
      if (sep == '/' && parts[0].size() != 4 && day_first.ok() && month_first.ok() && d != mo) {
        consume(i, i + 1);
        deadline_problem_key_ = "deadline_unclear";
        deadline_problem_arg_ = text;
        deadline_options_ = {day_first->to_string(), month_first->to_string()};
        break;
      }
      if (!day_first.ok() && sep == '/') day_first = month_first;
      if (day_first.ok()) set_deadline(*day_first, i, i + 1);
      break;
    }
  }
}

// Written months: "1 March 2027", "1er mars", "1. März 2027", "1 de marzo de 2027",
// "March 1, 2027", "March 2027".
void GoalReader::read_written_dates() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    int month = 0;
    std::size_t j = i;
    std::optional<int> day;
    bool day_before = false;
    if (tok_[i].kind == TokenKind::kNumber && !tok_[i].used && tok_[i].text.size() <= 2) {
      day = small_int(tok_[i].text);
      day_before = true;
      j = i + 1;
      if (j < tok_.size() && !tok_[j].space_before &&
          (tok_[j].text == "." ||
           std::find(kOrdinals.begin(), kOrdinals.end(), tok_[j].key) != kOrdinals.end())) {
        ++j;
      }
      if (j < tok_.size() && (tok_[j].key == "de" || tok_[j].key == "of")) ++j;
    }
    const std::size_t mn = month_at(j, month);
    if (mn == 0) continue;
    std::size_t k = j + mn;
    if (!day && k < tok_.size() && tok_[k].kind == TokenKind::kNumber && tok_[k].text.size() <= 2 &&
        !year_at(k)) {
      day = small_int(tok_[k].text);  // "March 1"
      ++k;
      if (k < tok_.size() && !tok_[k].space_before &&
          std::find(kOrdinals.begin(), kOrdinals.end(), tok_[k].key) != kOrdinals.end()) {
        ++k;
      }
    }
    std::size_t y_at = k;
    if (y_at < tok_.size() && (tok_[y_at].key == "," || tok_[y_at].key == "de")) ++y_at;
    auto year = year_at(y_at);
    if (!year && !day) continue;
    const std::size_t end = year ? y_at + 1 : k;
    int y = year.value_or(today_.year());
    if (!year) {
      // A day and month without a year: the next such date from today.
      auto this_year = Date::from_ymd(y, month, *day);
      if (this_year.ok() && *this_year < today_) ++y;
    }
    auto date = Date::from_ymd(y, month, day.value_or(1));
    if (!date.ok()) continue;
    set_deadline(*date, day_before ? i : j, end);
  }
}

void GoalReader::read_relative_deadlines() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    const std::size_t cue = t_.lexicon.longest(tok_, i, "dl_rel");
    if (cue == 0) continue;
    std::size_t end = 0;
    auto number = number_at(i + cue, end);
    if (!number || number->value.scale() > 0 || number->value < Decimal(1) ||
        number->value > Decimal(999)) {
      continue;
    }
    const LexEntry* period = nullptr;
    const std::size_t pn = t_.lexicon.longest(tok_, end, "period", &period);
    if (pn == 0) continue;
    const int n = small_int(number->value.to_plain_string()).value_or(0);
    set_deadline(relative_deadline(n, period->value[0], today_), i, end + pn);
  }
}

void GoalReader::read_month_deadlines() {
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    int month = 0;
    std::size_t mn = month_at(i, month);
    std::optional<MonthPart> part;
    const std::size_t dash = tok_[i].key.find('-');
    if (mn == 0 && !tok_[i].used && dash != std::string::npos) {
      // "mid-March", "mi-mars", "end-May" are one token: a month part, a dash, a month.
      GoalToken head = tok_[i], rest = tok_[i];
      head.key = head.key.substr(0, dash);
      rest.key = rest.key.substr(dash + 1);
      std::vector<GoalToken> pair{head, rest};
      auto parts = t_.lexicon.at(pair, 0, 1, "dl_part");
      auto months = t_.lexicon.at(pair, 1, 1, "month");
      if (!parts.empty() && !months.empty()) {
        month = small_int(months.front()->value).value_or(0);
        mn = month >= 1 ? 1 : 0;
        part = parts.front()->value == "end"   ? MonthPart::kEnd
               : parts.front()->value == "mid" ? MonthPart::kMid
                                               : MonthPart::kStart;
      }
    }
    if (mn == 0) continue;
    std::size_t p = i;
    const LexEntry* part_entry = nullptr;
    const std::size_t part_n = t_.lexicon.longest_ending(tok_, p, "dl_part", &part_entry);
    if (part_n > 0) {
      p -= part_n;
      part = part_entry->value == "end"   ? MonthPart::kEnd
             : part_entry->value == "mid" ? MonthPart::kMid
                                          : MonthPart::kStart;
    }
    std::size_t cue = 0;
    for (std::string_view kind : {"dl_cue", "dl_rel", "dl_glue"}) {
      cue = std::max(cue, t_.lexicon.longest_ending(tok_, p, kind));
    }
    if (cue == 0 && !part) continue;
    std::size_t end = i + mn;
    std::size_t y_at = end < tok_.size() && tok_[end].key == "de" ? end + 1 : end;
    auto year = year_at(y_at);
    if (year) end = y_at + 1;
    set_deadline(month_deadline(month, year, part.value_or(MonthPart::kStart), today_), p - cue,
                 end);
  }
}

void GoalReader::read_unclear_deadlines() {
  if (b_.deadline || deadline_problem_key_) return;
  for (std::size_t i = 0; i < tok_.size(); ++i) {
    const std::size_t n = t_.lexicon.longest(tok_, i, "dl_cue");
    if (n == 0) continue;
    std::string key;
    for (std::size_t k = i; k < i + n; ++k) key += (k > i ? " " : "") + tok_[k].key;
    if (std::find(kStrongCues.begin(), kStrongCues.end(), key) == kStrongCues.end()) continue;
    std::string snippet;
    for (std::size_t k = i; k < std::min(tok_.size(), i + n + 3); ++k) {
      if (k > i && tok_[k].kind == TokenKind::kPunct) break;
      snippet += (k > i && tok_[k].space_before ? " " : "") + tok_[k].text;
    }
    consume(i, i + n);
    deadline_problem_key_ = "deadline_unclear";
    deadline_problem_arg_ = snippet;
    return;
  }
}

}  // namespace kontor::crew::detail
