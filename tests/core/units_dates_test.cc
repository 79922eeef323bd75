#include <gtest/gtest.h>

#include "core/country.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/incoterm.h"
#include "core/quantity.h"

namespace kontor {
namespace {

Decimal D(std::string_view text) { return Decimal::parse(text).value(); }

TEST(QuantityTest, ConvertsWithinADimensionExactly) {
  Quantity lb(D("100"), Unit::kPound);
  EXPECT_EQ(lb.to(Unit::kKilogram).value().value(), D("45.359237"));
  EXPECT_EQ(Quantity(D("3"), Unit::kDozen).to(Unit::kPiece).value().value(), D("36"));
  EXPECT_EQ(Quantity(D("2.5"), Unit::kCubicMetre).to(Unit::kLitre).value().value(), D("2500"));
  EXPECT_EQ(Quantity(D("1500"), Unit::kGram).to(Unit::kKilogram).value().value(), D("1.5"));
  EXPECT_EQ(Quantity(D("24"), Unit::kPiece).to(Unit::kDozen).value().value(), D("2"));
}

TEST(QuantityTest, UndefinedConversionIsAnError) {
  auto r = Quantity(D("10"), Unit::kPiece).to(Unit::kKilogram);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("different kinds of measure"), std::string::npos);
  EXPECT_FALSE(Quantity(D("1"), Unit::kPair).to(Unit::kPiece).ok());
}

TEST(QuantityTest, ParsesTariffSpellings) {
  EXPECT_EQ(parse_unit("No.").value(), Unit::kPiece);
  EXPECT_EQ(parse_unit("doz.").value(), Unit::kDozen);
  EXPECT_EQ(parse_unit("prs.").value(), Unit::kPair);
  EXPECT_EQ(parse_unit("m²").value(), Unit::kSquareMetre);
  EXPECT_EQ(parse_unit("liters").value(), Unit::kLitre);
  EXPECT_EQ(parse_unit(" KG ").value(), Unit::kKilogram);
  EXPECT_FALSE(parse_unit("furlong").ok());
}

TEST(DateTest, ParsesValidatesAndPrints) {
  EXPECT_EQ(Date::parse("2024-02-29").value().to_string(), "2024-02-29");
  EXPECT_FALSE(Date::parse("2025-02-29").ok());
  EXPECT_FALSE(Date::parse("2025-2-01").ok());
  EXPECT_FALSE(Date::parse("2025-13-01").ok());
  Date d = Date::parse("2025-08-29").value();
  EXPECT_EQ(d.weekday(), 4);  // a Friday
  EXPECT_EQ(d.plus_days(3).to_string(), "2025-09-01");
  EXPECT_EQ(Date::parse("2025-01-01").value() - Date::parse("2024-01-01").value(), 366);
}

TEST(CountryCodeTest, NormalisesCase) {
  EXPECT_EQ(CountryCode::parse("de").value().code(), "DE");
  EXPECT_FALSE(CountryCode::parse("DEU").ok());
  EXPECT_FALSE(CountryCode::parse("D1").ok());
}

TEST(IncotermTest, KnowsWhatEachRuleIncludes) {
  EXPECT_EQ(parse_incoterm("fob Shanghai").value(), Incoterm::kFOB);
  EXPECT_FALSE(parse_incoterm("FOR").ok());
  EXPECT_FALSE(incoterm_costs(Incoterm::kFOB).main_carriage);
  EXPECT_TRUE(incoterm_costs(Incoterm::kCFR).main_carriage);
  EXPECT_FALSE(incoterm_costs(Incoterm::kCFR).insurance);
  EXPECT_TRUE(incoterm_costs(Incoterm::kCIP).insurance);
  EXPECT_FALSE(incoterm_costs(Incoterm::kEXW).export_clearance);
  EXPECT_TRUE(incoterm_costs(Incoterm::kDDP).import_clearance);
  EXPECT_TRUE(incoterm_sea_only(Incoterm::kCIF));
  EXPECT_FALSE(incoterm_sea_only(Incoterm::kCIP));
}

TEST(CsvReaderTest, ReadsQuotedMultilineFieldsAndTracksLines) {
  std::string text = "a,b\r\n1,\"x, \"\"y\"\"\"\r\n2,\"two\nlines\"\n3,z\n";
  CsvReader reader(text, "t.csv");
  ASSERT_TRUE(reader.read_header().ok());
  std::vector<std::string> row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row[1], "x, \"y\"");
  EXPECT_EQ(reader.line(), 2u);
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row[1], "two\nlines");
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(reader.line(), 5u);
  EXPECT_FALSE(reader.next(row));
  EXPECT_TRUE(reader.status().ok());
}

TEST(CsvReaderTest, MalformedRowsNameFileAndLine) {
  std::string text = "a,b\n1,2\n3\n";
  CsvReader reader(text, "bad.csv");
  ASSERT_TRUE(reader.read_header().ok());
  std::vector<std::string> row;
  EXPECT_TRUE(reader.next(row));
  EXPECT_FALSE(reader.next(row));
  EXPECT_EQ(reader.status().message(), "bad.csv line 3: expected 2 fields, found 1");

  std::string open_quote = "a\n\"never closed\n";
  CsvReader r2(open_quote, "q.csv");
  ASSERT_TRUE(r2.read_header().ok());
  EXPECT_FALSE(r2.next(row));
  EXPECT_EQ(r2.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(r2.status().message().find("q.csv line 2"), std::string::npos);
}

}  // namespace
}  // namespace kontor
