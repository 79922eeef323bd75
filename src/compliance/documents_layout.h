// Internal to the documents renderers: what a commercial invoice or packing list shows, as
// text, independent of the output format, so that the HTML and PDF carry the same fields.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compliance/documents.h"

namespace kontor::compliance::detail {

struct DocumentView {
  std::string title;                                         // "Commercial Invoice"
  std::vector<std::pair<std::string, std::string>> fields;   // ("Invoice number", "KI-2026-001")
  std::vector<std::pair<std::string, std::string>> parties;  // ("Seller", multi-line block)
  std::vector<std::string> headers;                          // table columns
  std::vector<bool> numeric;                                 // right-aligned columns
  std::vector<double> widths;                                // relative column widths
  std::vector<std::vector<std::string>> rows;
  std::vector<std::pair<std::string, std::string>> totals;  // ("Invoice total", "9950.00 USD")
  std::string declaration;
};

DocumentView document_view(const TradeDocuments& docs, DocumentKind kind);

}  // namespace kontor::compliance::detail
