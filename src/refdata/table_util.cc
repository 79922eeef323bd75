#include "refdata/detail/table_util.h"

#include <cctype>
#include <charconv>

namespace kontor::refdata::detail {

std::string base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

StatusOr<std::unique_ptr<CsvFile>> open_csv(const std::string& path,
                                            std::initializer_list<std::string_view> columns) {
  auto file = std::make_unique<CsvFile>();
  file->path = path;
  ASSIGN_OR_RETURN(file->text, read_file(path));
  file->reader = std::make_unique<CsvReader>(file->text, path);
  RETURN_IF_ERROR(file->reader->read_header());
  for (std::string_view name : columns) {
    auto index = file->reader->column(name);
    if (!index.ok()) {
      return data_loss(path + " line 1, field '" + std::string(name) + "': missing column");
    }
    file->cols.push_back(*index);
  }
  return file;
}

StatusOr<Decimal> parse_decimal_field(const CsvReader& reader, std::string_view field,
                                      std::string_view text) {
  auto value = Decimal::parse(text);
  if (!value.ok()) return reader.error(field, "not a decimal number: '" + std::string(text) + "'");
  return *value;
}

StatusOr<Date> parse_date_field(const CsvReader& reader, std::string_view field,
                                std::string_view text) {
  auto value = Date::parse(text);
  if (!value.ok()) return reader.error(field, "not a date YYYY-MM-DD: '" + std::string(text) + "'");
  return *value;
}

StatusOr<int> parse_int_field(const CsvReader& reader, std::string_view field,
                              std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return reader.error(field, "not an integer: '" + std::string(text) + "'");
  }
  return value;
}

namespace {
bool starts_tag(std::string_view text, std::size_t i) {
  // "<x", "</x", "<\/x": a tag; a bare "<" in prose ("< 5 %") is kept.
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == '\\') ++j;
  if (j < text.size() && text[j] == '/') ++j;
  return j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]));
}
}  // namespace

std::string strip_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '<' || !starts_tag(text, i)) {
      out.push_back(text[i++]);
      continue;
    }
    const std::size_t close = text.find('>', i);
    if (close == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    std::string_view tag = text.substr(i, close - i + 1);
    const bool sup_open = tag.rfind("<sup", 0) == 0;
    i = close + 1;
    if (sup_open && i + 1 < text.size() && (text[i] == '2' || text[i] == '3') &&
        text[i + 1] == '<') {
      out += text[i] == '2' ? "\u00B2" : "\u00B3";
      ++i;
      continue;
    }
    if (tag.find("newline") != std::string_view::npos || tag.rfind("<br", 0) == 0 ||
        tag.rfind("<nl", 0) == 0) {
      out.push_back(' ');
    }
  }
  return collapse_whitespace(out);
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string digits_of_code(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out.push_back(c);
    } else if (c != '.' && c != ' ') {
      return {};
    }
  }
  return out;
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view InternPool::intern(std::string text) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto [it, inserted] = strings_.insert(std::move(text));
  return *it;
}

}  // namespace kontor::refdata::detail
