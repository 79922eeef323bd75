// TariffSchedule: one destination's import tariff as printed: national lines with their rate
// texts. Loaded from the US HTS 2024 export (tariff_us_hts_2024.csv), and from the EU CET 2020
// and UK Global Tariff 2021 columns of tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv. Rate
// texts are kept verbatim (trade::DutyRate parses them); a line that prints no rate inherits
// the rate of the nearest ancestor that does (US 10-digit statistical lines under their 8-digit
// parent), and `rate_line` says which line that was.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/provenance.h"
#include "core/status.h"

namespace kontor::refdata {

struct TariffLine {
  std::string code;                // digits only: "6911101000"
  std::string display_code;        // as printed: "6911.10.10.00"
  int indent = 0;                  // US: hierarchy depth; EU/UK: 0
  std::string description;         // markup removed; ancestors' text not included
  std::vector<std::string> units;  // US units of quantity, markup removed: {"No.", "kg"}
  std::string general_rate;        // MFN / third-country rate text, inherited when not printed
  std::string special_rate;        // US: preferential programmes, e.g. "Free (A+,AU,BH,…)"
  std::string column2_rate;        // US: column 2 (Cuba, North Korea)
  std::uint32_t line = 0;          // physical line in the source file
  std::uint32_t rate_line = 0;     // physical line where general_rate was printed
};

class TariffSchedule {
 public:
  TariffSchedule();  // an empty table; load() builds a real one
  static StatusOr<TariffSchedule> load_us_hts(const std::string& path);
  // The EU CET 2020 (`column` "cet_duty_rate") or the UK Global Tariff 2021 ("ukgt_duty_rate").
  static StatusOr<TariffSchedule> load_uk_eu(const std::string& path, std::string_view column);

  std::string_view jurisdiction() const;  // "US", "EU", "GB"
  const DataSource& source() const;
  std::string_view currency() const;  // currency of specific rates: "USD", "EUR", "GBP"

  // Exact line by code (digits, dots ignored).
  const TariffLine* find(std::string_view code) const;
  // The line for a code of any length: the exact line, else the single declared line that
  // extends it (HS6 "691110" → "6911101000" when it is the only one), else the longest
  // declared prefix. not_found names the code; failed_precondition lists the candidate lines
  // when a shorter code is ambiguous ("691110 has 3 national lines: …").
  StatusOr<const TariffLine*> resolve(std::string_view code) const;
  // Every line whose code starts with `prefix`, in file order.
  std::vector<const TariffLine*> lines_under(std::string_view prefix) const;
  // Lines with a code, in file order (US text-only rows such as "Other:" are not included).
  const std::vector<TariffLine>& lines() const;
  // The rows above `line` in the printed hierarchy, outermost first, including the US
  // text-only rows (empty code) — to read a description in full ("Other:" under "Of bone
  // chinaware:"). Empty for UK/EU lines and for a line not from this schedule.
  std::vector<const TariffLine*> ancestors(const TariffLine& line) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

// US Section 301 additional duties on products of China (tariff_us_section301_china_lists.csv
// joined with the chapter 99 headings of the HTS for their rate text).
struct Section301Entry {
  std::string hts8;             // "69111010"
  std::string list;             // "3", "4A", "biden_25", …
  std::string ch99_code;        // "9903.88.03"
  std::string ch99_rate_text;   // "The duty provided in the applicable subheading + 25%"
  std::uint32_t line = 0;       // line in the lists file
  std::uint32_t ch99_line = 0;  // line of the heading in the HTS file
};

class Section301Table {
 public:
  Section301Table();  // an empty table; load() builds a real one
  static StatusOr<Section301Table> load(const std::string& lists_csv, const TariffSchedule& hts);
  // Every list entry covering the 8-digit line of `code` (several lists can cover one line).
  std::vector<const Section301Entry*> find(std::string_view code) const;
  const DataSource& source() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

}  // namespace kontor::refdata
