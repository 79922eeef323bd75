// Markdown (GitHub flavour) of the report document: same sections and figures as the HTML;
// charts are replaced by their caption since their data is in the neighbouring tables.
#include "report/document.h"

namespace kontor::report {
namespace {

std::string render_block(const Block& block) {
  switch (block.kind) {
    case Block::Kind::kParagraph:
      return (block.css_class == "warning" ? "> **Note:** " : "") + escape_markdown(block.text) +
             "\n\n";
    case Block::Kind::kFacts: {
      std::string m;
      for (const auto& [label, value] : block.facts) {
        m += "- **" + escape_markdown(label) + ":** " + escape_markdown(value) + "\n";
      }
      return m + "\n";
    }
    case Block::Kind::kTable: return render_markdown_table(block.table) + "\n";
    case Block::Kind::kList: {
      std::string m;
      for (const std::string& item : block.items) m += "- " + escape_markdown(item) + "\n";
      return m + "\n";
    }
    case Block::Kind::kChart:
      return "*Chart (in the HTML report): " + escape_markdown(block.text) + "*\n\n";
  }
  return "";
}

}  // namespace

std::string render_document_markdown(const ReportDocument& document) {
  std::string m =
      "# " + escape_markdown(document.title) + "\n\n" + escape_markdown(document.subtitle) + "\n\n";
  for (const ReportSection& section : document.sections) {
    m += "## " + escape_markdown(section.title) + "\n\n";
    for (const Block& block : section.blocks) m += render_block(block);
  }
  return m;
}

}  // namespace kontor::report
