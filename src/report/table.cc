#include "report/table.h"

namespace kontor::report {

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // GFM never reads an underscore inside a word as emphasis: file_name.csv stays readable.
    if (c == '_' && i > 0 && i + 1 < text.size() && is_word_char(text[i - 1]) &&
        is_word_char(text[i + 1])) {
      out.push_back(c);
      continue;
    }
    switch (c) {
      case '|':
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
        out.push_back('\\');
        out.push_back(c);
        break;
      // Raw HTML in Markdown would be rendered by most viewers; entities keep it text.
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': break;
      case '\n': out.push_back(' '); break;
      default: out.push_back(c);
    }
  }
  return out;
}

namespace {

// A column is numeric when every non-empty cell in it is.
std::vector<bool> numeric_columns(const Table& table) {
  std::vector<bool> numeric(table.headers.size(), false);
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    bool any = false, all = true;
    for (const auto& row : table.rows) {
      if (c >= row.size() || row[c].text.empty()) continue;
      any = true;
      all = all && row[c].numeric;
    }
    numeric[c] = any && all;
  }
  return numeric;
}

}  // namespace

std::string render_html_table(const Table& table) {
  std::string h = "<table";
  if (!table.css_class.empty()) h += " class=\"" + escape_html(table.css_class) + "\"";
  h += ">\n<caption>" + escape_html(table.caption) + "</caption>\n<thead><tr>";
  for (const std::string& header : table.headers) {
    h += "<th scope=\"col\">" + escape_html(header) + "</th>";
  }
  h += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    h += "<tr>";
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
      const Cell empty;
      const Cell& cell = c < row.size() ? row[c] : empty;
      const bool header = table.row_headers && c == 0;
      std::string open = header ? "<th scope=\"row\"" : "<td";
      std::string classes = cell.numeric ? "num" : "";
      if (!cell.css_class.empty()) classes += (classes.empty() ? "" : " ") + cell.css_class;
      if (!classes.empty()) open += " class=\"" + escape_html(classes) + "\"";
      h += open + ">" + escape_html(cell.text) + (header ? "</th>" : "</td>");
    }
    h += "</tr>\n";
  }
  h += "</tbody>\n</table>\n";
  return h;
}

std::string render_markdown_table(const Table& table) {
  std::string m;
  if (!table.caption.empty()) m += "**" + escape_markdown(table.caption) + "**\n\n";
  if (table.headers.empty()) return m;
  const std::vector<bool> numeric = numeric_columns(table);
  m += "|";
  for (const std::string& header : table.headers) m += " " + escape_markdown(header) + " |";
  m += "\n|";
  for (std::size_t c = 0; c < table.headers.size(); ++c) m += numeric[c] ? " ---: |" : " --- |";
  m += "\n";
  for (const auto& row : table.rows) {
    m += "|";
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
      m += " " + (c < row.size() ? escape_markdown(row[c].text) : std::string()) + " |";
    }
    m += "\n";
  }
  return m;
}

}  // namespace kontor::report
