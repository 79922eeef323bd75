// Commercial invoice and packing list: validation names every bad field; totals are computed.
#include <gtest/gtest.h>

#include "compliance/documents.h"
#include "documents_test_shipment.h"

namespace kontor::compliance {
namespace {

using testing::cif_hamburg_shipment;
using testing::usd;

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const FieldError& e : errors) out.push_back(e.field);
  return out;
}

TEST(DocumentsValidateTest, TheSampleShipmentIsValid) {
  EXPECT_TRUE(TradeDocuments::validate(cif_hamburg_shipment()).empty());
}

TEST(DocumentsValidateTest, TotalsAreComputedPerLineRoundedHalfUp) {
  auto docs = TradeDocuments::make(cif_hamburg_shipment());
  ASSERT_TRUE(docs.ok()) << docs.status().to_string();
  const ShipmentTotals& t = docs->totals();
  EXPECT_EQ(t.lines[0].value.to_string(), "24700.00 USD");
  EXPECT_EQ(t.lines[1].value.to_string(), "4999.50 USD");  // 1500 × 3.333 = 4999.500
  EXPECT_EQ(t.goods.to_string(), "29699.50 USD");
  EXPECT_EQ(t.charges.to_string(), "1945.40 USD");
  EXPECT_EQ(t.invoice.to_string(), "31644.90 USD");
  EXPECT_EQ(t.packages, 150);
  EXPECT_EQ(t.net_weight_kg.to_plain_string(), "1700");
  EXPECT_EQ(t.gross_weight_kg.to_plain_string(), "1930.5");
  ASSERT_EQ(t.quantities.size(), 1u);
  EXPECT_EQ(t.quantities[0].to_string(), "3500 pcs");
}

TEST(DocumentsValidateTest, LineValueRoundsHalfUpAtTheCent) {
  Shipment s = cif_hamburg_shipment();
  s.lines[1].quantity = Quantity(3, Unit::kPiece);
  s.lines[1].unit_price = usd("0.335");  // 1.005 -> 1.01
  auto docs = TradeDocuments::make(s);
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->totals().lines[1].value.to_string(), "1.01 USD");
}

TEST(DocumentsValidateTest, EveryMissingFieldIsNamed) {
  Shipment s;
  s.lines.push_back(ShipmentLine{});
  EXPECT_EQ(fields(TradeDocuments::validate(s)),
            (std::vector<std::string>{
                "invoice_number", "invoice_date", "seller.name", "seller.address", "seller.country",
                "buyer.name", "buyer.address", "buyer.country", "incoterm", "incoterm_place",
                "currency", "lines[1].description", "lines[1].hs_code", "lines[1].origin",
                "lines[1].quantity", "lines[1].unit_price", "lines[1].net_weight_kg", "packages"}));
}

TEST(DocumentsValidateTest, InvalidValuesSayWhy) {
  Shipment s = cif_hamburg_shipment();
  s.lines[1].hs_code = "7323";
  s.lines[1].gross_weight_kg = *Decimal::parse("500");
  s.lines[0].unit_price = Money(*Decimal::parse("12.35"), *Currency::make("EUR", 2));
  auto errors = TradeDocuments::validate(s);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "lines[1].unit_price");
  EXPECT_EQ(errors[0].reason, "currency EUR differs from the invoice currency USD");
  EXPECT_EQ(errors[1].field, "lines[2].hs_code");
  EXPECT_EQ(errors[1].reason, "expected 6 to 10 digits, got '7323'");
  EXPECT_EQ(errors[2].field, "lines[2].gross_weight_kg");
  EXPECT_EQ(errors[2].reason, "gross weight 500 kg is below the net weight 600 kg");
}

TEST(DocumentsValidateTest, DeclaredTotalMustMatchTheComputedOne) {
  Shipment s = cif_hamburg_shipment();
  s.declared_total = usd("31644.90");
  EXPECT_TRUE(TradeDocuments::validate(s).empty());
  s.declared_total = usd("31645.00");
  auto docs = TradeDocuments::make(s);
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(docs.status().message(),
            "shipment documents: declared_total: 31645.00 USD does not match the computed total "
            "31644.90 USD");
}

TEST(DocumentsValidateTest, FreightOnAnFobInvoiceContradictsTheIncoterm) {
  Shipment s = cif_hamburg_shipment();
  s.incoterm = Incoterm::kFOB;
  s.incoterm_place = "Yantian";
  auto errors = TradeDocuments::validate(s);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "freight");
  EXPECT_EQ(errors[0].reason,
            "under FOB the buyer pays the main carriage; an invoice freight charge contradicts "
            "the Incoterm");
}

TEST(DocumentsValidateTest, SeaOnlyIncotermWithAirFreight) {
  Shipment s = cif_hamburg_shipment();
  s.transport_mode = "air";
  auto errors = TradeDocuments::validate(s);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "transport_mode");
  EXPECT_EQ(errors[0].reason, "CIF is for sea and inland waterway transport only, got 'air'");
}

TEST(DocumentsValidateTest, PackagesNeedAType) {
  Shipment s = cif_hamburg_shipment();
  s.lines[0].package_type = "";
  auto errors = TradeDocuments::validate(s);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "lines[1].package_type");
}

TEST(DocumentsValidateTest, MakeListsAllErrorsInOneMessage) {
  Shipment s = cif_hamburg_shipment();
  s.invoice_number = "";
  s.buyer.country = CountryCode();
  auto docs = TradeDocuments::make(s);
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().message(),
            "shipment documents: invoice_number: required; buyer.country: required");
}

}  // namespace
}  // namespace kontor::compliance
