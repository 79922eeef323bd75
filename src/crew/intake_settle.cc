// GoalReader: deciding what the mentions mean — which country is the destination, which
// currency a "$" is, what each sum of money is for — and asking where the goal does not say.
#include <algorithm>
#include <array>

#include "catalog/types.h"
#include "crew/detail/intake_reader.h"

namespace kontor::crew::detail {
namespace {

constexpr std::array<std::string_view, 3> kMoneyFields = {"target_retail_price",
                                                          "target_landed_cost", "budget"};

std::string_view role_field(std::string_view role) {
  if (role == "retail") return kMoneyFields[0];
  if (role == "landed") return kMoneyFields[1];
  if (role == "budget") return kMoneyFields[2];
  return "";
}

std::optional<Money>& money_field(Brief& b, std::string_view field) {
  if (field == kMoneyFields[1]) return b.target_landed_cost;
  if (field == kMoneyFields[2]) return b.budget;
  return b.target_retail_price;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(sep)) + item;
  return out;
}

}  // namespace

void GoalReader::settle_destination() {
  std::vector<std::string> destinations, bare;
  for (const CountryMention& m : countries_) {
    auto code = CountryCode::parse(m.code);
    using How = CountryMention::How;
    const bool country = code.ok() && m.code != "EU";
    auto& origins = m.how == How::kAvoid ? b_.avoid_origins : b_.preferred_origins;
    if ((m.how == How::kAvoid || m.how == How::kOrigin) && country &&
        std::find(origins.begin(), origins.end(), *code) == origins.end()) {
      origins.push_back(*code);
    }
    auto& list = m.how == How::kDestination ? destinations : bare;
    if ((m.how == How::kDestination || (m.how == How::kBare && m.capitalized)) &&
        std::find(list.begin(), list.end(), m.code) == list.end()) {
      list.push_back(m.code);
    }
  }
  const std::string lang = question_language_supported(b_.language) ? b_.language : "en";
  if (destinations.empty() && bare.size() == 1 && bare[0] != "EU") {
    // A country named without a cue is the market when the goal prices in its currency.
    auto code = CountryCode::parse(bare[0]);
    const refdata::CountryInfo* info = nullptr;
    if (code.ok() && t_.countries.find(*code).ok()) info = *t_.countries.find(*code);
    for (const MoneyMention& m : money_) {
      if (info && m.currencies.size() == 1 && m.currencies[0] == info->currency_code &&
          (m.role.empty() || m.role == "retail")) {
        b_.destination = *code;
        return;
      }
    }
  }
  std::vector<std::string>& candidates = destinations.empty() ? bare : destinations;
  if (candidates.empty()) return;  // the generic question is added at the end
  const bool eu = std::find(candidates.begin(), candidates.end(), "EU") != candidates.end();
  candidates.erase(std::remove(candidates.begin(), candidates.end(), "EU"), candidates.end());
  if (candidates.empty() && eu) {
    destination_questions_.push_back({"brief.destination",
                                      "destination",
                                      question_text("destination_eu", lang),
                                      {"DE", "FR", "IT", "ES", "NL", "PL"},
                                      "intake"});
    return;
  }
  if (candidates.size() == 1 && !destinations.empty()) {
    b_.destination = *CountryCode::parse(candidates[0]);
    return;
  }
  destination_questions_.push_back(
      {"brief.destination", "destination",
       question_text("destination_which", lang, join(candidates, ", ")), candidates, "intake"});
}

void GoalReader::settle_money() {
  std::optional<std::string> destination_currency;
  if (b_.destination) {
    auto info = t_.countries.find(*b_.destination);
    if (info.ok()) destination_currency = (*info)->currency_code;
  }
  const std::string lang = question_language_supported(b_.language) ? b_.language : "en";
  int asked = 0;
  for (MoneyMention& m : money_) {
    if (m.currencies.size() > 1 && destination_currency &&
        std::find(m.currencies.begin(), m.currencies.end(), *destination_currency) !=
            m.currencies.end()) {
      m.currencies = {*destination_currency};
    }
    std::vector<std::string> currency_options(
        m.currencies.begin(),
        m.currencies.begin() + std::min<std::ptrdiff_t>(3, m.currencies.size()));
    std::vector<std::string> amounts;
    for (const std::string& code : currency_options) {
      auto currency = t_.currencies.find(code);
      if (!currency.ok()) currency = catalog::currency_from_code(code);
      if (!currency.ok()) continue;
      if (m.grouping_guess && currency->minor_unit() == 3) {
        // "1.500 KWD" could be one and a half dinars.
        auto other = Decimal::divide(m.amount, Decimal(1000), 3, RoundingMode::kHalfEven);
        if (other.ok()) amounts.push_back(other->to_plain_string() + " " + code);
      }
      amounts.push_back(m.amount.to_plain_string() + " " + code);
    }
    if (amounts.empty()) continue;
    const std::string_view field = role_field(m.role);
    if (amounts.size() == 1 && !field.empty()) {
      std::optional<Money>& slot = money_field(b_, field);
      if (!slot) {
        auto currency = t_.currencies.find(m.currencies[0]);
        if (!currency.ok()) currency = catalog::currency_from_code(m.currencies[0]);
        if (currency.ok()) slot = Money(m.amount, *currency);
        continue;
      }
    }
    // Open: the role, the currency or the digits. One question carries every full reading.
    std::vector<std::string> options;
    std::vector<std::string_view> fields;
    if (!field.empty()) {
      fields = {field};
    } else if (m.per_unit) {
      fields = {kMoneyFields[0], kMoneyFields[1]};
    } else {
      fields = {kMoneyFields[0], kMoneyFields[1], kMoneyFields[2]};
    }
    for (std::string_view f : fields) {
      for (const std::string& a : amounts) options.push_back(std::string(f) + "=" + a);
    }
    std::string text;
    if (amounts.size() > 1 && currency_options.size() > 1) {
      text = question_text("currency", lang, m.typed, join(currency_options, ", "));
    } else if (amounts.size() > 1) {
      text = question_text("grouping", lang, m.typed);
    } else {
      text = question_text(m.per_unit ? "price_role_unit" : "price_role", lang, m.typed);
    }
    money_questions_.push_back({"brief.price_role." + std::to_string(++asked), "price_role",
                                std::move(text), std::move(options), "intake"});
  }
}

void GoalReader::add_questions() {
  const std::string lang = question_language_supported(b_.language) ? b_.language : "en";
  auto ask = [&](std::string id, std::string field, std::string text,
                 std::vector<std::string> options = {}) {
    b_.questions.push_back(
        {std::move(id), std::move(field), std::move(text), std::move(options), "intake"});
  };
  if (b_.product.empty()) ask("brief.product", "product", question_text("product", lang));
  if (!b_.quantity) ask("brief.quantity", "quantity", question_text("quantity", lang));
  if (!b_.destination && destination_questions_.empty()) {
    ask("brief.destination", "destination", question_text("destination", lang));
  }
  for (Question& q : destination_questions_) b_.questions.push_back(std::move(q));
  for (Question& q : money_questions_) b_.questions.push_back(std::move(q));
  if (!b_.target_retail_price && !b_.target_landed_cost && !b_.budget && money_questions_.empty()) {
    ask("brief.price", "target_retail_price", question_text("price", lang));
  }
  if (deadline_problem_key_) {
    ask("brief.deadline", "deadline",
        question_text(*deadline_problem_key_, lang, deadline_problem_arg_), deadline_options_);
  } else if (!b_.deadline) {
    ask("brief.deadline", "deadline", question_text("deadline", lang));
  }
}

}  // namespace kontor::crew::detail
