// Malformed rules and keyword files are rejected with the file, line and field.
#include <gtest/gtest.h>

#include <string>

#include "compliance/requirements.h"

namespace kontor::compliance {
namespace {

const char* kHeader =
    "id,market,requirement,kind,applies_if,evidence,when_missing,effective_from,effective_until,"
    "source,source_title,source_url,action\n";

std::string row(std::string applies_if = "wireless", std::string market = "EU",
                std::string from = "", std::string source = "Directive 2014/53/EU",
                std::string when_missing = "missing", std::string evidence = "CE-RED") {
  return "EU-RED," + market + ",CE marking (RED),conformity," + applies_if + "," + evidence + "," +
         when_missing + "," + from + ",," + source +
         ",Radio Equipment Directive,https://eur-lex.europa.eu/eli/dir/2014/53/oj,Test it.\n";
}

Status parse(const std::string& body) {
  auto book = RequirementsBook::parse(kHeader + body, "market_requirements.csv", FlagRules());
  return book.ok() ? ok_status() : book.status();
}

TEST(RequirementsParseTest, AWellFormedRowLoads) {
  auto book = RequirementsBook::parse(std::string(kHeader) + row(), "rules.csv", FlagRules());
  ASSERT_TRUE(book.ok()) << book.status().to_string();
  ASSERT_EQ(book->rules().size(), 1u);
  EXPECT_EQ(book->rules()[0].line, 2u);
  EXPECT_EQ(book->rules()[0].evidence, (std::vector<std::string>{"CE-RED"}));
}

TEST(RequirementsParseTest, UnknownFlagNamesLineAndField) {
  Status s = parse(row() + row("wirelss"));
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.message(),
            "market_requirements.csv line 3, field 'applies_if': unknown product flag 'wirelss'");
}

TEST(RequirementsParseTest, DuplicateIdIsRejected) {
  // The first row loads; the second repeats its id.
  EXPECT_EQ(parse(row() + row()).message(),
            "market_requirements.csv line 3, field 'id': duplicate id 'EU-RED'");
}

TEST(RequirementsParseTest, BadHsPrefixInCondition) {
  EXPECT_EQ(parse(row("hs:85x")).message(),
            "market_requirements.csv line 2, field 'applies_if': not an HS prefix: 'hs:85x'");
}

TEST(RequirementsParseTest, EmptyConditionMustSayStar) {
  EXPECT_EQ(parse(row("")).message(),
            "market_requirements.csv line 2, field 'applies_if': empty; write '*' for a rule "
            "that always applies");
}

TEST(RequirementsParseTest, BadMarket) {
  EXPECT_EQ(parse(row("wireless", "Europe")).message(),
            "market_requirements.csv line 2, field 'market': expected '*', 'EU' or a 2-letter "
            "country code, got 'Europe'");
}

TEST(RequirementsParseTest, BadDate) {
  EXPECT_EQ(parse(row("wireless", "EU", "2025-02-30")).message(),
            "market_requirements.csv line 2, field 'effective_from': not a calendar date: "
            "2025-02-30");
}

TEST(RequirementsParseTest, RuleWithoutSourceIsRejected) {
  EXPECT_EQ(parse(row("wireless", "EU", "", "")).message(),
            "market_requirements.csv line 2, field 'source': every rule must cite its source");
}

TEST(RequirementsParseTest, MissingStatusNeedsEvidence) {
  EXPECT_EQ(parse(row("wireless", "EU", "", "Directive 2014/53/EU", "missing", "")).message(),
            "market_requirements.csv line 2, field 'evidence': a rule that can be missing needs "
            "at least one evidence name");
  EXPECT_EQ(parse(row("wireless", "EU", "", "Directive 2014/53/EU", "absent")).message(),
            "market_requirements.csv line 2, field 'when_missing': expected missing or "
            "to_check, got 'absent'");
}

TEST(RequirementsParseTest, MissingColumnIsNamed) {
  auto book = RequirementsBook::parse("id,market\nX,EU\n", "rules.csv", FlagRules());
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().message(), "rules.csv: missing column 'requirement'");
}

TEST(RequirementsParseTest, WrongFieldCountNamesTheLine) {
  Status s = parse(row() + "EU-X,EU,short row\n");
  EXPECT_EQ(s.message(), "market_requirements.csv line 3: expected 13 fields, found 3");
}

TEST(FlagRulesParseTest, UnknownMatchKind) {
  auto rules = FlagRules::parse("flag,match,term\nwireless,regex,blue.*\n", "flags.csv");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(),
            "flags.csv line 2, field 'match': expected keyword, hs or flag, got 'regex'");
}

TEST(FlagRulesParseTest, UnknownFlag) {
  auto rules = FlagRules::parse("flag,match,term\nradio,keyword,bluetooth\n", "flags.csv");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(),
            "flags.csv line 2, field 'flag': unknown product flag 'radio'");
}

TEST(FlagRulesParseTest, MissingFileIsNotFound) {
  auto book = RequirementsBook::load("/nonexistent-dir");
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace kontor::compliance
