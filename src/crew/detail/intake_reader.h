// Internals of the intake: the tables it reads with, and GoalReader, which turns one goal's
// tokens into a Brief in passes (dates, money, MOQ, quantities, places, channels,
// certifications, roles of money, product, questions). Each pass marks the tokens it consumed;
// what is left becomes the product phrase. Not a public header.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crew/brief.h"
#include "crew/detail/intake_text.h"
#include "refdata/countries.h"
#include "refdata/currencies.h"

namespace kontor::crew::detail {

struct IntakeTables {
  Lexicon lexicon;  // data/intake_lexicon.tsv + English country names from `countries`
  refdata::CountryTable countries;
  refdata::CurrencyTable currencies;
};

// Adds the English names of `countries` to `lexicon` as language-neutral country phrases.
void add_country_names(const refdata::CountryTable& countries, Lexicon& lexicon);

std::string question_text(std::string_view key, std::string_view lang, std::string_view arg0 = "",
                          std::string_view arg1 = "");
bool question_language_supported(std::string_view lang);

// A sum of money in the goal; the currency may still be open ("$": several candidates).
struct MoneyMention {
  Decimal amount;
  std::vector<std::string> currencies;  // ISO codes; one when settled
  std::string typed;                    // "$6", "24,99 €" as written, for questions
  std::size_t begin = 0, end = 0;       // token range
  bool per_unit = false;
  bool grouping_guess = false;  // "1,500" read as 1500
  std::string role;             // "retail", "landed", "budget" or "" when no cue
};

struct CountryMention {
  std::string code;  // ISO alpha-2, or "EU"
  enum class How { kDestination, kOrigin, kAvoid, kBare } how = How::kBare;
  std::size_t begin = 0, end = 0;
  bool capitalized = true;  // typed with a capital (bare lower-case "china" is a material)
};

class GoalReader {
 public:
  GoalReader(const IntakeTables& tables, std::string_view goal, Date today);

  // Every pass in order; the result has its questions.
  Brief read();

  // Single passes for apply_field, on a value rather than a goal.
  std::vector<MoneyMention> read_money_only();
  std::optional<Date> read_deadline_only();
  std::optional<Quantity> read_quantity_only();

 private:
  // intake_reader.cc
  void merge_spaced_groups();
  void vote_language();
  std::optional<TypedNumber> number_at(std::size_t i, std::size_t& end) const;
  std::vector<std::string> currency_at(std::size_t i, std::size_t& end) const;
  void read_money();
  void read_moq();
  void read_quantities();
  void read_bare_quantity();
  void assign_money_roles();
  bool sold_at(std::size_t begin);
  void settle_money();
  void consume(std::size_t begin, std::size_t end);
  void consume_kind_before(std::size_t& begin, std::string_view kind);
  void consume_kind_after(std::size_t& end, std::string_view kind);
  // intake_dates.cc
  void read_explicit_dates();
  void read_numeric_dates();
  void read_written_dates();
  void read_relative_deadlines();
  void read_month_deadlines();
  void read_unclear_deadlines();
  void set_deadline(Date date, std::size_t begin, std::size_t end);
  std::size_t month_at(std::size_t i, int& month) const;
  std::optional<int> year_at(std::size_t i) const;
  // intake_places.cc
  void read_countries();
  void read_adjectives();
  void read_channels();
  void read_certifications();
  void settle_destination();
  std::size_t country_at(std::size_t i, std::string& code, bool& generic) const;
  CountryMention::How cue_before(std::size_t& begin) const;
  // intake_product.cc
  void read_verbs();
  void read_product();
  void add_questions();
  bool edge_word(const GoalToken& token) const;

  const IntakeTables& t_;
  std::vector<GoalToken> tok_;
  Date today_;
  Brief b_;
  std::vector<MoneyMention> money_;
  std::vector<CountryMention> countries_;
  std::map<std::string, int> votes_;
  std::optional<std::string> deadline_problem_key_;  // "deadline_unclear", "deadline_past", …
  std::string deadline_problem_arg_;
  std::vector<std::string> deadline_options_;
  std::vector<Question> destination_questions_;
  std::vector<Question> money_questions_;
};

}  // namespace kontor::crew::detail
