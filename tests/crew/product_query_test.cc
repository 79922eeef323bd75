// The crew's catalog query for a brief's product: the goal's language, and inflected glossary
// terms written as the glossary lists them (regression: the pt/de/fr goals "mochilas",
// "Tassen", "enceintes Bluetooth" shortlisted no supplier).
#include "crew/product_query.h"

#include <gtest/gtest.h>

#include <string>

namespace kontor::crew {
namespace {

const catalog::Glossary& glossary() {
  static const catalog::Glossary g =
      catalog::Glossary::load(std::string(KONTOR_REPO_DATA_DIR) + "/glossary_trade.tsv").value();
  return g;
}

TEST(GlossaryFormsTest, PortuguesePluralBecomesTheGlossarySingular) {
  EXPECT_EQ(glossary_forms(glossary(), "mochilas", "pt"), "mochila");
}

TEST(GlossaryFormsTest, GermanPluralBecomesTheGlossarySingular) {
  EXPECT_EQ(glossary_forms(glossary(), "Tassen", "de"), "tasse");
}

TEST(GlossaryFormsTest, FrenchPluralBecomesTheGlossarySingularAndOtherWordsStay) {
  EXPECT_EQ(glossary_forms(glossary(), "enceintes Bluetooth", "fr"), "enceinte bluetooth");
}

TEST(GlossaryFormsTest, MultiWordTermWithAnInflectedFirstWord) {
  EXPECT_EQ(glossary_forms(glossary(), "sacs à dos", "fr"), "sac à dos");
}

TEST(GlossaryFormsTest, WordsTheGlossaryAlreadyMatchesAreKept) {
  EXPECT_EQ(glossary_forms(glossary(), "Insulated stainless steel bottles", "en"),
            "insulated stainless steel bottles");
}

TEST(GlossaryFormsTest, LanguageWithoutStemmerKeepsTheNormalisedText) {
  EXPECT_EQ(glossary_forms(glossary(), "Mochilas", ""), "mochilas");
}

TEST(ProductQueryTest, CarriesTheBriefsLanguageLimitAndDate) {
  Brief brief;
  brief.language = "pt";
  brief.product = "mochilas";
  Date date = Date::from_ymd(2026, 11, 23).value();
  catalog::SearchQuery q = product_query(glossary(), brief, 40, date);
  EXPECT_EQ(q.text, "mochila");
  EXPECT_EQ(q.lang, "pt");
  EXPECT_EQ(q.limit, 40);
  EXPECT_EQ(q.fx_date, date);
}

}  // namespace
}  // namespace kontor::crew
