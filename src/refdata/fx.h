// FxTable: dated exchange rates from the ECB euro reference rates (daily, fx_ecb_eurofxref_hist
// .csv), the Federal Reserve H.10 series (monthly, fx_fred_usd_rates_monthly.csv) and HMRC's
// monthly customs rates (fx_hmrc_monthly_rates_gbp_2020_2023.csv).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/fx_rate.h"
#include "core/status.h"

namespace kontor::refdata {

enum class FxSource { kEcb, kFed, kHmrc };
std::string_view fx_source_name(FxSource source);

class FxTable {
 public:
  FxTable();  // an empty table; load() builds a real one
  static StatusOr<FxTable> load(const std::string& ecb_csv, const std::string& fed_csv,
                                const std::string& hmrc_csv);

  // 1 `from` = rate `to`, as published on `as_of` or the latest publication before it. Tries
  // the ECB (any pair of its 41 currencies, crossed through EUR), then the Fed (through USD),
  // then HMRC (through GBP). The FxRate carries the publication date, the source row and, for
  // a cross, both legs in `FxRate::detail`. not_found when no source has the pair on or before
  // `as_of`. A rate older than `max_age_days` before `as_of` is failed_precondition naming the
  // date of the newest rate (callers decide whether to accept it).
  StatusOr<FxRate> rate(const Currency& from, const Currency& to, Date as_of,
                        int max_age_days = 45) const;
  // The same from one named source only.
  StatusOr<FxRate> rate_from(FxSource source, const Currency& from, const Currency& to, Date as_of,
                             int max_age_days = 45) const;

  Date latest(FxSource source) const;  // newest publication date held
  const DataSource& source(FxSource source) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

}  // namespace kontor::refdata
