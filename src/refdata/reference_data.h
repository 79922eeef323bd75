// ReferenceData: the immutable, indexed snapshot of every reference table, loaded once and
// shared (read-only, thread-safe) by all engines and agents. Loading everything takes well
// under a second (bench/refdata_bench.cc).
#pragma once

#include <memory>
#include <vector>

#include "refdata/countries.h"
#include "refdata/currencies.h"
#include "refdata/data_paths.h"
#include "refdata/fx.h"
#include "refdata/hs_nomenclature.h"
#include "refdata/tariff_schedule.h"
#include "refdata/trade_rules.h"
#include "refdata/vat.h"

namespace kontor::refdata {

struct ReferenceData {
  CurrencyTable currencies;
  CountryTable countries;
  HsNomenclature hs2022;
  HsNomenclature hs2017;
  TariffSchedule us_hts;  // US HTS 2024
  TariffSchedule eu_cet;  // EU Common External Tariff 2020 (CN2020)
  TariffSchedule uk_gt;   // UK Global Tariff 2021
  Section301Table section301;
  VatTable vat;
  FxTable fx;
  TradeRules rules;

  // The tariff that applies at a destination on a date: US → us_hts, GB → uk_gt, EU members
  // → eu_cet; not_found for a destination without a loaded schedule.
  StatusOr<const TariffSchedule*> tariff_for(CountryCode destination, Date as_of) const;
  // Every data source loaded, for reports and `kontor data`.
  std::vector<const DataSource*> sources() const;

  // Loads every table; the first error names the file, line and field.
  static StatusOr<std::shared_ptr<const ReferenceData>> load(const DataPaths& paths);
};

}  // namespace kontor::refdata
