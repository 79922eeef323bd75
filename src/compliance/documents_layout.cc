#include "compliance/documents_layout.h"

namespace kontor::compliance::detail {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs header_fields(const Shipment& s, DocumentKind kind) {
  Pairs f = {{"Invoice number", s.invoice_number},
             {"Invoice date", s.invoice_date->to_string()},
             {"Incoterm", std::string(incoterm_name(*s.incoterm)) + " " + s.incoterm_place +
                              " (Incoterms 2020)"},
             {"Currency", std::string(s.currency.code())}};
  if (!s.transport_mode.empty()) f.emplace_back("Transport mode", s.transport_mode);
  if (!s.port_of_loading.empty()) f.emplace_back("Port of loading", s.port_of_loading);
  if (!s.port_of_discharge.empty()) f.emplace_back("Port of discharge", s.port_of_discharge);
  if (kind == DocumentKind::kCommercialInvoice && !s.payment_terms.empty()) {
    f.emplace_back("Payment terms", s.payment_terms);
  }
  return f;
}

std::string describe(const ShipmentLine& l) {
  return l.sku.empty() ? l.description : l.description + " (" + l.sku + ")";
}

void invoice_table(const TradeDocuments& docs, DocumentView& v) {
  const Shipment& s = docs.shipment();
  std::string cur(s.currency.code());
  v.headers = {"#",        "Description", "HS code",           "Origin",
               "Quantity", "Unit",        "Unit price " + cur, "Value " + cur};
  v.numeric = {true, false, false, false, true, false, true, true};
  v.widths = {3, 30, 11, 6, 9, 5, 12, 12};
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    const ShipmentLine& l = s.lines[i];
    v.rows.push_back({std::to_string(i + 1), describe(l), l.hs_code, std::string(l.origin.code()),
                      format_decimal(l.quantity.value()),
                      std::string(unit_symbol(l.quantity.unit())), l.unit_price.amount_text(),
                      docs.totals().lines[i].value.amount_text()});
  }
  v.totals.emplace_back("Goods total", docs.totals().goods.to_string());
  if (s.freight) v.totals.emplace_back("Freight", s.freight->to_string());
  if (s.insurance) v.totals.emplace_back("Insurance", s.insurance->to_string());
  v.totals.emplace_back("Invoice total", docs.totals().invoice.to_string());
  v.declaration =
      "We declare that this invoice shows the actual price of the goods described, that all "
      "particulars are true and correct, and that the goods originate in the countries stated.";
}

void packing_table(const TradeDocuments& docs, DocumentView& v) {
  const Shipment& s = docs.shipment();
  v.headers = {"#",    "Description", "HS code", "Origin",   "Quantity",
               "Unit", "Packages",    "Net kg",  "Gross kg", "Marks"};
  v.numeric = {true, false, false, false, true, false, false, true, true, false};
  v.widths = {3, 22, 12, 6, 8, 5, 10, 8, 8, 13};
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    const ShipmentLine& l = s.lines[i];
    std::string packages = l.packages > 0 ? std::to_string(l.packages) + " " + l.package_type
                                          : "packed with other lines";
    v.rows.push_back({std::to_string(i + 1), describe(l), l.hs_code, std::string(l.origin.code()),
                      format_decimal(l.quantity.value()),
                      std::string(unit_symbol(l.quantity.unit())), packages,
                      format_decimal(l.net_weight_kg), format_decimal(l.gross_weight_kg), l.marks});
  }
  const ShipmentTotals& t = docs.totals();
  std::string quantities;
  for (const Quantity& q : t.quantities) {
    if (!quantities.empty()) quantities += ", ";
    quantities += q.to_string();
  }
  v.totals = {{"Total packages", std::to_string(t.packages)},
              {"Total quantity", quantities},
              {"Total net weight", format_decimal(t.net_weight_kg) + " kg"},
              {"Total gross weight", format_decimal(t.gross_weight_kg) + " kg"}};
  v.declaration = "Packed as listed above; weights in kilograms.";
}

}  // namespace

DocumentView document_view(const TradeDocuments& docs, DocumentKind kind) {
  const Shipment& s = docs.shipment();
  DocumentView v;
  v.title = std::string(document_title(kind));
  v.fields = header_fields(s, kind);
  v.parties = {{"Seller / exporter", format_party_block(s.seller)},
               {"Buyer / importer", format_party_block(s.buyer)}};
  if (s.consignee) v.parties.emplace_back("Consignee", format_party_block(*s.consignee));
  if (kind == DocumentKind::kCommercialInvoice) {
    invoice_table(docs, v);
  } else {
    packing_table(docs, v);
  }
  return v;
}

}  // namespace kontor::compliance::detail
