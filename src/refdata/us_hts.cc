// Loader of the USITC HTS "Export CSV": dotted codes to digits, markup removed from descriptions
// and units, and the general rate printed on a line inherited by the deeper-indented lines
// below it that print none (10-digit statistical suffixes under their 8-digit rate line).
#include <nlohmann/json.hpp>

#include "refdata/detail/tariff_impl.h"

namespace kontor::refdata::detail {

namespace {

StatusOr<std::vector<std::string>> parse_units(const CsvReader& reader, const std::string& text) {
  std::vector<std::string> units;
  if (text.empty()) return units;
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_array()) {
    return reader.error("Unit of Quantity", "not a JSON array of strings: '" + text + "'");
  }
  for (const auto& item : json) {
    if (!item.is_string()) {
      return reader.error("Unit of Quantity", "not a JSON array of strings: '" + text + "'");
    }
    std::string unit = strip_markup(item.get<std::string>());
    if (!unit.empty()) units.push_back(std::move(unit));
  }
  return units;
}

StatusOr<TariffLine> parse_row(const CsvFile& file, const std::vector<std::string>& row) {
  const CsvReader& reader = *file.reader;
  TariffLine line;
  const std::string& number = row[file.cols[0]];
  line.code = digits_of_code(number);
  if (!number.empty()) {
    const std::size_t n = line.code.size();
    if (n != 4 && n != 6 && n != 8 && n != 10) {
      return reader.error("HTS Number",
                          "expected a dotted 4, 6, 8 or 10-digit code, got '" + number + "'");
    }
  }
  line.display_code = number;
  ASSIGN_OR_RETURN(line.indent, parse_int_field(reader, "Indent", row[file.cols[1]]));
  if (line.indent < 0 || line.indent > 20) return reader.error("Indent", "out of range 0..20");
  line.description = strip_markup(row[file.cols[2]]);
  ASSIGN_OR_RETURN(line.units, parse_units(reader, row[file.cols[3]]));
  line.general_rate = row[file.cols[4]];
  line.special_rate = row[file.cols[5]];
  line.column2_rate = row[file.cols[6]];
  line.line = file.line();
  if (!line.general_rate.empty()) line.rate_line = line.line;
  return line;
}

}  // namespace

Status load_us_hts_rows(const std::string& path, TariffData* data) {
  ASSIGN_OR_RETURN(auto file, open_csv(path, {"HTS Number", "Indent", "Description",
                                              "Unit of Quantity", "General Rate of Duty",
                                              "Special Rate of Duty", "Column 2 Rate of Duty"}));
  // Rows are appended to two vectors, so the stack keeps indices, not pointers, while loading.
  struct Pending {
    int indent;
    TariffRowRef ref;
  };
  std::vector<Pending> stack;
  std::vector<std::string> row;
  data->lines.reserve(30000);
  data->text_rows.reserve(7000);
  auto row_at = [&](TariffRowRef ref) -> TariffLine& {
    return ref.kind == TariffRowRef::Kind::kLine ? data->lines[ref.index]
                                                 : data->text_rows[ref.index];
  };
  while (file->reader->next(row)) {
    ASSIGN_OR_RETURN(TariffLine line, parse_row(*file, row));
    while (!stack.empty() && stack.back().indent >= line.indent) stack.pop_back();
    TariffRowRef parent = stack.empty() ? TariffRowRef{} : stack.back().ref;
    if (line.general_rate.empty() && parent.kind != TariffRowRef::Kind::kNone) {
      const TariffLine& above = row_at(parent);  // its rates are already resolved
      line.general_rate = above.general_rate;
      line.special_rate = above.special_rate;
      line.column2_rate = above.column2_rate;
      line.rate_line = above.rate_line;
    }
    TariffRowRef ref;
    if (line.code.empty()) {
      ref = {TariffRowRef::Kind::kText, static_cast<std::uint32_t>(data->text_rows.size())};
      data->text_rows.push_back(std::move(line));
      data->text_parent.push_back(parent);
    } else {
      ref = {TariffRowRef::Kind::kLine, static_cast<std::uint32_t>(data->lines.size())};
      data->lines.push_back(std::move(line));
      data->line_parent.push_back(parent);
    }
    stack.push_back({row_at(ref).indent, ref});
  }
  return file->reader->status();
}

}  // namespace kontor::refdata::detail
