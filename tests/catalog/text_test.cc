#include "catalog/text.h"

#include <gtest/gtest.h>

#include "catalog/glossary.h"

namespace kontor::catalog {
namespace {

TEST(Text, NormalizeFoldsCaseAndWidth) {
  EXPECT_EQ(normalize_text("Aço INOX ＬＥＤ"), "aço inox led");
}

TEST(Text, TokenizeSplitsCjkIntoUnigramsAndBigrams) {
  std::vector<Token> t = tokenize(normalize_text("不锈钢 bottle"));
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[0].text, "不");
  EXPECT_EQ(t[1].text, "不锈");
  EXPECT_TRUE(t[1].cjk);
  EXPECT_EQ(t[5].text, "bottle");
  EXPECT_FALSE(t[5].cjk);
}

TEST(Text, TokenizeDropsPunctuationKeepsNumbers) {
  std::vector<std::string> w = words(normalize_text("Bottle, 500ml (2-pack)!"));
  EXPECT_EQ(w, (std::vector<std::string>{"bottle", "500ml", "2", "pack"}));
}

struct LangCase {
  const char* text;
  const char* lang;
};

class LanguageId : public ::testing::TestWithParam<LangCase> {};

TEST_P(LanguageId, IdentifiesQueryLanguage) {
  EXPECT_EQ(identify_language(GetParam().text), GetParam().lang) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Queries, LanguageId,
    ::testing::Values(LangCase{"garrafa térmica de aço inox", "pt"},
                      LangCase{"botella térmica de acero inoxidable", "es"},
                      LangCase{"Edelstahl Thermosflasche für Kinder", "de"},
                      LangCase{"paslanmaz çelik termos şişe", "tr"},
                      LangCase{"bình giữ nhiệt inox", "vi"}, LangCase{"不锈钢保温瓶", "zh"},
                      LangCase{"ステンレス魔法瓶", "ja"},
                      LangCase{"collier en argent pour femme", "fr"},
                      LangCase{"collana in argento per donna", "it"},
                      LangCase{"stainless steel water bottle for kids", "en"}));

TEST(Glossary, MatchesLongestPhraseAcrossLanguages) {
  Glossary g = Glossary::load_default().value();
  auto m = g.match(normalize_text("garrafa térmica de aço inox"));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].concept_entry->id, "vacuum_flask");
  EXPECT_EQ(m[0].lang, "pt");
  EXPECT_EQ(m[1].concept_entry->id, "stainless_steel");
}

TEST(Glossary, MatchesCjkTermsAsSubstrings) {
  Glossary g = Glossary::load_default().value();
  auto m = g.match(normalize_text("不锈钢保温瓶500毫升"));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].concept_entry->id, "stainless_steel");
  EXPECT_EQ(m[1].concept_entry->id, "vacuum_flask");
}

TEST(Glossary, MalformedRowNamesLine) {
  auto g = Glossary::parse("id\tkind\ten\tes\nbottle\tproduct\tbottle\n", "g.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().message(), "g.tsv line 2: expected 4 tab-separated cells, found 3");
}

}  // namespace
}  // namespace kontor::catalog
