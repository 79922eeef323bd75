// Intake: goals in five languages → exact Brief fields; each number and money form; what is
// missing becomes a question; apply_field settles one; random bytes never crash.
#include <gtest/gtest.h>

#include <random>

#include "intake_test_util.h"

namespace kontor::crew {
namespace {

TEST(IntakeTest, IssueExampleInEnglish) {
  Brief b = read(
      "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99, in stock by "
      "March");
  EXPECT_EQ(b.language, "en");
  EXPECT_EQ(b.product, "insulated stainless steel bottles");
  EXPECT_EQ(qty(b), "2000 pcs");
  EXPECT_EQ(dest(b), "DE");
  EXPECT_EQ(money(b.target_retail_price), "24.99 EUR");
  EXPECT_EQ(deadline(b), "2027-03-01");
  EXPECT_TRUE(b.questions.empty()) << b.questions.front().text;
}

TEST(IntakeTest, Spanish) {
  Brief b = read(
      "Importar 2.000 botellas térmicas de acero inoxidable para Alemania, precio de venta "
      "24,99 €, hasta marzo");
  EXPECT_EQ(b.language, "es");
  EXPECT_EQ(b.product, "botellas térmicas de acero inoxidable");
  EXPECT_EQ(qty(b), "2000 pcs");
  EXPECT_EQ(dest(b), "DE");
  EXPECT_EQ(money(b.target_retail_price), "24.99 EUR");
  EXPECT_EQ(deadline(b), "2027-03-01");
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, Portuguese) {
  Brief b = read(
      "Quero importar 500 garrafas térmicas de aço inox para o Brasil, preço de venda R$ 120, "
      "até março");
  EXPECT_EQ(b.language, "pt");
  EXPECT_EQ(b.product, "garrafas térmicas de aço inox");
  EXPECT_EQ(qty(b), "500 pcs");
  EXPECT_EQ(dest(b), "BR");
  EXPECT_EQ(money(b.target_retail_price), "120.00 BRL");
  EXPECT_EQ(deadline(b), "2027-03-01");
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, German) {
  Brief b = read(
      "Beschaffe 2.000 Stück isolierte Edelstahlflaschen nach Deutschland, Verkaufspreis 24,99 €, "
      "bis Ende März auf Lager");
  EXPECT_EQ(b.language, "de");
  EXPECT_EQ(b.product, "isolierte Edelstahlflaschen");
  EXPECT_EQ(qty(b), "2000 pcs");
  EXPECT_EQ(dest(b), "DE");
  EXPECT_EQ(money(b.target_retail_price), "24.99 EUR");
  EXPECT_EQ(deadline(b), "2027-03-31");
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, French) {
  Brief b = read(
      "Trouver 2 000 unités de gourdes isothermes en inox pour la France, prix de vente 24,99 €, "
      "en stock avant mars");
  EXPECT_EQ(b.language, "fr");
  EXPECT_EQ(b.product, "gourdes isothermes en inox");
  EXPECT_EQ(qty(b), "2000 pcs");
  EXPECT_EQ(dest(b), "FR");
  EXPECT_EQ(money(b.target_retail_price), "24.99 EUR");
  EXPECT_EQ(deadline(b), "2027-03-01");
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, QuestionsAreInTheGoalsLanguage) {
  Brief b = read("Importar botellas térmicas de acero");
  ASSERT_EQ(question_fields(b), (std::vector<std::string>{"quantity", "destination",
                                                          "target_retail_price", "deadline"}));
  EXPECT_EQ(b.questions[0].text, "¿Cuántas unidades quiere pedir?");
  EXPECT_EQ(b.questions[0].id, "brief.quantity");
  EXPECT_EQ(b.questions[0].asked_by, "intake");
}

TEST(IntakeTest, DollarWithoutDestinationIsAsked) {
  Brief b = read("Find 1000 yoga mats, retail $29.99, by May");
  EXPECT_FALSE(b.target_retail_price);
  ASSERT_EQ(question_fields(b), (std::vector<std::string>{"destination", "price_role"}));
  EXPECT_EQ(b.questions[1].options, (std::vector<std::string>{"target_retail_price=29.99 USD",
                                                              "target_retail_price=29.99 CAD",
                                                              "target_retail_price=29.99 AUD"}));
  EXPECT_EQ(b.questions[1].text, "Which currency is $29.99: USD, CAD, AUD?");
}

TEST(IntakeTest, MoneyWithoutRoleIsAsked) {
  Brief b = read("Source 500 yoga mats for Germany under €6 each by March");
  EXPECT_FALSE(b.target_retail_price);
  EXPECT_FALSE(b.target_landed_cost);
  ASSERT_EQ(question_fields(b), (std::vector<std::string>{"price_role"}));
  EXPECT_EQ(b.questions[0].options,
            (std::vector<std::string>{"target_retail_price=6 EUR", "target_landed_cost=6 EUR"}));
  EXPECT_EQ(b.product, "yoga mats");
}

TEST(IntakeTest, PriceAfterASellingVerbIsTheRetailPrice) {
  EXPECT_EQ(
      money(read("Find 750 kids cutlery sets to sell on Amazon UK at £12.99").target_retail_price),
      "12.99 GBP");
  Brief pt = read("Preciso de 2.500 pares de chinelos para vender no Brasil por R$ 39,90");
  EXPECT_EQ(money(pt.target_retail_price), "39.90 BRL");
  EXPECT_EQ(dest(pt), "BR");
  EXPECT_EQ(pt.product, "chinelos");
  Brief es = read("Comprar 3.000 camisetas para vender en España por 19,90 € cada una");
  EXPECT_EQ(money(es.target_retail_price), "19.90 EUR");
  // A comma ends the clause: the sum is asked about.
  Brief asked = read("Find 500 mats to sell in France, for €6 each");
  EXPECT_FALSE(asked.target_retail_price);
}

TEST(IntakeTest, MissingFieldsBecomeQuestions) {
  Brief b = read("Find yoga mats");
  EXPECT_EQ(b.product, "yoga mats");
  EXPECT_EQ(question_fields(b), (std::vector<std::string>{"quantity", "destination",
                                                          "target_retail_price", "deadline"}));
  EXPECT_EQ(b.questions[1].text, "Which country will you import into and sell in?");
}

TEST(IntakeTest, NoProductIsAsked) {
  Brief b = read("2000 pcs for Germany, retail €20, by March");
  EXPECT_EQ(b.product, "");
  EXPECT_EQ(question_fields(b), (std::vector<std::string>{"product"}));
}

TEST(IntakeTest, SwappableNumericDateIsAsked) {
  Brief b = read("500 yoga mats for Germany, retail €20, by 3/4/2027");
  EXPECT_FALSE(b.deadline);
  ASSERT_EQ(question_fields(b), (std::vector<std::string>{"deadline"}));
  EXPECT_EQ(b.questions[0].options, (std::vector<std::string>{"2027-04-03", "2027-03-04"}));
}

TEST(IntakeTest, PastDeadlineIsAsked) {
  Brief b = read("500 yoga mats for Germany, retail €20, before 2026-01-10");
  EXPECT_FALSE(b.deadline);
  ASSERT_EQ(question_fields(b), (std::vector<std::string>{"deadline"}));
  EXPECT_EQ(b.questions[0].text,
            "The date 2026-01-10 is in the past: by when must the goods be in stock?");
}

TEST(IntakeTest, ChannelsCertificationsOriginsAndMoq) {
  Brief b = read(
      "Source 2000 bamboo cutting boards for Germany to sell on Amazon and Shopify, retail "
      "€19.99, LFGB and CE certified, not from China or India, MOQ under 500, by March");
  EXPECT_EQ(b.product, "bamboo cutting boards");
  ASSERT_EQ(b.channels.size(), 2u);
  EXPECT_EQ(b.channels[0], SalesChannel::kAmazon);
  EXPECT_EQ(b.channels[1], SalesChannel::kShopify);
  EXPECT_EQ(b.required_certifications, (std::vector<std::string>{"LFGB", "CE"}));
  ASSERT_EQ(b.avoid_origins.size(), 2u);
  EXPECT_EQ(b.avoid_origins[0].code(), "CN");
  EXPECT_EQ(b.avoid_origins[1].code(), "IN");
  ASSERT_TRUE(b.max_moq);
  EXPECT_EQ(*b.max_moq, Decimal(500));
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, OtherLanguagesOriginsAndChannels) {
  Brief de = read("2000 Tassen nach Österreich, nicht aus China, Großhandel, Verkaufspreis 9 €");
  EXPECT_EQ(dest(de), "AT");
  ASSERT_EQ(de.avoid_origins.size(), 1u);
  EXPECT_EQ(de.avoid_origins[0].code(), "CN");
  EXPECT_EQ(de.channels, (std::vector<SalesChannel>{SalesChannel::kWholesale}));
  EXPECT_EQ(de.product, "Tassen");

  Brief es = read("1000 tazas para México sin China, para TikTok Shop y mayorista");
  EXPECT_EQ(dest(es), "MX");
  ASSERT_EQ(es.avoid_origins.size(), 1u);
  EXPECT_EQ(es.avoid_origins[0].code(), "CN");
  EXPECT_EQ(es.channels,
            (std::vector<SalesChannel>{SalesChannel::kTikTokShop, SalesChannel::kWholesale}));

  Brief fr = read(
      "Je cherche 800 sacs en cuir pour la Belgique, budget 12 000 €, fabriqués en Italie ou au "
      "Portugal, pas de Chine, d'ici fin mai");
  EXPECT_EQ(fr.product, "sacs en cuir");
  EXPECT_EQ(dest(fr), "BE");
  EXPECT_EQ(money(fr.budget), "12000.00 EUR");
  ASSERT_EQ(fr.preferred_origins.size(), 2u);
  EXPECT_EQ(fr.preferred_origins[1].code(), "PT");
  ASSERT_EQ(fr.avoid_origins.size(), 1u);
  EXPECT_EQ(fr.avoid_origins[0].code(), "CN");
  EXPECT_EQ(deadline(fr), "2027-05-31");
  EXPECT_TRUE(fr.questions.empty());

  Brief pt = read("1000 canecas para o Brasil, feitas em Portugal, no atacado");
  EXPECT_EQ(dest(pt), "BR");
  ASSERT_EQ(pt.preferred_origins.size(), 1u);
  EXPECT_EQ(pt.preferred_origins[0].code(), "PT");
  EXPECT_EQ(pt.channels, (std::vector<SalesChannel>{SalesChannel::kWholesale}));
}

TEST(IntakeTest, DestinationFromAdjectiveAndMarketplaceDomain) {
  EXPECT_EQ(dest(read("1000 mugs for the German market")), "DE");
  EXPECT_EQ(dest(read("1000 Tassen für den deutschen Markt")), "DE");
  EXPECT_EQ(dest(read("1000 tasses pour le marché français")), "FR");
  Brief b = read("1000 mugs to sell on Amazon.co.uk");
  EXPECT_EQ(dest(b), "GB");
  EXPECT_EQ(b.channels, (std::vector<SalesChannel>{SalesChannel::kAmazon}));
}

TEST(IntakeTest, BareCountryIsTheDestinationOnlyWhenTheCurrencySaysSo) {
  EXPECT_EQ(dest(read("Find 500 yoga mats, UK, £19 retail")), "GB");
  Brief b = read("Find 500 yoga mats, China, retail €19");
  EXPECT_FALSE(b.destination);
  ASSERT_FALSE(b.questions.empty());
  EXPECT_EQ(b.questions[0].field, "destination");
  EXPECT_EQ(b.questions[0].options, (std::vector<std::string>{"CN"}));
}

TEST(IntakeTest, OtherLanguagesGetEnglishQuestions) {
  Brief b = read("Voglio importare 1000 bottiglie termiche per l'Italia, prezzo 20 €");
  EXPECT_EQ(b.language, "it");
  EXPECT_EQ(dest(b), "IT");
  ASSERT_FALSE(b.questions.empty());
  EXPECT_EQ(b.questions[0].text,
            "What is 20 €: the retail price per unit, the landed cost per unit or the total "
            "budget?");
}

TEST(IntakeTest, EuropeanUnionAsksForTheMemberState) {
  Brief b = read("1000 mugs for the EU, retail €12");
  EXPECT_FALSE(b.destination);
  ASSERT_FALSE(b.questions.empty());
  EXPECT_EQ(b.questions[0].field, "destination");
  EXPECT_EQ(b.questions[0].text, "Which EU country will the goods be imported into?");
}

TEST(IntakeTest, LowerCaseChinaIsAMaterialNotACountry) {
  Brief b = read("Source 300 fine china plates for France, retail €30, by March");
  EXPECT_EQ(b.product, "fine china plates");
  EXPECT_EQ(dest(b), "FR");
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, ApplyFieldSettlesTheQuestion) {
  Brief b = read("Find yoga mats");
  ASSERT_TRUE(intake().apply_field(b, "destination", "Alemania", kToday).ok());
  EXPECT_EQ(dest(b), "DE");
  ASSERT_TRUE(intake().apply_field(b, "quantity", "2.000 Stück", kToday).ok());
  EXPECT_EQ(qty(b), "2000 pcs");
  ASSERT_TRUE(intake().apply_field(b, "budget", "24,99 €", kToday).ok());
  EXPECT_EQ(money(b.budget), "24.99 EUR");
  ASSERT_TRUE(intake().apply_field(b, "deadline", "in 6 weeks", kToday).ok());
  EXPECT_EQ(deadline(b), "2027-01-04");
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, ApplyFieldAcceptsCodesNamesAndLists) {
  Brief b;
  ASSERT_TRUE(intake().apply_field(b, "destination", "DE", kToday).ok());
  EXPECT_EQ(dest(b), "DE");
  ASSERT_TRUE(intake().apply_field(b, "destination", "Germany", kToday).ok());
  EXPECT_EQ(dest(b), "DE");
  ASSERT_TRUE(intake().apply_field(b, "target_retail_price", "24.99 EUR", kToday).ok());
  EXPECT_EQ(money(b.target_retail_price), "24.99 EUR");
  ASSERT_TRUE(intake().apply_field(b, "channels", "amazon, TikTok Shop", kToday).ok());
  EXPECT_EQ(b.channels,
            (std::vector<SalesChannel>{SalesChannel::kAmazon, SalesChannel::kTikTokShop}));
  ASSERT_TRUE(intake().apply_field(b, "required_certifications", "ce, rohs", kToday).ok());
  EXPECT_EQ(b.required_certifications, (std::vector<std::string>{"ce", "RoHS"}));  // "ce" is French
  ASSERT_TRUE(intake().apply_field(b, "avoid_origins", "China, VN", kToday).ok());
  ASSERT_EQ(b.avoid_origins.size(), 2u);
  EXPECT_EQ(b.avoid_origins[1].code(), "VN");
  ASSERT_TRUE(intake().apply_field(b, "max_moq", "500", kToday).ok());
  EXPECT_EQ(*b.max_moq, Decimal(500));
  ASSERT_TRUE(intake().apply_field(b, "deadline", "2027-03-01", kToday).ok());
  EXPECT_EQ(deadline(b), "2027-03-01");
}

TEST(IntakeTest, ApplyFieldAnswersAPriceRoleQuestion) {
  Brief b = read("Source 500 yoga mats for Germany under €6 each by March");
  ASSERT_EQ(question_fields(b), (std::vector<std::string>{"price_role"}));
  ASSERT_TRUE(intake().apply_field(b, "price_role", "target_landed_cost=6 EUR", kToday).ok());
  EXPECT_EQ(money(b.target_landed_cost), "6.00 EUR");
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, ApplyFieldPriceRoleMayNameAnotherCurrency) {
  Brief b = read("Source 500 yoga mats for Germany, $6 each, by March");
  ASSERT_EQ(question_fields(b), (std::vector<std::string>{"price_role"}));
  ASSERT_TRUE(intake().apply_field(b, "price_role", "target_landed_cost=6 EUR", kToday).ok());
  EXPECT_EQ(money(b.target_landed_cost), "6.00 EUR");
  EXPECT_TRUE(b.questions.empty());
}

TEST(IntakeTest, InvalidUtf8IsRefused) {
  EXPECT_EQ(intake().read_goal("500 mats \xC0\xB1", kToday).status().message(),
            "goal: not valid UTF-8 at byte 9");
  Brief b;
  EXPECT_EQ(intake().apply_field(b, "product", "mats \xFF", kToday).message(),
            "product: not valid UTF-8 at byte 5");
}

TEST(IntakeTest, ApplyFieldErrorsNameTheField) {
  Brief b;
  Status s = intake().apply_field(b, "colour", "red", kToday);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message().rfind("field: unknown field 'colour'", 0), 0u) << s.message();
  s = intake().apply_field(b, "target_retail_price", "$6", kToday);
  EXPECT_EQ(s.message(),
            "target_retail_price: '$6' could be USD, CAD, AUD, NZD, SGD, HKD, MXN: name the "
            "currency");
  s = intake().apply_field(b, "destination", "Atlantis", kToday);
  EXPECT_EQ(s.message(), "destination: unknown country 'Atlantis'");
  s = intake().apply_field(b, "deadline", "2020-01-01", kToday);
  EXPECT_EQ(s.message(), "deadline: 2020-01-01 is in the past");
  s = intake().apply_field(b, "quantity", "many", kToday);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  s = intake().apply_field(b, "destination", "EU", kToday);
  EXPECT_EQ(s.message(), "destination: name an EU member state, e.g. DE or FR");
}

TEST(IntakeTest, EmptyOrHugeGoalIsAnError) {
  EXPECT_EQ(intake().read_goal("   ", kToday).status().message(), "goal: empty");
  EXPECT_EQ(intake().read_goal(std::string(10001, 'a'), kToday).status().code(),
            StatusCode::kInvalidArgument);
}

std::string random_goal(std::mt19937& rng, bool any_bytes) {
  static const std::vector<std::string> kPieces = {
      "0",       "1",     "2",       "5",          "9",         ".",         ",",       "'",
      "/",       "-",     " ",       " ",          " ",         "€",         "$",       "£",
      "¥",       "k",     "US$",     "R$",         ":",         "<",         "≤",       "by ",
      "for ",    "para ", "nach ",   "pour ",      "not from ", "MOQ ",      "retail ", "budget ",
      "Germany", "China", "EU",      "UK",         "US",        "March",     "märz",    "mi-",
      "de ",     "in ",   "weeks",   "CE",         "Amazon",    "amazon.de", "ß",       "ç",
      "ñ",       "ã",     "l'",      "2027-03-01", "3/4/2027",  "pcs",       "Stück",   "mil",
      "Tausend", "a",     "bottles", "the ",       "sin ",      "e ",        "ou "};
  std::string goal;
  const int pieces = static_cast<int>(rng() % 40);
  for (int k = 0; k < pieces; ++k) {
    if (any_bytes && rng() % 4 == 0) {
      goal.push_back(static_cast<char>(rng() % 256));
    } else {
      goal += kPieces[rng() % kPieces.size()];
    }
  }
  return goal;
}

// Property: any byte string gives a Brief or an invalid_argument Status, never a crash or a
// hang; whatever comes out survives the JSON round trip.
TEST(IntakeTest, RandomGoalsNeverCrashAndRoundTrip) {
  std::mt19937 rng(20261123);
  int read = 0;
  for (int i = 0; i < 1500; ++i) {
    const std::string goal = random_goal(rng, i % 2 == 0);
    auto brief = intake().read_goal(goal, kToday);
    if (!brief.ok()) {
      EXPECT_EQ(brief.status().code(), StatusCode::kInvalidArgument);
      EXPECT_EQ(brief.status().message().rfind("goal: ", 0), 0u) << brief.status().message();
      continue;
    }
    ++read;
    for (const Question& q : brief->questions) EXPECT_FALSE(q.field.empty());
    const nlohmann::json j = to_json(*brief);
    EXPECT_NO_THROW((void)j.dump());
    auto back = brief_from_json(j);
    ASSERT_TRUE(back.ok()) << goal << ": " << back.status().message();
    EXPECT_EQ(to_json(*back), j);
  }
  EXPECT_GT(read, 750);
}

// Property: any value for any field is applied or refused with a message naming the field.
TEST(IntakeTest, RandomFieldValuesNeverCrash) {
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    Brief b = read("Find yoga mats");
    const std::string value = random_goal(rng, i % 3 == 0);
    for (std::string_view field : brief_field_names()) {
      Status s = intake().apply_field(b, field, value, kToday);
      if (!s.ok()) {
        EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
        EXPECT_EQ(s.message().rfind(std::string(field) + ": ", 0), 0u) << s.message();
      }
    }
  }
}

}  // namespace
}  // namespace kontor::crew
