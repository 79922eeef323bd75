// The dated quotes of one FX source (ECB, Fed or HMRC) against its base currency, and the
// loaders of the three files. Internal to FxTable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/provenance.h"
#include "core/status.h"
#include "refdata/detail/table_util.h"

namespace kontor::refdata::detail {

// Units of one currency per 1 unit of the base currency, as printed on one line. Compact
// (FX files hold ~300,000 cells): the printed text lives in the set's arena.
struct FxQuote {
  std::int32_t date_days = 0;      // publication date (HMRC: first day of validity)
  std::int32_t valid_to_days = 0;  // last day the rate is meant for (ECB/Fed: the date itself)
  std::int64_t mantissa = 0;
  std::uint32_t line = 0;
  std::uint32_t text_offset = 0;
  std::uint8_t text_size = 0;
  std::int8_t scale = 0;

  Date date() const { return Date::from_days(date_days); }
  Date valid_to() const { return Date::from_days(valid_to_days); }
  Decimal value() const { return Decimal::from_scaled(mantissa, scale); }
};

struct FxSeriesSet {
  DataSource source;
  std::string base;                        // "EUR", "USD", "GBP"
  std::string_view rule;                   // what the published figure is, for Provenance::rule
  StringMap<std::vector<FxQuote>> series;  // by currency code, ascending dates
  std::string arena;                       // printed texts of the quotes
  Date latest;

  // The newest quote of `code` published on or before `as_of`; not_found otherwise.
  StatusOr<const FxQuote*> find(std::string_view code, Date as_of) const;
  std::string_view text(const FxQuote& quote) const {
    return std::string_view(arena).substr(quote.text_offset, quote.text_size);
  }
  // Parses `text` (a positive decimal) into a quote; the error names the file, line and field.
  StatusOr<FxQuote> make_quote(const CsvReader& reader, std::string_view field,
                               std::string_view text, Date date, Date valid_to);
  // Sorts every series by date and rejects a currency quoted twice for one date.
  Status finish(const std::string& path);
};

StatusOr<FxSeriesSet> load_ecb(const std::string& path);
StatusOr<FxSeriesSet> load_fed(const std::string& path);
StatusOr<FxSeriesSet> load_hmrc(const std::string& path);

}  // namespace kontor::refdata::detail
