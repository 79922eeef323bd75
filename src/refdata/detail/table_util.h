// Internal helpers shared by the reference-data loaders: reading a CSV file with its required
// columns, field parsers whose errors name file, line and field, markup/whitespace cleaning and
// a string-keyed hash map that accepts string_view lookups. Not part of the public API.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/csv.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/status.h"

namespace kontor::refdata::detail {

// "…/data/file.csv" → "file.csv".
std::string base_name(std::string_view path);

// A CSV file held in memory with a reader over it and the indices of the requested columns.
// Heap-allocated so the reader's view of the text stays valid.
struct CsvFile {
  std::string path;
  std::string text;
  std::unique_ptr<CsvReader> reader;
  std::vector<std::size_t> cols;  // index of each requested column, in request order

  // The physical line of the current row as stored in TariffLine::line and friends.
  std::uint32_t line() const { return static_cast<std::uint32_t>(reader->line()); }
};

// Opens `path`, reads the header and finds `columns`. A missing file is not_found; a missing
// column is data_loss "PATH line 1, field 'NAME': missing column".
StatusOr<std::unique_ptr<CsvFile>> open_csv(const std::string& path,
                                            std::initializer_list<std::string_view> columns);

// Field parsers: a failure is CsvReader::error(field, reason) (data_loss, file + line + field).
StatusOr<Decimal> parse_decimal_field(const CsvReader& reader, std::string_view field,
                                      std::string_view text);
StatusOr<Date> parse_date_field(const CsvReader& reader, std::string_view field,
                                std::string_view text);
StatusOr<int> parse_int_field(const CsvReader& reader, std::string_view field,
                              std::string_view text);

// Removes USITC HTML markup (<il>, <u>, <sup>, <i>, escaped "<\/u>", …); <sup>2</sup> and
// <sup>3</sup> become "²" and "³" so "m<sup>2</sup>" reads "m²" like the unmarked units.
std::string strip_markup(std::string_view text);
// Turns every run of whitespace (line breaks, tabs) into one space and trims both ends.
std::string collapse_whitespace(std::string_view text);
// "6911.10.10.00" → "6911101000"; empty when `text` holds anything but digits, dots and spaces.
std::string digits_of_code(std::string_view text);
std::string to_lower_ascii(std::string_view text);

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// Strings built at query time (cross-rate keys, …) that a Provenance must point at for as long
// as the table lives. Thread-safe; node-based, so returned views never move.
class InternPool {
 public:
  std::string_view intern(std::string text) const;

 private:
  mutable std::mutex mu_;
  mutable std::unordered_set<std::string, StringHash, std::equal_to<>> strings_;
};

}  // namespace kontor::refdata::detail
