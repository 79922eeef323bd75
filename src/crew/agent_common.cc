#include "crew/agent_common.h"

#include <algorithm>
#include <cctype>

#include "catalog/text.h"
#include "catalog/types.h"

namespace kontor::crew::detail {

Currency buyer_currency(const Brief& brief, const refdata::ReferenceData& reference) {
  if (brief.target_retail_price) return brief.target_retail_price->currency();
  if (brief.target_landed_cost) return brief.target_landed_cost->currency();
  if (brief.budget) return brief.budget->currency();
  Currency usd = catalog::currency_from_code("USD").value();
  if (brief.destination) return country_currency(reference, *brief.destination, usd);
  return usd;
}

Currency country_currency(const refdata::ReferenceData& reference, CountryCode country,
                          const Currency& other) {
  auto info = reference.countries.find(country);
  if (!info.ok() || (*info)->currency_code.empty()) return other;
  auto found = reference.currencies.find((*info)->currency_code);
  return found.ok() ? *found : other;
}

StatusOr<Currency> currency(std::string_view code) { return catalog::currency_from_code(code); }

std::int64_t order_units(const Brief& brief) {
  if (!brief.quantity) return 0;
  auto pieces = brief.quantity->to(Unit::kPiece);
  const Decimal& value = pieces.ok() ? pieces->value() : brief.quantity->value();
  Decimal whole = value.rounded(0, RoundingMode::kCeiling);
  return static_cast<std::int64_t>(whole.mantissa());
}

PricingDate pricing_date(const Engines& engines, Date as_of) {
  Date latest = engines.reference->fx.latest(refdata::FxSource::kEcb);
  if (as_of - latest <= 45) return {as_of, ""};
  return {latest, "FX data ends " + latest.to_string() + ", " + std::to_string(as_of - latest) +
                      " days before the case date " + as_of.to_string() +
                      ": prices, FX, duty and tax are taken as of " + latest.to_string()};
}

StatusOr<FxRate> fx_rate(const Engines& engines, const Currency& from, const Currency& to,
                         Date date) {
  if (from == to) {
    FxRate identity;
    identity.from = from;
    identity.to = to;
    identity.rate = Decimal(1);
    identity.date = date;
    identity.provenance.rule = "identity";
    return identity;
  }
  return engines.reference->fx.rate(from, to, date);
}

Money per_unit(const Money& total, std::int64_t units) {
  if (units <= 0) return total;
  auto value = Decimal::divide(total.amount(), Decimal(units), 4, RoundingMode::kHalfUp);
  return Money(value.ok() ? *value : total.amount(), total.currency());
}

Status write_owned(TaskContext& context, std::string_view name, const nlohmann::json& body) {
  return update_section(context, name, [&body](nlohmann::json& current) {
    current = body;
    return ok_status();
  });
}

std::int64_t int_param(const TaskSpec& task, std::string_view name, std::int64_t fallback) {
  auto it = task.params.find(std::string(name));
  if (it == task.params.end() || !it->is_number_integer()) return fallback;
  return it->get<std::int64_t>();
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string key_of(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

// The words of the product text that name the product rather than its material or attributes
// ("insulated stainless steel bottles" → insulated, bottles): a listing that matches only
// "stainless steel" is another product made of the same material.
std::vector<std::string> product_words(const catalog::Glossary& glossary, std::string_view text) {
  std::string normalized = catalog::normalize_text(text);
  std::vector<std::string> words = catalog::words(normalized);
  std::vector<bool> covered(words.size(), false);
  for (const auto& m : glossary.match(normalized)) {
    if (m.concept_entry == nullptr || m.concept_entry->kind == "product") continue;
    for (std::size_t i = m.first_word; i < m.first_word + m.word_count && i < words.size(); ++i) {
      covered[i] = true;
    }
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!covered[i]) out.push_back(words[i]);
  }
  return out;
}

// True when one of the result's matched terms came from a product word of the query.
bool names_the_product(const catalog::SearchResult& r, const std::vector<std::string>& words) {
  if (words.empty()) return true;
  for (const auto& matched : r.matched_terms) {
    std::size_t arrow = matched.find("← ");
    if (arrow == std::string::npos) continue;
    std::string source = matched.substr(arrow + std::string_view("← ").size());
    source = source.substr(0, source.find(" ("));
    for (const auto& w : catalog::words(catalog::normalize_text(source))) {
      if (std::find(words.begin(), words.end(), w) != words.end()) return true;
    }
  }
  return false;
}

}  // namespace kontor::crew::detail
