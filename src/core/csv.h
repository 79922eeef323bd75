// CsvReader: RFC 4180 CSV over an in-memory text (quoted fields with "" escapes and line
// breaks, CRLF or LF line ends, an optional UTF-8 byte-order mark). Rows know the physical line
// they start on, so every data error can name file, line and field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kontor {

class CsvReader {
 public:
  // `file` is only used in messages. The text must outlive the reader.
  CsvReader(std::string_view text, std::string file);

  // Reads the header row; later rows are checked to have the same number of fields.
  Status read_header();
  const std::vector<std::string>& header() const { return header_; }
  // Index of a header column, or a data_loss error "FILE: missing column 'NAME'".
  StatusOr<std::size_t> column(std::string_view name) const;

  // Reads the next row into `fields`; returns false at the end of the text. A malformed row
  // (unterminated quote, wrong field count) sets status() and returns false.
  bool next(std::vector<std::string>& fields);
  const Status& status() const { return status_; }
  // The physical line (1-based) where the last row returned by next() starts.
  std::size_t line() const { return row_line_; }
  const std::string& file() const { return file_; }

  // "FILE line N, field 'NAME': REASON" as a data_loss Status for the current row.
  Status error(std::string_view field, std::string_view reason) const;

 private:
  bool parse_row(std::vector<std::string>& fields);

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t row_line_ = 0;
  std::vector<std::string> header_;
  Status status_;
};

// Reads a whole file into memory; not_found / data_loss with the path when it cannot.
StatusOr<std::string> read_file(const std::string& path);

}  // namespace kontor
