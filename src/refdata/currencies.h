// CurrencyTable: ISO 4217 currencies in use (iso4217_currency_codes.csv, rows without a
// withdrawal date), with their minor units.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/currency.h"
#include "core/provenance.h"
#include "core/status.h"

namespace kontor::refdata {

class CurrencyTable {
 public:
  CurrencyTable();  // an empty table; load() builds a real one
  // Reads the CSV at `path`; a malformed row is a data_loss error naming file, line and field.
  static StatusOr<CurrencyTable> load(const std::string& path);

  // not_found for an unknown or withdrawn code ("currency: unknown ISO 4217 code 'XYZ'").
  StatusOr<Currency> find(std::string_view code) const;
  std::string_view name(std::string_view code) const;  // "Euro"; empty when unknown
  std::size_t size() const;
  const DataSource& source() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

}  // namespace kontor::refdata
