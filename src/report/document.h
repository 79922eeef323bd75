// ReportDocument: the report as format-neutral blocks (paragraphs, facts, tables, lists,
// charts). build_document() turns a CaseView into one; the HTML and Markdown renderers print
// the same document, so both formats always carry the same sections and figures.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "report/case_view.h"
#include "report/table.h"

namespace kontor::report {

struct Block {
  enum class Kind { kParagraph, kFacts, kTable, kList, kChart };
  Kind kind = Kind::kParagraph;
  std::string text;       // paragraph text; a chart's caption
  std::string css_class;  // "note", "warning", "recommended"; may be empty
  std::vector<std::pair<std::string, std::string>> facts;  // label → value
  Table table;
  std::vector<std::string> items;  // list items
  std::string svg;                 // chart markup (already escaped SVG)
  std::string lang;                // ISO 639-1 when the text is not English ("de")
};

Block paragraph(std::string text, std::string css_class = "");
Block facts(std::vector<std::pair<std::string, std::string>> facts);
Block table(Table table);
Block list(std::vector<std::string> items, std::string css_class = "");
Block chart(std::string svg, std::string caption);

struct ReportSection {
  std::string id;     // HTML anchor: "landed-cost"
  std::string title;  // "Landed cost per unit"
  std::vector<Block> blocks;
};

struct ReportDocument {
  std::string title;     // "Insulated stainless steel bottles → DE"
  std::string subtitle;  // "Case c-… · as of 2026-11-23 · status done"
  std::vector<ReportSection> sections;
};

// Every known section of the case in reading order, then any other section generically, then
// open questions, pending approvals and the journal summary. Never fails: a section whose body
// does not have the expected shape is shown generically with a note.
ReportDocument build_document(const CaseView& view);

std::string render_document_html(const ReportDocument& document);
std::string render_document_markdown(const ReportDocument& document);

}  // namespace kontor::report
