// Shipment input from JSON: the sample reads back to the same documents; unreadable fields are
// named by path.
#include <gtest/gtest.h>

#include "compliance/documents.h"
#include "refdata/currencies.h"

namespace kontor::compliance {
namespace {

const refdata::CurrencyTable& currencies() {
  static const refdata::CurrencyTable table = [] {
    auto t = refdata::CurrencyTable::load(std::string(KONTOR_DEFAULT_DATA_DIR) +
                                          "/iso4217_currency_codes.csv");
    EXPECT_TRUE(t.ok()) << t.status().to_string();
    return t.ok() ? *t : refdata::CurrencyTable();
  }();
  return table;
}

constexpr const char* kShipment = R"({
  "invoice_number": "KI-2026-0042", "invoice_date": "2026-01-12",
  "seller": {"name": "Shenzhen Soundwave Electronics Co., Ltd.",
             "address": ["88 Keji Road, Nanshan District", "Shenzhen 518057"], "country": "CN"},
  "buyer": {"name": "Nordlicht Handel GmbH", "address": ["Speicherstadt 12", "20457 Hamburg"],
            "country": "DE", "tax_id": "DE123456789"},
  "incoterm": "CIF", "incoterm_place": "Hamburg", "currency": "USD", "transport_mode": "sea",
  "freight": "1850.00", "insurance": "95.40", "declared_total": "31644.90",
  "lines": [
    {"description": "Portable Bluetooth speaker", "hs_code": "8518.22.0000", "origin": "CN",
     "quantity": 2000, "unit": "pcs", "unit_price": "12.35", "net_weight_kg": "1100",
     "gross_weight_kg": "1240.5", "packages": 100, "package_type": "cartons", "marks": "NH 1-100"},
    {"description": "Stainless steel bottle", "hs_code": "7323.93", "origin": "CN",
     "quantity": "1500", "unit_price": "3.333", "net_weight_kg": 600, "gross_weight_kg": 690,
     "packages": 50, "package_type": "cartons", "marks": "NH 101-150"}
  ]
})";

TEST(DocumentsJsonTest, SampleShipmentReadsAndTotals) {
  auto shipment = shipment_from_json(kShipment, currencies());
  ASSERT_TRUE(shipment.ok()) << shipment.status().to_string();
  EXPECT_EQ(shipment->lines[1].quantity.to_string(), "1500 pcs");
  EXPECT_EQ(shipment->buyer.tax_id, "DE123456789");
  auto docs = TradeDocuments::make(*shipment);
  ASSERT_TRUE(docs.ok()) << docs.status().to_string();
  EXPECT_EQ(docs->totals().invoice.to_string(), "31644.90 USD");
  EXPECT_EQ(docs->totals().gross_weight_kg.to_plain_string(), "1930.5");
}

TEST(DocumentsJsonTest, UnreadableFieldsAreNamed) {
  auto shipment = shipment_from_json(
      R"({"invoice_date": "12.01.2026", "currency": "XYZ", "incoterm": "FOBX",
          "lines": [{"quantity": "2k", "unit_price": 12.35, "origin": "China", "packages": "3"}]})",
      currencies());
  ASSERT_FALSE(shipment.ok());
  EXPECT_EQ(
      shipment.status().message(),
      "shipment JSON: invoice_date: expected a date as YYYY-MM-DD, got '12.01.2026'; "
      "incoterm: expected one of EXW FCA FAS FOB CFR CIF CPT CIP DAP DPU DDP (Incoterms 2020), "
      "got 'FOBX'; currency: unknown ISO 4217 code 'XYZ'; "
      "lines[1].origin: expected a 2-letter ISO 3166 country code, got 'China'; "
      "lines[1].quantity: not a decimal number: '2k'; lines[1].unit_price: expected a decimal "
      "string such as \"12.35\"; lines[1].packages: expected a whole "
      "number");
}

TEST(DocumentsJsonTest, FloatAmountsAreRefused) {
  auto shipment = shipment_from_json(R"({"currency": "USD", "freight": 1850.5})", currencies());
  ASSERT_FALSE(shipment.ok());
  EXPECT_EQ(shipment.status().message(),
            "shipment JSON: freight: expected a decimal string such as \"12.35\"");
}

TEST(DocumentsJsonTest, MalformedJsonIsAnError) {
  auto shipment = shipment_from_json("{\"invoice_number\": ", currencies());
  ASSERT_FALSE(shipment.ok());
  EXPECT_EQ(shipment.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(shipment.status().message().starts_with("shipment JSON: "));
}

}  // namespace
}  // namespace kontor::compliance
