// Rendered commercial invoice and packing list carry every field: JSON, HTML and PDF (parsed
// back with pdftotext from poppler-utils).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "compliance/documents.h"
#include "documents_test_shipment.h"

// fontconfig (under pango) keeps its font cache for the life of the process by design; the
// leak sanitizer of the debug test build would report it as a leak on exit.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace kontor::compliance {
namespace {

using testing::cif_hamburg_shipment;

TradeDocuments sample() {
  auto docs = TradeDocuments::make(cif_hamburg_shipment());
  EXPECT_TRUE(docs.ok()) << docs.status().to_string();
  return *docs;
}

// Whitespace runs collapsed to one space, so wrapped PDF text still matches.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool have_pdftotext() { return std::system("pdftotext -v > /dev/null 2>&1") == 0; }

std::string pdf_text(const std::string& pdf) {
  auto dir = std::filesystem::temp_directory_path();
  std::string path = (dir / ("kontor_doc_" + std::to_string(::getpid()) + ".pdf")).string();
  std::ofstream(path, std::ios::binary) << pdf;
  std::string command = "pdftotext -raw '" + path + "' - 2>&1";
  std::string text;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
    pclose(pipe);
  }
  std::filesystem::remove(path);
  return squeeze(text);
}

const std::vector<std::string> kCommonFields = {"KI-2026-0042",
                                                "2026-01-12",
                                                "Shenzhen Soundwave Electronics Co., Ltd.",
                                                "88 Keji Road, Nanshan District",
                                                "Shenzhen 518057",
                                                "91440300MA5EXAMPLE",
                                                "Nordlicht Handel GmbH",
                                                "Speicherstadt 12",
                                                "20457 Hamburg",
                                                "DE123456789",
                                                "CIF Hamburg (Incoterms 2020)",
                                                "USD",
                                                "sea",
                                                "Yantian",
                                                "Portable Bluetooth speaker (SW-BT20)",
                                                "8518.22.0000",
                                                "Stainless steel bottle",
                                                "7323.93",
                                                "CN",
                                                "2000",
                                                "1500",
                                                "pcs"};
const std::vector<std::string> kInvoiceFields = {"Commercial Invoice",
                                                 "12.35",
                                                 "24700.00",
                                                 "3.333",
                                                 "4999.50",
                                                 "29699.50 USD",
                                                 "1850.00 USD",
                                                 "95.40 USD",
                                                 "31644.90 USD",
                                                 "30% deposit, 70% against B/L copy"};
const std::vector<std::string> kPackingFields = {
    "Packing List", "100 cartons", "50 cartons", "1100",     "1240.5",  "600",      "690",
    "NH 1-100",     "NH 101-150",  "150",        "3500 pcs", "1700 kg", "1930.5 kg"};

void expect_all(const std::string& text, const std::vector<std::string>& wanted, const char* what) {
  for (const std::string& field : wanted) {
    EXPECT_NE(text.find(field), std::string::npos) << what << " lacks '" << field << "'";
  }
}

TEST(DocumentsRenderTest, JsonHasBothDocumentsWithExactAmounts) {
  std::string json = sample().to_json();
  EXPECT_NE(json.find("\"commercial_invoice\""), std::string::npos);
  EXPECT_NE(json.find("\"packing_list\""), std::string::npos);
  EXPECT_NE(json.find("\"invoice_total\": {\n      \"amount\": \"31644.90\",\n      \"currency\": "
                      "\"USD\""),
            std::string::npos);
  EXPECT_NE(json.find("\"rule\": \"CIF\""), std::string::npos);
  EXPECT_NE(json.find("\"gross_weight_kg\": \"1930.5\""), std::string::npos);
  EXPECT_NE(json.find("\"marks\": \"NH 101-150\""), std::string::npos);
}

TEST(DocumentsRenderTest, InvoiceHtmlContainsEveryField) {
  std::string html = sample().to_html(DocumentKind::kCommercialInvoice);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(html.find("http"), std::string::npos);  // self-contained: nothing fetched
  expect_all(html, kCommonFields, "invoice HTML");
  expect_all(html, kInvoiceFields, "invoice HTML");
}

TEST(DocumentsRenderTest, PackingListHtmlContainsEveryField) {
  std::string html = sample().to_html(DocumentKind::kPackingList);
  expect_all(html, kCommonFields, "packing list HTML");
  expect_all(html, kPackingFields, "packing list HTML");
}

TEST(DocumentsRenderTest, HtmlEscapesText) {
  Shipment s = cif_hamburg_shipment();
  s.buyer.name = "Nordlicht <Handel> & Co";
  auto docs = TradeDocuments::make(s);
  ASSERT_TRUE(docs.ok());
  std::string html = docs->to_html(DocumentKind::kCommercialInvoice);
  EXPECT_NE(html.find("Nordlicht &lt;Handel&gt; &amp; Co"), std::string::npos);
  EXPECT_EQ(html.find("<Handel>"), std::string::npos);
}

TEST(DocumentsRenderTest, InvoicePdfOpensAndContainsEveryField) {
  auto pdf = sample().to_pdf(DocumentKind::kCommercialInvoice);
  ASSERT_TRUE(pdf.ok()) << pdf.status().to_string();
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils, scripts/setup) not installed";
  std::string text = pdf_text(*pdf);
  expect_all(text, kCommonFields, "invoice PDF");
  expect_all(text, kInvoiceFields, "invoice PDF");
}

TEST(DocumentsRenderTest, PackingListPdfOpensAndContainsEveryField) {
  auto pdf = sample().to_pdf(DocumentKind::kPackingList);
  ASSERT_TRUE(pdf.ok()) << pdf.status().to_string();
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils, scripts/setup) not installed";
  std::string text = pdf_text(*pdf);
  expect_all(text, kCommonFields, "packing list PDF");
  expect_all(text, kPackingFields, "packing list PDF");
}

TEST(DocumentsRenderTest, LongShipmentsFlowOntoMorePages) {
  Shipment s = cif_hamburg_shipment();
  for (int i = 0; i < 60; ++i) {
    ShipmentLine extra = s.lines[1];
    extra.description = "Bottle variant " + std::to_string(i + 1);
    s.lines.push_back(extra);
  }
  auto docs = TradeDocuments::make(s);
  ASSERT_TRUE(docs.ok());
  auto pdf = docs->to_pdf(DocumentKind::kPackingList);
  ASSERT_TRUE(pdf.ok());
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils, scripts/setup) not installed";
  std::string text = pdf_text(*pdf);
  EXPECT_NE(text.find("page 2"), std::string::npos);
  EXPECT_NE(text.find("Bottle variant 60"), std::string::npos);
}

}  // namespace
}  // namespace kontor::compliance
