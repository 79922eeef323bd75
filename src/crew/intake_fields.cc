// Intake::apply_field: one Brief field from text (a CLI flag, an answer to a question). The
// value is read with the same passes as a goal, so "2.000 Stück", "24,99 €" and "bis März"
// mean the same here as there.
#include <algorithm>

#include "catalog/types.h"
#include "crew/detail/intake_reader.h"
#include "crew/intake.h"

namespace kontor::crew {
namespace detail {

std::vector<MoneyMention> GoalReader::read_money_only() {
  read_money();
  return money_;
}

std::optional<Quantity> GoalReader::read_quantity_only() {
  read_quantities();
  if (b_.quantity) return b_.quantity;
  std::size_t end = 0;
  auto number = number_at(0, end);
  if (number && end == tok_.size()) return Quantity(number->value, Unit::kPiece);
  return std::nullopt;
}

std::optional<Date> GoalReader::read_deadline_only() {
  read_explicit_dates();
  read_relative_deadlines();
  read_month_deadlines();
  int month = 0;
  const std::size_t n = b_.deadline || deadline_problem_key_ ? 0 : month_at(0, month);
  if (n > 0) {
    // A month on its own is an answer to "by when?".
    auto year = year_at(n);
    if (n + (year ? 1 : 0) == tok_.size()) {
      set_deadline(month_deadline(month, year, MonthPart::kStart, today_), 0, tok_.size());
    }
  }
  return b_.deadline;
}

}  // namespace detail

namespace {

using detail::GoalReader;
using detail::IntakeTables;

bool is_money_field(std::string_view field) {
  return field == "target_retail_price" || field == "target_landed_cost" || field == "budget";
}

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',' || text[i] == ';') {
      std::string item = trim(text.substr(start, i - start));
      if (!item.empty()) out.push_back(std::move(item));
      start = i + 1;
    }
  }
  return out;
}

// The number of "6 USD", "€24.99" as a plain decimal ("6", "24.99"); "" when there is none.
std::string money_amount_text(std::string_view text) {
  for (const detail::GoalToken& token : detail::tokenize_goal(text)) {
    if (token.kind != detail::TokenKind::kNumber) continue;
    auto number = detail::parse_typed_number(token.text);
    return number ? number->value.to_plain_string() : "";
  }
  return "";
}

Status field_error(std::string_view field, std::string reason) {
  return invalid_argument(std::string(field) + ": " + std::move(reason));
}

StatusOr<CountryCode> find_country(const IntakeTables& t, std::string_view field,
                                   std::string_view value) {
  std::vector<detail::GoalToken> tokens = detail::tokenize_goal(value);
  while (!tokens.empty() && t.lexicon.is(tokens.front(), "article")) tokens.erase(tokens.begin());
  std::string code;
  for (const char* kind : {"country", "code", "adjective"}) {
    auto matches = t.lexicon.at(tokens, 0, tokens.size(), kind);
    if (!matches.empty()) code = matches.front()->value;
    if (!code.empty()) break;
  }
  if (code.empty() && value.size() == 2) code = std::string(value);
  if (code == "EU") return field_error(field, "name an EU member state, e.g. DE or FR");
  auto parsed = CountryCode::parse(code);
  if (!parsed.ok() || !t.countries.find(*parsed).ok()) {
    return field_error(field, "unknown country '" + std::string(value) + "'");
  }
  return *parsed;
}

StatusOr<Money> read_money_value(const IntakeTables& t, const Brief& brief, std::string_view field,
                                 std::string_view value, Date today) {
  GoalReader reader(t, value, today);
  std::vector<detail::MoneyMention> found = reader.read_money_only();
  if (found.size() != 1) {
    return field_error(field, "expected one amount with its currency, e.g. '24.99 EUR', got '" +
                                  std::string(value) + "'");
  }
  detail::MoneyMention& m = found[0];
  if (m.currencies.size() > 1 && brief.destination) {
    auto info = t.countries.find(*brief.destination);
    if (info.ok() && std::find(m.currencies.begin(), m.currencies.end(), (*info)->currency_code) !=
                         m.currencies.end()) {
      m.currencies = {(*info)->currency_code};
    }
  }
  if (m.currencies.size() > 1) {
    std::string list;
    for (const std::string& c : m.currencies) list += (list.empty() ? "" : ", ") + c;
    return field_error(field, "'" + m.typed + "' could be " + list + ": name the currency");
  }
  auto currency = t.currencies.find(m.currencies[0]);
  if (!currency.ok()) currency = catalog::currency_from_code(m.currencies[0]);
  if (!currency.ok()) return field_error(field, currency.status().message());
  if (m.grouping_guess && currency->minor_unit() == 3) {
    return field_error(field, "'" + m.typed + "' is ambiguous in " + m.currencies[0] +
                                  ": write it without a thousands separator");
  }
  return Money(m.amount, *currency);
}

