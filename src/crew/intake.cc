#include "crew/intake.h"

#include "crew/detail/intake_reader.h"

namespace kontor::crew {

namespace detail {

void add_country_names(const refdata::CountryTable& countries, Lexicon& lexicon) {
  for (const refdata::CountryInfo& info : countries.all()) {
    for (const std::string& name : {info.name, info.official_name}) {
      // "US", "UK" as names would match the pronoun "us": abbreviations are exact-case rows.
      if (name.size() <= 3) continue;
      lexicon.add(name, LexEntry{"country", "*", std::string(info.code.code()), info.line}, false);
    }
  }
}

}  // namespace detail

namespace {

constexpr std::size_t kMaxGoalBytes = 10000;

}  // namespace

Intake::Intake(std::shared_ptr<const detail::IntakeTables> tables) : tables_(std::move(tables)) {}

StatusOr<Intake> Intake::load(const refdata::DataPaths& paths) {
  ASSIGN_OR_RETURN(auto currencies,
                   refdata::CurrencyTable::load(paths.shared_dir + "/iso4217_currency_codes.csv"));
  ASSIGN_OR_RETURN(auto countries,
                   refdata::CountryTable::load(paths.shared_dir + "/iso3166_country_codes.csv",
                                               paths.repo_dir + "/customs_unions.csv"));
  ASSIGN_OR_RETURN(auto lexicon, detail::Lexicon::load(paths.repo_dir + "/intake_lexicon.tsv"));
  auto tables = std::make_shared<detail::IntakeTables>();
  tables->lexicon = std::move(lexicon);
  detail::add_country_names(countries, tables->lexicon);
  tables->countries = std::move(countries);
  tables->currencies = std::move(currencies);
  return Intake(std::move(tables));
}

StatusOr<Intake> Intake::load(const refdata::ReferenceData& data, const std::string& repo_dir) {
  ASSIGN_OR_RETURN(auto lexicon, detail::Lexicon::load(repo_dir + "/intake_lexicon.tsv"));
  auto tables = std::make_shared<detail::IntakeTables>();
  tables->lexicon = std::move(lexicon);
  detail::add_country_names(data.countries, tables->lexicon);
  tables->countries = data.countries;
  tables->currencies = data.currencies;
  return Intake(std::move(tables));
}

StatusOr<Brief> Intake::read_goal(std::string_view goal, Date today) const {
  if (goal.size() > kMaxGoalBytes) {
    return invalid_argument("goal: longer than 10000 bytes (" + std::to_string(goal.size()) + ")");
  }
  if (goal.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return invalid_argument("goal: empty");
  }
  if (auto at = detail::invalid_utf8_at(goal)) {
    return invalid_argument("goal: not valid UTF-8 at byte " + std::to_string(*at));
  }
  detail::GoalReader reader(*tables_, goal, today);
  return reader.read();
}

const std::vector<std::string_view>& brief_field_names() {
  static const std::vector<std::string_view> kNames = {"product",
                                                       "quantity",
                                                       "destination",
                                                       "target_retail_price",
                                                       "target_landed_cost",
                                                       "budget",
                                                       "deadline",
                                                       "channels",
                                                       "required_certifications",
                                                       "avoid_origins",
                                                       "preferred_origins",
                                                       "max_moq",
                                                       "language",
                                                       "price_role"};
  return kNames;
}

namespace {

StatusOr<const Intake*> default_intake() {
  static const StatusOr<Intake> loaded = Intake::load(refdata::DataPaths::from_environment());
  if (!loaded.ok()) return loaded.status();
  return &*loaded;
}

}  // namespace

StatusOr<Brief> read_goal(std::string_view goal, Date today, const IntakeOptions& options) {
  const Intake* intake = options.intake;
  if (!intake) {
    ASSIGN_OR_RETURN(intake, default_intake());
  }
  return intake->read_goal(goal, today);
}

Status apply_field(Brief& brief, std::string_view field, std::string_view value, Date today,
                   const IntakeOptions& options) {
  const Intake* intake = options.intake;
  if (!intake) {
    ASSIGN_OR_RETURN(intake, default_intake());
  }
  return intake->apply_field(brief, field, value, today);
}

}  // namespace kontor::crew
