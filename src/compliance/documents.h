// Trade documents: the commercial invoice and the packing list of one shipment. A Shipment is
// what the seller states (parties, Incoterm and named place, lines with HS code, origin,
// quantity, unit price, weights, packages and marks); TradeDocuments::make validates every field
// (all problems at once, each named by its path, e.g. "lines[2].hs_code"), computes the totals
// itself — line values, goods total, invoice total, packages and weights — and checks them
// against any total the seller declared. Only validated documents can be rendered: JSON for
// machines, a self-contained printable HTML page, and PDF (cairo + pango).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/country.h"
#include "core/currency.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/incoterm.h"
#include "core/money.h"
#include "core/quantity.h"
#include "core/status.h"
#include "refdata/currencies.h"

namespace kontor::compliance {

struct Party {
  std::string name;
  std::vector<std::string> address;  // street, city and postcode lines (country separate)
  CountryCode country;
  std::string tax_id;   // VAT / EORI / EIN / USCC, optional
  std::string contact;  // person, phone or e-mail, optional
};

struct ShipmentLine {
  std::string description;   // plain-language description of the goods
  std::string hs_code;       // 6–10 digits; dots and spaces allowed ("8518.22.0000")
  CountryCode origin;        // country of origin of the goods
  Quantity quantity;         // e.g. 2000 pcs
  Money unit_price;          // per unit of `quantity`, in the invoice currency
  Decimal net_weight_kg;     // for the whole line
  Decimal gross_weight_kg;   // for the whole line, packaging included
  int packages = 0;          // packages holding this line; 0 when packed with another line
  std::string package_type;  // "cartons", "pallets"
  std::string marks;         // shipping marks and numbers, e.g. "KONTOR/HAM 1-40"
  std::string sku;           // seller's article number, optional
};

struct Shipment {
  std::string invoice_number;
  std::optional<Date> invoice_date;
  Party seller;
  Party buyer;
  std::optional<Party> consignee;  // when goods go to someone other than the buyer
  std::optional<Incoterm> incoterm;
  std::string incoterm_place;  // the named place: "Shanghai", "Hamburg"
  Currency currency;
  std::vector<ShipmentLine> lines;
  std::optional<Money>
      freight;  // charged on the invoice (only where the Incoterm's seller pays carriage)
  std::optional<Money> insurance;       // charged on the invoice
  std::optional<Money> declared_total;  // the total the seller typed; must equal the computed one
  std::string transport_mode;           // "sea", "air", "road", "rail", "multimodal"; optional
  std::string port_of_loading;          // optional
  std::string port_of_discharge;        // optional
  std::string payment_terms;            // optional, e.g. "30 % deposit, 70 % against B/L copy"
};

// One problem with one field.
struct FieldError {
  std::string field;   // "lines[2].hs_code" (lines are numbered from 1)
  std::string reason;  // "expected 6 to 10 digits, got '85'"
};

struct LineTotals {
  Money value;  // quantity × unit price, rounded per line half-up to the currency's minor unit
};

struct ShipmentTotals {
  std::vector<LineTotals> lines;
  Money goods;    // sum of the line values
  Money charges;  // freight + insurance on the invoice
  Money invoice;  // goods + charges
  int packages = 0;
  Decimal net_weight_kg;
  Decimal gross_weight_kg;
  std::vector<Quantity> quantities;  // summed per unit, in first-seen order ("2000 pcs", "40 kg")
};

enum class DocumentKind { kCommercialInvoice, kPackingList };
std::string_view document_title(DocumentKind kind);  // "Commercial Invoice", "Packing List"

class TradeDocuments {
 public:
  // Every problem found, in field order; empty when the shipment is valid.
  static std::vector<FieldError> validate(const Shipment& shipment);
  // invalid_argument listing every FieldError as "field: reason; field: reason" when invalid.
  static StatusOr<TradeDocuments> make(Shipment shipment);

  const Shipment& shipment() const { return shipment_; }
  const ShipmentTotals& totals() const { return totals_; }

  // Both documents: {"commercial_invoice": {...}, "packing_list": {...}}; amounts as decimal
  // strings with the currency beside them, never as binary floating point.
  std::string to_json() const;
  // A complete HTML page (inline CSS, A4 print layout, no external resources).
  std::string to_html(DocumentKind kind) const;
  // The PDF bytes (A4, one or more pages); internal error if cairo fails.
  StatusOr<std::string> to_pdf(DocumentKind kind) const;

 private:
  Shipment shipment_;
  ShipmentTotals totals_;
};

// Reads a shipment from JSON, the input of `kontor documents`: top-level "invoice_number",
// "invoice_date" (YYYY-MM-DD), "seller"/"buyer"/"consignee" ({"name", "address": [lines],
// "country", "tax_id", "contact"}), "incoterm" ("CIF"), "incoterm_place", "currency" ("USD"),
// "transport_mode", "port_of_loading", "port_of_discharge", "payment_terms", "freight",
// "insurance", "declared_total", and "lines": [{"description", "sku", "hs_code", "origin",
// "quantity", "unit", "unit_price", "net_weight_kg", "gross_weight_kg", "packages",
// "package_type", "marks"}]. Amounts, quantities and weights are decimal strings or integers,
// never binary floating point. invalid_argument names every unreadable field by its path
// ("lines[2].quantity: not a decimal number: '2k'"); the result still goes through make().
StatusOr<Shipment> shipment_from_json(std::string_view json,
                                      const refdata::CurrencyTable& currencies);

// The text of one table cell or field as the renderers print it, shared so that JSON, HTML and
// PDF say the same thing: "8518.22.00" stays as typed, money as "1234.50", weights as "12.5".
std::string format_party_block(const Party& party);  // name, address lines, country, tax id
std::string format_decimal(const Decimal& value);    // plain, trailing zeros removed

}  // namespace kontor::compliance