Status apply_list_field(const IntakeTables& t, Brief& b, std::string_view field,
                        std::string_view value) {
  const std::vector<std::string> items = split_list(value);
  if (field == "channels") {
    std::vector<SalesChannel> channels;
    for (const std::string& item : items) {
      auto tokens = detail::tokenize_goal(item);
      auto matches = t.lexicon.at(tokens, 0, tokens.size(), "channel");
      std::optional<SalesChannel> c = parse_sales_channel(item);
      if (!c && !matches.empty()) c = parse_sales_channel(matches.front()->value);
      if (!c) return field_error(field, "unknown sales channel '" + item + "'");
      if (std::find(channels.begin(), channels.end(), *c) == channels.end()) channels.push_back(*c);
    }
    b.channels = std::move(channels);
    return ok_status();
  }
  if (field == "required_certifications") {
    b.required_certifications.clear();
    for (const std::string& item : items) {
      auto tokens = detail::tokenize_goal(item);
      auto exact = t.lexicon.at(tokens, 0, tokens.size(), "cert");
      auto folded = t.lexicon.at(tokens, 0, tokens.size(), "cert_i");
      b.required_certifications.push_back(!exact.empty()    ? exact.front()->value
                                          : !folded.empty() ? folded.front()->value
                                                            : item);
    }
    return ok_status();
  }
  std::vector<CountryCode>& origins =
      field == "avoid_origins" ? b.avoid_origins : b.preferred_origins;
  std::vector<CountryCode> codes;
  for (const std::string& item : items) {
    ASSIGN_OR_RETURN(CountryCode code, find_country(t, field, item));
    codes.push_back(code);
  }
  origins = std::move(codes);
  return ok_status();
}

Status apply_scalar_field(const IntakeTables& t, Brief& b, std::string_view field,
                          const std::string& value, Date today) {
  if (field == "product") {
    b.product = value;
  } else if (field == "language") {
    if (value.size() != 2 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return field_error(field, "expected an ISO 639-1 code such as 'en' or 'de'");
    }
    b.language = value;
  } else if (field == "quantity" || field == "max_moq") {
    GoalReader reader(t, value, today);
    auto quantity = reader.read_quantity_only();
    if (!quantity || quantity->value().sign() <= 0) {
      return field_error(
          field, "expected a positive number of units, e.g. '2000 pcs', got '" + value + "'");
    }
    if (field == "quantity") {
      b.quantity = *quantity;
    } else {
      b.max_moq = quantity->value();
    }
  } else if (field == "destination") {
    ASSIGN_OR_RETURN(b.destination, find_country(t, field, value));
  } else if (is_money_field(field)) {
    ASSIGN_OR_RETURN(Money money, read_money_value(t, b, field, value, today));
    if (money.amount().sign() <= 0) return field_error(field, "must be positive");
    (field == "target_retail_price"  ? b.target_retail_price
     : field == "target_landed_cost" ? b.target_landed_cost
                                     : b.budget) = money;
  } else if (field == "deadline") {
    auto iso = Date::parse(value);
    std::optional<Date> date = iso.ok() ? std::optional<Date>(*iso) : std::nullopt;
    if (!date) date = GoalReader(t, value, today).read_deadline_only();
    if (!date) {
      return field_error(
          field, "cannot read a date in '" + value + "' (e.g. 2027-03-01, 'March', 'in 6 weeks')");
    }
    if (*date < today) return field_error(field, date->to_string() + " is in the past");
    b.deadline = *date;
  } else {
    std::string known;
    for (std::string_view name : brief_field_names())
      known += (known.empty() ? "" : ", ") + std::string(name);
    return field_error("field",
                       "unknown field '" + std::string(field) + "' (known: " + known + ")");
  }
  return ok_status();
}

}  // namespace

Status Intake::apply_field(Brief& brief, std::string_view field, std::string_view value,
                           Date today) const {
  if (auto at = detail::invalid_utf8_at(value)) {
    return field_error(field, "not valid UTF-8 at byte " + std::to_string(*at));
  }
  const std::string text = trim(value);
  if (text.empty()) return field_error(field, "empty value");
  if (field == "price_role") {
    // The value is one of the question's options: "target_landed_cost=6 USD".
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || !is_money_field(trim(text.substr(0, eq)))) {
      return field_error(field,
                         "expected 'target_retail_price=24.99 EUR', "
                         "'target_landed_cost=…' or 'budget=…', got '" +
                             text + "'");
    }
    const std::string target = trim(text.substr(0, eq));
    RETURN_IF_ERROR(apply_field(brief, target, text.substr(eq + 1), today));
    // The question this answers offers it, or the same sum in another reading (the user may
    // name a currency the options did not list: "6 MXN" for "$6").
    const std::string amount = money_amount_text(text.substr(eq + 1));
    std::erase_if(brief.questions, [&](const Question& q) {
      return q.field == "price_role" &&
             std::any_of(q.options.begin(), q.options.end(), [&](const std::string& option) {
               const std::size_t at = option.find('=');
               return option == text || (at != std::string::npos &&
                                         money_amount_text(option.substr(at + 1)) == amount);
             });
    });
    return ok_status();
  }
  if (field == "channels" || field == "required_certifications" || field == "avoid_origins" ||
      field == "preferred_origins") {
    RETURN_IF_ERROR(apply_list_field(*tables_, brief, field, text));
  } else {
    RETURN_IF_ERROR(apply_scalar_field(*tables_, brief, field, text, today));
  }
  std::erase_if(brief.questions, [&](const Question& q) {
    return q.field == field || (is_money_field(field) && q.id == "brief.price");
  });
  return ok_status();
}

}  // namespace kontor::crew
