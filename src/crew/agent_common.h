// What the built-in agents share (internal to src/crew; not a public contract): the buyer
// currency and order size read from the brief, the pricing date the reference data can answer
// for, FX through the engines, and reading/writing typed sections through a TaskContext.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/fx_rate.h"
#include "core/money.h"
#include "crew/agent.h"
#include "crew/engines.h"
#include "crew/sections.h"

namespace kontor::crew::detail {

// The currency money is compared in: the target retail price's, else the target landed cost's,
// else the budget's, else the destination's currency, else USD.
Currency buyer_currency(const Brief& brief, const refdata::ReferenceData& reference);

// The brief's quantity as whole units (0 when absent or not a count).
std::int64_t order_units(const Brief& brief);

// The date prices and FX are taken at: the case's as-of, or the newest ECB publication when the
// FX data ends more than 45 days before it (the note says so; figures then carry that date).
struct PricingDate {
  Date date;
  std::string note;  // "" when date == as_of
};
PricingDate pricing_date(const Engines& engines, Date as_of);

// 1 `from` in `to` on `date` (identity when equal); the reference FX table's error otherwise.
StatusOr<FxRate> fx_rate(const Engines& engines, const Currency& from, const Currency& to,
                         Date date);

// total ÷ units, half-up to 4 decimal places (the per-unit convention of the sections).
Money per_unit(const Money& total, std::int64_t units);
// The customs currency of a destination (EUR for the EU, GBP, USD, …), falling back to `other`.
Currency country_currency(const refdata::ReferenceData& reference, CountryCode country,
                          const Currency& other);
StatusOr<Currency> currency(std::string_view code);

// The typed body of a section another task wrote; nullopt while it does not exist.
template <class T, class Parse>
StatusOr<std::optional<T>> read_typed(TaskContext& context, std::string_view name,
                                      const Parse& parse) {
  ASSIGN_OR_RETURN(Section section, context.read(name));
  if (section.version == 0) return std::optional<T>();
  ASSIGN_OR_RETURN(T value, parse(section.body));
  return std::optional<T>(std::move(value));
}

// Writes the section this task owns: replaces the body whatever version is stored (a rerun
// writes the same body again), retrying on a concurrent write.
Status write_owned(TaskContext& context, std::string_view name, const nlohmann::json& body);

// A task parameter as an integer (default when absent or not an integer).
std::int64_t int_param(const TaskSpec& task, std::string_view name, std::int64_t fallback);

// The words of a product text that name the product rather than its material or attributes
// (glossary concepts of kind material/attribute removed): "insulated stainless steel bottles"
// → {"insulated", "bottles"}.
std::vector<std::string> product_words(const catalog::Glossary& glossary, std::string_view text);
// True when one of a search result's matched terms came from one of `words` (or `words` is
// empty): a listing that matches only "stainless steel" is another product of that material.
bool names_the_product(const catalog::SearchResult& result, const std::vector<std::string>& words);

std::string join(const std::vector<std::string>& parts, std::string_view separator);
// Lower-case ASCII letters and digits only ("LFGB", "lfgb" → "lfgb"), for comparing names.
std::string key_of(std::string_view text);

}  // namespace kontor::crew::detail
