// Intake: a goal in plain words → Brief, rule-based and offline. "Source 2,000 insulated
// stainless steel bottles for Germany, retail €24.99, in stock by March" becomes product
// "insulated stainless steel bottles", 2000 pcs, destination DE, target retail 24.99 EUR,
// deadline the next 1 March. English, Spanish, Portuguese, German and French are read; the
// words come from data/intake_lexicon.tsv, English country names and ISO codes from the shared
// reference data. What is missing or ambiguous becomes a Question (Brief::questions), never a
// silent default; apply_field() then settles one field from a CLI flag or an answer.
//
// Reading rules (what a user can rely on):
// - Numbers: when both '.' and ',' appear, the last one is the decimal separator ("1.299,50",
//   "1,299.50"); one kind repeated is grouping ("2.000.000"); a single separator followed by
//   exactly three digits is grouping ("2,000 pcs", "2.000 Stück", "€1.500" = 1500), except for
//   money in a currency with three decimals (KWD, BHD, …), which is asked; any other single
//   separator is the decimal point ("24,99 €", "€24.99", "2.5k"). Spaces between digit groups
//   group ("2 000 unités"). Multipliers: k, thousand, mil, Tausend, mille, million…
// - Money: a symbol or ISO code before or after the number ("€24.99", "24,99 €", "US$ 6",
//   "R$ 120", "6 USD", "£19"). "$" (and "¥", "kr") is ambiguous: it takes the destination's
//   currency when that is one of its candidates, else a Question lists them. The money's role
//   comes from cue words near it (retail: "retail", "sell at", "preço de venda",
//   "Verkaufspreis", "prix de vente"; landed: "landed", "Einstandspreis", "coût de revient";
//   budget: "budget", "orçamento", "presupuesto"); a sum without a cue is asked about.
// - Quantity: a number with a unit word ("2k units", "2.000 Stück", "500 pares"), or a count
//   directly before the product words ("2,000 insulated … bottles" = 2000 pcs of the product).
// - Destination: a country after a destination cue ("for Germany", "para Alemania", "para o
//   Brasil", "nach Deutschland", "pour la France", "to the US"), an adjective with a market
//   word ("the German market"), or an Amazon domain ("Amazon.de"). A country named without a
//   cue is the destination only when the goal's retail price is in that country's currency;
//   otherwise it is asked. "EU"/"Europe" is asked (which member state).
// - Deadline: ISO dates, "1.3.2027", "1 March 2027", "March 1, 2027", "1 de marzo de 2027";
//   numeric d/m/y dates whose day and month could be swapped are asked. A month alone ("by
//   March", "bis März", "hasta marzo", "até março", "avant mars") means the 1st of its next
//   occurrence (this year's if today is before it; the month's last day if today is inside
//   it); "end of March" the last day, "mid-March" the 15th. "in 6 weeks" = today + 42 days,
//   "in 2 months" = the same day two calendar months on. A deadline in the past is asked.
// - Channels, certifications (as typed, canonical spelling: "CE", "LFGB", "RoHS", "ISO 9001"),
//   origins to avoid ("not from China", "sin China", "nicht aus China") and preferred origins
//   ("made in Portugal"), maximum MOQ ("MOQ under 500": 500 is the largest acceptable MOQ).
// - Product: the longest run of words left when the recognised parts, verbs ("source",
//   "importar", "beschaffen", "trouver") and edge fillers are removed, in the goal's words.
// - Language: votes of the lexicon words found, with the catalog's language identifier as the
//   tie-breaker. Questions are written in the goal's language when it is en/es/pt/de/fr, else
//   in English.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "crew/brief.h"
#include "refdata/data_paths.h"
#include "refdata/reference_data.h"

namespace kontor::crew {

namespace detail {
struct IntakeTables;
}

class Intake {
 public:
  // Loads the countries and currencies from the shared data and the lexicon from the repo's
  // data/intake_lexicon.tsv; errors name the file and line.
  static StatusOr<Intake> load(const refdata::DataPaths& paths);
  // Reuses an already loaded snapshot (the crew's engines); reads only the lexicon.
  static StatusOr<Intake> load(const refdata::ReferenceData& data, const std::string& repo_dir);

  // The Brief of `goal`; `today` anchors relative deadlines. Fails (invalid_argument) only on an
  // empty goal, one over 10,000 bytes or one that is not valid UTF-8; anything unreadable in a
  // valid goal becomes a Question.
  StatusOr<Brief> read_goal(std::string_view goal, Date today) const;

  // Sets one field from text and removes the questions it settles. Fields: product, quantity
  // ("2000 pcs", "2k units", "2.000 Stück"), destination ("DE", "Germany", "Alemania"),
  // target_retail_price / target_landed_cost / budget ("24.99 EUR", "€24.99", "24,99 €"),
  // deadline ("2027-03-01", "March", "in 6 weeks"; relative to `today`), channels ("amazon,
  // shopify"), required_certifications ("CE, LFGB"), avoid_origins / preferred_origins
  // ("CN, VN" or names), max_moq ("500"), language; and price_role, whose value is one of its
  // question's options ("budget=5000 EUR"). invalid_argument names the field and the reason.
  Status apply_field(Brief& brief, std::string_view field, std::string_view value,
                     Date today) const;

 private:
  explicit Intake(std::shared_ptr<const detail::IntakeTables> tables);
  std::shared_ptr<const detail::IntakeTables> tables_;
};

// The fields apply_field accepts, in the order a brief is shown.
const std::vector<std::string_view>& brief_field_names();

struct IntakeOptions {
  // The loaded intake to use; null: one loaded once per process from
  // refdata::DataPaths::from_environment().
  const Intake* intake = nullptr;
};

StatusOr<Brief> read_goal(std::string_view goal, Date today, const IntakeOptions& options = {});
Status apply_field(Brief& brief, std::string_view field, std::string_view value, Date today,
                   const IntakeOptions& options = {});

}  // namespace kontor::crew
