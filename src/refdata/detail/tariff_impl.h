// The internal state of a TariffSchedule (held by TariffSchedule::Impl), shared by its loaders (US
// HTS, UK/EU) and queries.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "refdata/detail/table_util.h"
#include "refdata/tariff_schedule.h"

namespace kontor::refdata {

// Where a row of the printed schedule sits: a coded line (lines[index]) or a text-only row of
// the US schedule (text_rows[index]). kNone for a heading without a parent.
struct TariffRowRef {
  enum class Kind : std::uint8_t { kNone, kLine, kText };
  Kind kind = Kind::kNone;
  std::uint32_t index = 0;
};

namespace detail {

struct TariffData {
  DataSource source;
  std::string jurisdiction;                  // "US", "EU", "GB"
  std::string currency;                      // of specific rates
  std::vector<TariffLine> lines;             // coded lines in file order
  std::vector<TariffLine> text_rows;         // US rows without a code ("Other:")
  std::vector<TariffRowRef> line_parent;     // parallel to lines
  std::vector<TariffRowRef> text_parent;     // parallel to text_rows
  detail::StringMap<std::uint32_t> by_code;  // first line with the code
  std::vector<std::pair<std::string_view, std::uint32_t>> sorted;  // (code, line) by code

  // Builds by_code and sorted once the lines are final; a repeated code keeps its first line.
  void index();
};

// Loads the rows of the USITC export into `data` (lines, text rows, parents, inherited rates).
Status load_us_hts_rows(const std::string& path, TariffData* data);

}  // namespace detail

}  // namespace kontor::refdata
