// TradeRules: the dated rule tables Kontor authors itself under data/ (one official source
// cited per row), for what the shared data set does not carry:
//   valuation_basis.csv  country (or customs union) → customs value basis CIF or FOB
//   de_minimis.csv       destination → value below which duty and/or import tax is not
//                        collected, by date (e.g. the US suspension from 2025-08-29)
//   us_user_fees.csv     CBP merchandise processing fee (formal: rate, min, max; informal:
//                        flat amounts) and harbor maintenance fee, by fiscal year
// Each row has valid_from/valid_to so every lookup takes an as-of date.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/provenance.h"
#include "core/status.h"

namespace kontor::refdata {

enum class ValuationBasis { kCif, kFob };
std::string_view valuation_basis_name(ValuationBasis basis);  // "CIF", "FOB"

struct ValuationRule {
  std::string jurisdiction;  // "US", "EU", "GB", …
  ValuationBasis basis = ValuationBasis::kCif;
  std::string source;  // the law or guidance, e.g. "19 U.S.C. §1401a(b)(4)"
  Provenance provenance;
};

// What a de minimis threshold exempts.
enum class DeMinimisScope { kDuty, kImportTax, kDutyAndTax };
std::string_view de_minimis_scope_name(DeMinimisScope scope);  // "duty", "import_tax", …

struct DeMinimisRule {
  std::string jurisdiction;  // "US", "EU", "GB", "CA", "AU", "JP", …
  DeMinimisScope scope = DeMinimisScope::kDutyAndTax;
  Decimal threshold;  // exempt when value <= threshold (or < when `strictly_below`)
  bool strictly_below = false;
  std::string currency;  // "USD"
  std::string basis;     // what value is compared: "intrinsic value", "customs value", …
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive; none = still in force
  std::string origin_scope;      // "" all origins, or a note such as "CN,HK"
  bool suspended = false;        // true: no de minimis applies in this period
  // true: below the threshold the tax is not collected at the border but charged by the seller
  // or marketplace at the point of sale (UK £135, AU GST on low-value goods). It is still a cost
  // of the goods, so a landed cost keeps it.
  bool collected_at_sale = false;
  std::string source;
  std::string note;
  Provenance provenance;
};

enum class UsFeeKind { kMpfFormal, kMpfInformal, kHmf };
std::string_view us_fee_kind_name(UsFeeKind kind);  // "mpf_formal", "mpf_informal", "hmf"

struct UsFeeRule {
  UsFeeKind kind = UsFeeKind::kMpfFormal;
  Decimal rate;                    // fraction of the value (0.003464), 0 for flat fees
  std::optional<Decimal> minimum;  // USD
  std::optional<Decimal> maximum;  // USD
  std::optional<Decimal> flat;     // USD, informal entries
  std::string variant;             // informal MPF: "automated", "manual", "cbp_prepared"
  Date valid_from;
  Date valid_to;  // inclusive (fiscal year end); 2200-12-31 when open-ended
  std::string source;
  Provenance provenance;
};

class TradeRules {
 public:
  TradeRules();  // an empty table; load() builds a real one
  static StatusOr<TradeRules> load(const std::string& repo_data_dir);

  // The rule for a destination country; EU members resolve through `customs_union` ("EU").
  // The newest row of the destination (else of its union); not_found when neither has one.
  StatusOr<const ValuationRule*> valuation(CountryCode destination,
                                           std::string_view customs_union) const;
  // The same, among rows with valid_from on or before `as_of`.
  StatusOr<const ValuationRule*> valuation(CountryCode destination, std::string_view customs_union,
                                           Date as_of) const;
  // Rules in force on `as_of` for the destination (or its customs union), any scope, in file
  // order. A row with `suspended` (and its origin_scope) overrides the thresholds for the
  // origins it names; callers apply origin_scope (e.g. US rows for "CN,HK" from 2025-05-02).
  std::vector<const DeMinimisRule*> de_minimis(CountryCode destination,
                                               std::string_view customs_union, Date as_of) const;
  // The fee parameters in force on `as_of`; failed_precondition naming the date when none
  // cover it (never a default), or when several informal variants match an empty `variant`.
  StatusOr<const UsFeeRule*> us_fee(UsFeeKind kind, Date as_of,
                                    std::string_view variant = {}) const;

  // Every row, in file order (for reports and `kontor data`).
  const std::vector<ValuationRule>& valuation_rules() const;
  const std::vector<DeMinimisRule>& de_minimis_rules() const;
  const std::vector<UsFeeRule>& us_fee_rules() const;
  const DataSource& valuation_source() const;
  const DataSource& de_minimis_source() const;
  const DataSource& us_fees_source() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

}  // namespace kontor::refdata
