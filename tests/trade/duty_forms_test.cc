// Data-driven duty tests: the golden cases of golden/duty_rates.txt (readable and extendable
// by a customs expert), and every rate text of the shipped schedules — US HTS 2024 general,
// special and column 2; EU CET 2020; UK Global Tariff 2021 — parsed with zero unrecognised
// texts and the count of each form printed and pinned.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "core/csv.h"
#include "trade/duty.h"
#include "trade/duty_rate.h"

namespace kontor::trade {
namespace {

std::string_view trim(std::string_view t) {
  std::size_t b = t.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return t.substr(b, t.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string_view> split(std::string_view text, std::string_view sep) {
  std::vector<std::string_view> out;
  for (std::size_t pos = 0;;) {
    std::size_t next = text.find(sep, pos);
    out.push_back(trim(text.substr(pos, next == std::string_view::npos ? next : next - pos)));
    if (next == std::string_view::npos) return out;
    pos = next + sep.size();
  }
}

StatusOr<Money> parse_money(std::string_view text) {
  std::size_t space = text.rfind(' ');
  if (space == std::string_view::npos) return invalid_argument("expected 'AMOUNT CUR'");
  ASSIGN_OR_RETURN(Decimal amount, Decimal::parse(text.substr(0, space)));
  ASSIGN_OR_RETURN(Currency currency, Currency::make(text.substr(space + 1), 2));
  return Money(amount, currency);
}

// "200 kg", "drained weight 60 kg", "value of the case 500.00 USD", "alcohol 12.5", …
Status add_declared(std::string_view item, DutyBase& base) {
  if (item.substr(0, 8) == "alcohol ") {
    ASSIGN_OR_RETURN(base.alcohol_strength, Decimal::parse(item.substr(8)));
    return ok_status();
  }
  if (item.substr(0, 8) == "sucrose ") {
    ASSIGN_OR_RETURN(base.sucrose_content, Decimal::parse(item.substr(8)));
    return ok_status();
  }
  if (item.substr(0, 5) == "date ") {
    ASSIGN_OR_RETURN(base.entry_date, Date::parse(item.substr(5)));
    return ok_status();
  }
  if (item.substr(0, 10) == "base duty ") {
    ASSIGN_OR_RETURN(base.base_duty, parse_money(item.substr(10)));
    return ok_status();
  }
  std::size_t last = item.rfind(' ');
  std::size_t number = last == std::string_view::npos ? 0 : item.rfind(' ', last - 1);
  number = number == std::string_view::npos ? 0 : number + 1;
  std::string_view name = trim(item.substr(0, number));
  std::string_view measure = item.substr(number);
  if (name.empty()) {
    std::size_t space = measure.find(' ');
    ASSIGN_OR_RETURN(Decimal value, Decimal::parse(measure.substr(0, space)));
    ASSIGN_OR_RETURN(Unit unit, parse_unit(measure.substr(space + 1)));
    for (auto& slot : base.quantities) {
      if (!slot) return (slot = Quantity(value, unit), ok_status());
    }
    return invalid_argument("more than 4 declared quantities");
  }
  for (int b = 1; b <= static_cast<int>(DutyBasis::kCostOfParts); ++b) {
    DutyBasis basis = static_cast<DutyBasis>(b);
    if (duty_basis_name(basis) != name) continue;
    if (is_value_basis(basis)) {
      ASSIGN_OR_RETURN(Money value, parse_money(measure));
      for (auto& slot : base.part_values) {
        if (!slot) return (slot = PartValue{basis, value}, ok_status());
      }
    } else {
      std::size_t space = measure.find(' ');
      ASSIGN_OR_RETURN(Decimal value, Decimal::parse(measure.substr(0, space)));
      ASSIGN_OR_RETURN(Unit unit, parse_unit(measure.substr(space + 1)));
      for (auto& slot : base.qualified_quantities) {
        if (!slot) return (slot = QualifiedQuantity{basis, Quantity(value, unit)}, ok_status());
      }
    }
    return invalid_argument("more than 4 values or quantities on other bases");
  }
  return invalid_argument("unknown declared item '" + std::string(item) + "'");
}

// Runs one golden line; returns "" when it holds, else what went wrong.
std::string check_golden(std::string_view line) {
  std::vector<std::string_view> fields = split(line, "|");
  if (fields.size() != 4) return "expected 4 fields separated by '|'";
  std::vector<std::string_view> value_expected = split(fields[3], "→");
  if (value_expected.size() != 2) return "expected 'CUSTOMS VALUE → EXPECTED'";
  DutyBase base;
  StatusOr<Money> value = parse_money(value_expected[0]);
  if (!value.ok()) return value.status().to_string();
  base.customs_value = *value;
  if (!fields[2].empty()) {
    for (std::string_view item : split(fields[2], ";")) {
      Status s = add_declared(item, base);
      if (!s.ok()) return s.to_string();
    }
  }
  StatusOr<DutyRate> rate = parse_duty_rate(fields[1], fields[0]);
  if (!rate.ok()) return rate.status().to_string();
  StatusOr<DutyAmount> duty = compute_duty(*rate, base);
  std::string_view expected = value_expected[1];
  for (std::string_view prefix : {std::string_view("error: "), std::string_view("expert: ")}) {
    if (expected.substr(0, prefix.size()) != prefix) continue;
    if (duty.ok()) return "expected an error, got " + duty->amount.to_string();
    bool expert = duty.status().message().find("needs a customs expert") != std::string::npos;
    if (expert != (prefix == "expert: ")) return "wrong kind of error: " + duty.status().message();
    if (duty.status().message().find(expected.substr(prefix.size())) == std::string::npos) {
      return "error '" + duty.status().message() + "' does not mention '" +
             std::string(expected.substr(prefix.size())) + "'";
    }
    return "";
  }
  if (!duty.ok()) return duty.status().to_string();
  StatusOr<Money> want = parse_money(expected);
  if (!want.ok()) return want.status().to_string();
  if (!(duty->amount.currency() == want->currency()) || duty->amount.amount() != want->amount()) {
    return "got " + duty->amount.amount().to_string() + " " +
           std::string(duty->amount.currency().code()) + " (" + explain(*rate, *duty) + ")";
  }
  return "";
}

TEST(DutyFormsTest, GoldenCasesHold) {
  std::string path = std::string(KONTOR_TEST_DIR) + "/golden/duty_rates.txt";
  StatusOr<std::string> text = read_file(path);
  ASSERT_TRUE(text.ok()) << text.status().to_string();
  int cases = 0, line_number = 0;
  for (std::string_view line : split(*text, "\n")) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    ++cases;
    EXPECT_EQ(check_golden(line), "") << path << " line " << line_number << ": " << line;
  }
  EXPECT_GE(cases, 60);
}

// ---------------------------------------------------------------------------------------------

std::string data_dir() {
  const char* env = std::getenv("KONTOR_DATA_DIR");
  return env != nullptr && *env != 0 ? env : KONTOR_DEFAULT_DATA_DIR;
}

struct Survey {
  int texts = 0;
  std::map<std::string, int> forms;       // "free", "not_computable: <reason>", …
  std::vector<std::string> unrecognised;  // "FILE line N: message"
};

void count(const DutyRate& rate, Survey& survey) {
  std::string key(duty_form_name(rate.form));
  if (rate.form == DutyForm::kNotComputable) {
    key += ": " + std::string(not_computable_reason_name(rate.reason));
  }
  ++survey.forms[key];
}

Survey survey_column(const std::string& file, const std::string& column,
                     std::string_view jurisdiction, bool special) {
  Survey survey;
  StatusOr<std::string> text = read_file(data_dir() + "/" + file);
  EXPECT_TRUE(text.ok()) << text.status().to_string();
  if (!text.ok()) return survey;
  CsvReader reader(*text, file);
  EXPECT_TRUE(reader.read_header().ok());
  StatusOr<std::size_t> index = reader.column(column);
  EXPECT_TRUE(index.ok());
  if (!index.ok()) return survey;
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    std::string_view rate_text = trim(fields[*index]);
    if (rate_text.empty()) continue;  // not printed: inherited from the parent line
    ++survey.texts;
    std::string where = file + " line " + std::to_string(reader.line()) + ": ";
    if (special) {
      StatusOr<std::vector<SpecialRate>> rates = parse_special_rates(rate_text, jurisdiction);
      if (!rates.ok()) survey.unrecognised.push_back(where + rates.status().message());
      if (rates.ok())
        for (const SpecialRate& r : *rates) count(r.rate, survey);
    } else {
      StatusOr<DutyRate> rate = parse_duty_rate(rate_text, jurisdiction);
      if (!rate.ok()) survey.unrecognised.push_back(where + rate.status().message());
      if (rate.ok()) count(*rate, survey);
    }
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status().to_string();
  std::cout << "[ forms    ] " << file << " '" << column << "': " << survey.texts << " texts, "
            << survey.unrecognised.size() << " unrecognised\n";
  for (const auto& [form, n] : survey.forms)
    std::cout << "[ forms    ]   " << n << " " << form << "\n";
  for (const std::string& u : survey.unrecognised) ADD_FAILURE() << u;
  return survey;
}

constexpr char kUsHts[] = "tariff_us_hts_2024.csv";
constexpr char kUkEu[] = "tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv";
constexpr char kNoteRef[] = "not_computable: refers to a note or another heading of the tariff";
constexpr char kOther[] = "not_computable: the rate of another article applies";
constexpr char kEnsemble[] =
    "not_computable: the rate of each garment of the ensemble if entered separately";
constexpr char kChapter98[] =
    "not_computable: a duty on a value the tariff defines case by case (US chapter 98)";
constexpr char kSugar[] = "not_computable: a sliding scale by polarimeter degree of the sugar";
constexpr char kMovement[] =
    "not_computable: per jewel and per other piece, capped at the duty of the complete movement";
constexpr char kButtons[] = "not_computable: per line of button size per gross";

TEST(DutyFormsTest, EveryUsGeneralRateParses) {
  Survey s = survey_column(kUsHts, "General Rate of Duty", "US", false);
  EXPECT_EQ(s.texts, 13610);
  EXPECT_EQ(s.forms, (std::map<std::string, int>{{"free", 5977},
                                                 {"ad_valorem", 6214},
                                                 {"specific", 765},
                                                 {"compound", 416},
                                                 {"additional", 170},
                                                 {kNoteRef, 5},
                                                 {kOther, 18},
                                                 {kEnsemble, 21},
                                                 {kChapter98, 7},
                                                 {kSugar, 12},
                                                 {kMovement, 2},
                                                 {kButtons, 3}}));
}

TEST(DutyFormsTest, EveryUsColumnTwoRateParses) {
  Survey s = survey_column(kUsHts, "Column 2 Rate of Duty", "US", false);
  EXPECT_EQ(s.texts, 13251);
  EXPECT_EQ(s.forms,
            (std::map<std::string, int>{{"free", 875},
                                        {"ad_valorem", 8089},
                                        {"specific", 1259},
                                        {"compound", 1273},
                                        {"additional", 1672},
                                        {kNoteRef, 5},
                                        {kOther, 32},
                                        {kEnsemble, 21},
                                        {kChapter98, 6},
                                        {kSugar, 12},
                                        {kMovement, 2},
                                        {kButtons, 3},
                                        {"not_computable: the schedule prints no rate", 2}}));
}

TEST(DutyFormsTest, EveryUsSpecialRateParses) {
  Survey s = survey_column(kUsHts, "Special Rate of Duty", "US", true);
  EXPECT_EQ(s.texts, 9863);
  EXPECT_EQ(s.forms, (std::map<std::string, int>{{"free", 7818},
                                                 {"ad_valorem", 183},
                                                 {"specific", 380},
                                                 {"compound", 242},
                                                 {"additional", 1686},
                                                 {kNoteRef, 969},
                                                 {kOther, 11},
                                                 {kChapter98, 4}}));
}

TEST(DutyFormsTest, EveryEuCetRateParses) {
  Survey s = survey_column(kUkEu, "cet_duty_rate", "EU", false);
  EXPECT_EQ(s.texts, 11830);
  EXPECT_EQ(s.forms,
            (std::map<std::string, int>{
                {"ad_valorem", 10519},
                {"specific", 926},
                {"compound", 268},
                {"seasonal", 29},
                {"not_computable: an EU agricultural component (EA, ADSZ, ADFM) whose amount is "
                 "not in the data",
                 59},
                {"not_computable: the EU entry price system: the duty depends on the "
                 "consignment's entry price",
                 29}}));
}

TEST(DutyFormsTest, EveryUkGlobalTariffRateParses) {
  Survey s = survey_column(kUkEu, "ukgt_duty_rate", "GB", false);
  EXPECT_EQ(s.texts, 11830);
  EXPECT_EQ(s.forms,
            (std::map<std::string, int>{
                {"ad_valorem", 10705}, {"specific", 905}, {"compound", 202}, {"seasonal", 18}}));
}

}  // namespace
}  // namespace kontor::trade
