// HsNomenclature: the Harmonized System (WCO) at 2, 4 and 6 digits with sections, from the
// HS 2022 or HS 2017 edition (hs20xx_harmonized_system.csv, hs2022_sections.csv).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/provenance.h"
#include "core/status.h"

namespace kontor::refdata {

struct HsEntry {
  std::string code;         // "691110": 2, 4 or 6 digits, leading zeros kept
  int level = 0;            // 2 chapter, 4 heading, 6 subheading
  std::string description;  // "Tableware and kitchenware; of porcelain or china"
  std::string parent;       // parent code; "" for chapters
  std::string section;      // Roman numeral "XIII"
  std::uint32_t line = 0;
};

struct HsSection {
  std::string numeral;  // "XIII"
  std::string name;
};

class HsNomenclature {
 public:
  HsNomenclature();  // an empty table; load() builds a real one
  // `edition` names the data set, e.g. "HS 2022".
  static StatusOr<HsNomenclature> load(const std::string& codes_csv,
                                       const std::string& sections_csv, std::string edition);

  const HsEntry* find(std::string_view code) const;                   // exact code, 2/4/6 digits
  std::vector<const HsEntry*> children(std::string_view code) const;  // "" gives the chapters
  const std::vector<HsEntry>& entries() const;                        // in file order
  const std::vector<HsSection>& sections() const;
  const HsSection* section(std::string_view numeral) const;
  const DataSource& source() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable once loaded; copies share it
};

}  // namespace kontor::refdata
