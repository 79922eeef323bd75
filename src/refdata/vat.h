// VatTable: import VAT / GST rates by country and date. EU members and GB from
// tax_vat_rates_eu_ibericode.csv (standard and reduced rates with effective dates); every other
// country's standard rate (and its history) from tax_sales_tax_rates_world.csv. A rate is a
// fraction (0.19 for 19 %).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/country.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/provenance.h"
#include "core/status.h"

namespace kontor::refdata {

enum class VatRateKind {
  kStandard,
  kReduced,
  kReduced1,
  kReduced2,
  kSuperReduced,
  kParking,
  kZero
};

std::string_view vat_rate_kind_name(VatRateKind kind);  // "standard", "reduced", …
StatusOr<VatRateKind> parse_vat_rate_kind(std::string_view text);

struct VatRate {
  CountryCode country;
  VatRateKind kind = VatRateKind::kStandard;
  Decimal rate;                // fraction: 0.19
  std::string_view rate_text;  // as printed in the source: "19" (percent) or "0.19"
  std::string_view tax_name;   // "VAT", "GST", "none" (US: no federal VAT)
  Date effective_from;  // first day the rate applies (1900-01-01 when the data says "always")
  Provenance provenance;
};

class VatTable {
 public:
  VatTable();  // an empty table; load() builds a real one
  static StatusOr<VatTable> load(const std::string& eu_csv, const std::string& world_csv);

  // The rate in force on `as_of`. not_found when the country has no entry; failed_precondition
  // when the country has no rate of that kind (e.g. reduced rates outside the EU/GB).
  StatusOr<VatRate> rate(CountryCode country, Date as_of, VatRateKind kind) const;
  // A region's combined rate from tax_sales_tax_rates_world.csv: the national standard rate
  // plus the regional one (CA-ON: GST 5 % + HST 8 % = 13 %; ES-CE: 21 % - 21 % = 0; US states:
  // the state base rate only, labelled as the file labels it). tax_name is the regional tax
  // ("HST", "IGIC"); provenance is the regional row. not_found when the region is not in the
  // data.
  StatusOr<VatRate> regional_rate(CountryCode country, std::string_view region, Date as_of) const;
  const DataSource& eu_source() const;
  const DataSource& world_source() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

}  // namespace kontor::refdata
