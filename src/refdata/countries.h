// CountryTable: ISO 3166-1 countries (iso3166_country_codes.csv) with names, currency and UN
// region, plus customs-union membership (data/customs_unions.csv: the EU with dates of entry
// and exit, cited), so that "is DE in the EU customs territory on 2026-01-10" is data.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/date.h"
#include "core/provenance.h"
#include "core/status.h"

namespace kontor::refdata {

struct CountryInfo {
  CountryCode code;           // "DE"
  std::string alpha3;         // "DEU"
  std::string name;           // CLDR display name, "Germany"
  std::string official_name;  // "Federal Republic of Germany"
  std::string currency_code;  // "EUR" (first code when several)
  std::string region;         // UN M49 region name, "Europe"
  std::string sub_region;     // "Western Europe"
  std::uint32_t line = 0;     // physical line in the source file
};

class CountryTable {
 public:
  CountryTable();  // an empty table; load() builds a real one
  static StatusOr<CountryTable> load(const std::string& countries_csv,
                                     const std::string& customs_unions_csv);

  // not_found: "country: unknown ISO 3166 code 'XX'".
  StatusOr<const CountryInfo*> find(CountryCode code) const;
  // By English name as used in other data sets ("China", "United States", "Korea, South"…);
  // case-insensitive over CLDR, official and common alternative names.
  const CountryInfo* find_by_name(std::string_view name) const;
  // The customs union the country belongs to on `as_of` ("EU"), or empty.
  std::string_view customs_union(CountryCode code, Date as_of) const;
  const std::vector<CountryInfo>& all() const;
  const DataSource& source() const;
  const DataSource& customs_unions_source() const;  // data/customs_unions.csv

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

}  // namespace kontor::refdata
