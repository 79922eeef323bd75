// Tables and text escaping shared by the HTML and Markdown renderers. A report section builds a
// Table once; render_html_table and render_markdown_table print it with the escaping each format
// needs, so every figure appears identically in both (money stays the exact decimal string the
// case holds: nothing here parses or reformats numbers).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/html.h"  // escape_html

namespace kontor::report {

// Text for one Markdown table cell or inline run: | \ ` * _ [ ] < > escaped, newlines as spaces.
std::string escape_markdown(std::string_view text);

struct Cell {
  std::string text;
  bool numeric = false;   // right-aligned (a money amount, a rate, a count)
  std::string css_class;  // HTML only: "status-missing", …; may be empty
};

struct Table {
  std::string caption;               // required for accessibility; also the Markdown heading
  std::vector<std::string> headers;  // column headers (<th scope="col">)
  std::vector<std::vector<Cell>> rows;
  bool row_headers = true;  // first cell of each row is a row header (<th scope="row">)
  std::string css_class;    // extra class on <table>, may be empty
};

// <table> with <caption>, <thead> and <tbody>; rows shorter than the headers are padded.
std::string render_html_table(const Table& table);
// A GitHub-flavoured Markdown table preceded by its caption in bold; every row has exactly
// headers.size() cells, numeric columns are right-aligned (---:).
std::string render_markdown_table(const Table& table);

}  // namespace kontor::report
