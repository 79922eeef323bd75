#include "core/csv.h"

#include <fstream>
#include <sstream>

namespace kontor {

CsvReader::CsvReader(std::string_view text, std::string file)
    : text_(text), file_(std::move(file)) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

Status CsvReader::read_header() {
  if (!parse_row(header_)) {
    if (!status_.ok()) return status_;
    return data_loss(file_ + ": empty file, expected a header row");
  }
  return ok_status();
}

StatusOr<std::size_t> CsvReader::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  return data_loss(file_ + ": missing column '" + std::string(name) + "'");
}

bool CsvReader::next(std::vector<std::string>& fields) {
  if (!parse_row(fields)) return false;
  if (!header_.empty() && fields.size() != header_.size()) {
    status_ = data_loss(file_ + " line " + std::to_string(row_line_) + ": expected " +
                        std::to_string(header_.size()) + " fields, found " +
                        std::to_string(fields.size()));
    return false;
  }
  return true;
}

Status CsvReader::error(std::string_view field, std::string_view reason) const {
  return data_loss(file_ + " line " + std::to_string(row_line_) + ", field '" + std::string(field) +
                   "': " + std::string(reason));
}

bool CsvReader::parse_row(std::vector<std::string>& fields) {
  fields.clear();
  if (!status_.ok()) return false;
  // Skip blank lines between records.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  row_line_ = line_;
  std::string field;
  while (true) {
    field.clear();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      ++pos_;
      while (true) {
        if (pos_ >= text_.size()) {
          status_ = data_loss(file_ + " line " + std::to_string(row_line_) +
                              ": unterminated quoted field");
          return false;
        }
        char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field.push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        field.push_back(c);
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        status_ =
            data_loss(file_ + " line " + std::to_string(line_) +
                      ": text after a closing quote in field " + std::to_string(fields.size() + 1));
        return false;
      }
    } else {
      std::size_t start = pos_;
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        ++pos_;
      }
      field.assign(text_.substr(start, pos_ - start));
    }
    fields.push_back(field);
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

StatusOr<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return not_found("cannot open " + path);
  // One allocation of the file's size and one read: the reference files are megabytes, and
  // a growing buffer copied them several times (a tenth of a process's start-up).
  const std::streamoff size = in.tellg();
  if (size < 0) {  // a pipe (/dev/stdin): no size to ask for
    in.clear();
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return data_loss("cannot read " + path);
    return buffer.str();
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(text.data(), size)) return data_loss("cannot read " + path);
  return text;
}

}  // namespace kontor
