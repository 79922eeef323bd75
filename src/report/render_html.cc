// The standalone HTML page: inline CSS, inline SVG, no scripts and nothing fetched, readable on
// a phone, on a desktop and on paper.
#include "report/document.h"

namespace kontor::report {
namespace {

constexpr const char* kStyle = R"(
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --accent: #0b5cad; --bg-soft: #f4f6f8; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif;
  color: var(--ink); line-height: 1.45; margin: 0 auto; padding: 1rem 1.25rem 3rem; max-width: 70rem; }
header h1 { font-size: 1.7rem; margin: 0.5rem 0 0.25rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
nav { background: var(--bg-soft); padding: 0.5rem 1rem; border-radius: 6px; }
nav h2 { font-size: 1rem; margin: 0.25rem 0; }
nav ol { margin: 0.25rem 0; padding-left: 1.25rem; columns: 2 14rem; }
a { color: var(--accent); }
section { margin-top: 2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: 0.2rem; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: var(--bg-soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: 0.2rem 1rem; margin: 0.75rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 0.9rem; }
.note { color: var(--muted); font-size: 0.92rem; }
.warning { border-left: 4px solid #D55E00; padding-left: 0.75rem; }
.recommended { border-left: 4px solid #009E73; padding-left: 0.75rem; }
.status-held { color: #006b4f; font-weight: 600; }
.status-missing { color: #b23c00; font-weight: 600; }
.status-to_check { color: #7a5a00; font-weight: 600; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); }
@media (max-width: 40rem) {
  body { padding: 0.5rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.4rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  figure, tr, dl.facts { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
  th, td { overflow-wrap: anywhere; padding: 2pt 3pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)";

std::string render_block(const Block& block) {
  std::string cls =
      block.css_class.empty() ? "" : " class=\"" + escape_html(block.css_class) + "\"";
  if (!block.lang.empty()) cls += " lang=\"" + escape_html(block.lang) + "\"";
  switch (block.kind) {
    case Block::Kind::kParagraph: return "<p" + cls + ">" + escape_html(block.text) + "</p>\n";
    case Block::Kind::kFacts: {
      std::string h = "<dl class=\"facts\"" +
                      (block.lang.empty() ? "" : " lang=\"" + escape_html(block.lang) + "\"") +
                      ">\n";
      for (const auto& [label, value] : block.facts) {
        h += "<dt>" + escape_html(label) + "</dt><dd>" + escape_html(value) + "</dd>\n";
      }
      return h + "</dl>\n";
    }
    case Block::Kind::kTable:
      // A focusable, labelled region so keyboard users can scroll a wide table.
      return "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"" +
             escape_html(block.table.caption) + "\">\n" + render_html_table(block.table) +
             "</div>\n";
    case Block::Kind::kList: {
      std::string h = "<ul" + cls + ">\n";
      for (const std::string& item : block.items) h += "<li>" + escape_html(item) + "</li>\n";
      return h + "</ul>\n";
    }
    case Block::Kind::kChart:
      return "<figure>\n" + block.svg + "<figcaption>" + escape_html(block.text) +
             "</figcaption>\n</figure>\n";
  }
  return "";
}

}  // namespace

std::string render_document_html(const ReportDocument& document) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"Kontor\">\n<title>" +
      escape_html(document.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<header>\n<h1>" + escape_html(document.title) + "</h1>\n<p class=\"subtitle\">" +
       escape_html(document.subtitle) + "</p>\n</header>\n";
  h += "<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">Contents</h2>\n<ol>\n";
  for (const ReportSection& section : document.sections) {
    h += "<li><a href=\"#" + escape_html(section.id) + "\">" + escape_html(section.title) +
         "</a></li>\n";
  }
  h += "</ol>\n</nav>\n<main>\n";
  for (const ReportSection& section : document.sections) {
    const std::string id = escape_html(section.id);
    h += "<section id=\"" + id + "\" aria-labelledby=\"" + id + "-h\">\n<h2 id=\"" + id + "-h\">" +
         escape_html(section.title) + "</h2>\n";
    for (const Block& block : section.blocks) h += render_block(block);
    h += "</section>\n";
  }
  h += "</main>\n<footer>\n<p>Generated by Kontor. Every money figure is computed exactly from "
       "the reference data named next to it; no figure comes from a language model.</p>\n"
       "</footer>\n</body>\n</html>\n";
  return h;
}

}  // namespace kontor::report
