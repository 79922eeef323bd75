// Provenance: where a figure came from. Every computed value in Kontor carries one: the data
// set (file, edition, as-of date, licence), the row in it, the key (tariff line, currency pair),
// the rate text as printed, and the rule applied. Text fields are views into immutable
// reference data or static rule tables, so attaching provenance costs no allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kontor {

// A reference data set as loaded: one file of $KONTOR_DATA_DIR or of the repo's data/.
struct DataSource {
  std::string id;       // short stable name, e.g. "us_hts_2024"
  std::string file;     // file name as found on disk, e.g. "tariff_us_hts_2024.csv"
  std::string title;    // "USITC Harmonized Tariff Schedule 2024"
  std::string edition;  // as-of of the data itself, e.g. "2024 (revision current Nov 2024)"
  std::string licence;  // "public domain (17 U.S.C. §105)"
};

struct Provenance {
  const DataSource* source = nullptr;  // the data set, or null for a pure rule or user input
  std::uint32_t line = 0;              // 1-based physical line in the source file, 0 if none
  std::string_view key;                // e.g. "6911.10.10", "EUR/USD"
  std::string_view text;               // the rate or parameter as printed in the source
  std::string_view rule;               // the rule applied, e.g. "19 CFR 24.23(b)(1)(i) MPF"

  // "tariff_us_hts_2024.csv line 23411 [6911.10.10] '25¢/kg + 3.6%'; rule: …"
  std::string to_string() const;
};

}  // namespace kontor
