// HTML rendering of the trade documents: one self-contained page per document (inline CSS, no
// scripts, fonts or images from elsewhere) laid out for A4 printing.
#include "compliance/documents.h"
#include "compliance/documents_layout.h"
#include "core/html.h"

namespace kontor::compliance {
namespace {

// Multi-line blocks (addresses, declarations) keep their line breaks on the printed page.
std::string escape(const std::string& text) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
    out += escape_html(std::string_view(text).substr(from, nl - from)) + "<br>";
  }
  return out + escape_html(std::string_view(text).substr(from));
}

constexpr const char* kStyle = R"(
@page { size: A4; margin: 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 8pt 0; letter-spacing: 0.5pt; }
table { border-collapse: collapse; width: 100%; }
.fields td { padding: 1pt 8pt 1pt 0; vertical-align: top; }
.fields td.k { color: #555; white-space: nowrap; }
.parties { margin: 10pt 0; }
.parties td { width: 33%; vertical-align: top; border: 0.5pt solid #999; padding: 5pt; }
.parties .label { font-weight: bold; display: block; margin-bottom: 3pt; }
.lines th, .lines td { border: 0.5pt solid #999; padding: 3pt; vertical-align: top; }
.lines th { background: #eee; text-align: left; }
.lines .num { text-align: right; white-space: nowrap; }
.totals { width: auto; margin: 8pt 0 0 auto; }
.totals td { padding: 2pt 0 2pt 12pt; text-align: right; }
.totals tr:last-child td { font-weight: bold; border-top: 0.8pt solid #111; }
.declaration { margin-top: 14pt; font-size: 9pt; }
.signature { margin-top: 28pt; border-top: 0.5pt solid #111; width: 60mm; font-size: 8pt; }
@media print { .lines tr { page-break-inside: avoid; } }
)";

}  // namespace

std::string TradeDocuments::to_html(DocumentKind kind) const {
  detail::DocumentView v = detail::document_view(*this, kind);
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                  escape(v.title + " " + shipment_.invoice_number) + "</title>\n<style>" + kStyle +
                  "</style>\n</head>\n<body>\n<h1>" + escape(v.title) + "</h1>\n";
  h += "<table class=\"fields\">\n";
  for (const auto& [key, value] : v.fields) {
    h += "<tr><td class=\"k\">" + escape(key) + "</td><td>" + escape(value) + "</td></tr>\n";
  }
  h += "</table>\n<table class=\"parties\"><tr>\n";
  for (const auto& [label, block] : v.parties) {
    h += "<td><span class=\"label\">" + escape(label) + "</span>" + escape(block) + "</td>\n";
  }
  h += "</tr></table>\n<table class=\"lines\">\n<thead><tr>";
  for (std::size_t c = 0; c < v.headers.size(); ++c) {
    h += std::string(v.numeric[c] ? "<th class=\"num\">" : "<th>") + escape(v.headers[c]) + "</th>";
  }
  h += "</tr></thead>\n<tbody>\n";
  for (const auto& row : v.rows) {
    h += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      h += std::string(v.numeric[c] ? "<td class=\"num\">" : "<td>") + escape(row[c]) + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody>\n</table>\n<table class=\"totals\">\n";
  for (const auto& [label, value] : v.totals) {
    h += "<tr><td>" + escape(label) + "</td><td>" + escape(value) + "</td></tr>\n";
  }
  h += "</table>\n<p class=\"declaration\">" + escape(v.declaration) + "</p>\n";
  h += "<div class=\"signature\">Signature, name and date — " + escape(shipment_.seller.name) +
       "</div>\n</body>\n</html>\n";
  return h;
}

}  // namespace kontor::compliance
