#include "catalog/search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include "catalog/catalog_search.h"

namespace kontor::catalog {
namespace {

const std::string kData = std::string(KONTOR_TEST_DIR) + "/data/";

// Fixed demo-free rates for the price filter: 1 USD = 0.92 EUR, 1 VND = 0.000036 EUR,
// 1 PLN = 0.23 EUR, 1 EUR = 1 EUR.
StatusOr<FxRate> test_fx(const Currency& from, const Currency& to, Date as_of) {
  static const std::map<std::string, std::string> kToEur = {
      {"USD", "0.92"}, {"VND", "0.000036"}, {"PLN", "0.23"}, {"EUR", "1"}};
  if (to.code() != "EUR" || !kToEur.count(std::string(from.code()))) {
    return not_found("no rate " + std::string(from.code()));
  }
  FxRate r;
  r.from = from;
  r.to = to;
  r.rate = Decimal::parse(kToEur.at(std::string(from.code()))).value();
  r.date = as_of;
  return r;
}

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    glossary_ = new Glossary(Glossary::load_default().value());
    catalog_ = new Catalog(
        read_catalog_files({kData + "sample.jsonl", kData + "suppliers.csv", kData + "products.csv",
                            kData + "offers.csv", kData + "search_extra.jsonl"})
            .value());
    index_ = SearchIndex::build(*catalog_, *glossary_).value().release();
  }
  static void TearDownTestSuite() {
    delete index_;
    delete catalog_;
    delete glossary_;
  }
  static std::vector<std::string> ids(const SearchQuery& q) {
    auto r = index_->search(q, test_fx);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    std::vector<std::string> out;
    if (r.ok())
      for (const SearchResult& x : r->results) out.push_back(x.product_id);
    std::sort(out.begin(), out.end());
    return out;
  }
  static SearchQuery query(std::string text) {
    SearchQuery q;
    q.text = std::move(text);
    return q;
  }
  static const SearchResult* find(const SearchResponse& r, std::string_view id) {
    for (const SearchResult& x : r.results)
      if (x.product_id == id) return &x;
    return nullptr;
  }
  static bool has_match(const SearchResult& r, std::string_view text) {
    return std::any_of(r.matched_terms.begin(), r.matched_terms.end(),
                       [&](const std::string& m) { return m == text; });
  }
  static Glossary* glossary_;
  static Catalog* catalog_;
  static SearchIndex* index_;
};
Glossary* SearchTest::glossary_ = nullptr;
Catalog* SearchTest::catalog_ = nullptr;
SearchIndex* SearchTest::index_ = nullptr;

TEST_F(SearchTest, PortugueseQueryFindsChineseAndVietnameseListings) {
  auto r = index_->search(query("garrafa térmica de aço inox"), test_fx);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->query_lang, "pt");
  const SearchResult* zh = find(*r, "P-BOTTLE-1");
  const SearchResult* vi = find(*r, "P-BOTTLE-2");
  ASSERT_NE(zh, nullptr);
  ASSERT_NE(vi, nullptr);
  EXPECT_TRUE(has_match(*zh, "保温瓶 ← garrafa térmica (glossary vacuum_flask, zh)"));
  EXPECT_TRUE(has_match(*vi, "bình giữ nhiệt ← garrafa térmica (glossary vacuum_flask, vi)"));
}

TEST_F(SearchTest, ChineseQueryFindsVietnameseListing) {
  auto r = index_->search(query("保温瓶"), test_fx);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->query_lang, "zh");
  ASSERT_FALSE(r->results.empty());
  EXPECT_NE(find(*r, "P-BOTTLE-2"), nullptr);
}

TEST_F(SearchTest, GermanQueryFindsTurkishTowel) {
  auto r = index_->search(query("Handtuch aus Baumwolle"), test_fx);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->query_lang, "de");
  ASSERT_FALSE(r->results.empty());
  EXPECT_EQ(r->results.front().product_id, "P-TOWEL-1");
}

TEST_F(SearchTest, EnglishQueryStemsPlural) {
  EXPECT_EQ(ids(query("towels")), (std::vector<std::string>{"P-TOWEL-1"}));
}

TEST_F(SearchTest, FreeDictTranslatesWordsTheGlossaryLacks) {
  if (!std::filesystem::exists("/usr/share/dictd/freedict-por-eng.index")) {
    GTEST_SKIP() << "dict-freedict-por-eng not installed (scripts/setup installs it)";
  }
  SearchQuery q = query("cantil");  // one word gives no language cue: the buyer's locale does
  q.lang = "pt";
  auto r = index_->search(q, test_fx);
  ASSERT_TRUE(r.ok());
  const SearchResult* flask = find(*r, "P-FLASK-1");
  ASSERT_NE(flask, nullptr);
  EXPECT_TRUE(has_match(*flask, "flask ← cantil (freedict-por-eng → flask)"));
}

TEST_F(SearchTest, ShipFromFilterKeepsOnlyThatCountry) {
  SearchQuery q = query("garrafa térmica de aço inox");
  q.ship_from = {CountryCode::parse("VN").value()};
  EXPECT_EQ(ids(q), (std::vector<std::string>{"P-BOTTLE-2"}));
}

TEST_F(SearchTest, CertificationFilterAcceptsProductTestReport) {
  SearchQuery q = query("stainless steel");
  q.certifications = {"FDA"};
  EXPECT_EQ(ids(q), (std::vector<std::string>{"P-BOTTLE-1"}));
}

TEST_F(SearchTest, CertificationFilterAcceptsCompanyCertificate) {
  SearchQuery q = query("stainless steel");
  q.certifications = {"BSCI"};
  EXPECT_EQ(ids(q), (std::vector<std::string>{"P-BOTTLE-1"}));
}

TEST_F(SearchTest, QuantityBelowMoqExcludesOffer) {
  SearchQuery q = query("stainless steel");
  q.quantity = 800;  // P-BOTTLE-2 needs 1000
  EXPECT_EQ(ids(q), (std::vector<std::string>{"P-BOTTLE-1", "P-FLASK-1"}));
}

TEST_F(SearchTest, LeadTimeFilter) {
  SearchQuery q = query("stainless steel");
  q.max_lead_time_days = 20;
  EXPECT_EQ(ids(q), (std::vector<std::string>{"P-FLASK-1"}));
}

TEST_F(SearchTest, PriceFilterUsesTierAtQuantityConvertedToBuyerCurrency) {
  SearchQuery q = query("garrafa térmica");
  q.quantity = 2000;
  q.max_unit_price = Money(Decimal::parse("4.00").value(), currency_from_code("EUR").value());
  // P-BOTTLE-1: 4.35 USD × 0.92 = 4.002 EUR > 4.00; P-BOTTLE-2: 98000 VND × 0.000036 = 3.528.
  EXPECT_EQ(ids(q), (std::vector<std::string>{"P-BOTTLE-2"}));
  q.quantity = 10000;  // 3.95 USD × 0.92 = 3.634 EUR
  EXPECT_EQ(ids(q), (std::vector<std::string>{"P-BOTTLE-1", "P-BOTTLE-2"}));
}

TEST_F(SearchTest, ResultCarriesTierPriceConversionAndExplanation) {
  SearchQuery q = query("garrafa térmica");
  q.quantity = 2000;
  q.max_unit_price = Money(Decimal::parse("4.50").value(), currency_from_code("EUR").value());
  auto r = index_->search(q, test_fx);
  ASSERT_TRUE(r.ok());
  const SearchResult* x = find(*r, "P-BOTTLE-1");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->tier_price->to_string(), "4.35 USD");
  EXPECT_EQ(x->tier_price_converted->amount().to_plain_string(), "4.002");
  EXPECT_EQ(x->fx_note, "1 USD = 0.92 EUR on 2026-01-01");
  EXPECT_EQ(x->supplier_name, "Ningbo Hengda Steelware Co.");
  EXPECT_NE(x->explanation.find("supplier: on-time 0.96, defects 0.012, audited, 12 years"),
            std::string::npos)
      << x->explanation;
}

TEST_F(SearchTest, PriceTargetInOtherCurrencyWithoutFxIsRejected) {
  SearchQuery q = query("towel");
  q.max_unit_price = Money(Decimal(3), currency_from_code("GBP").value());
  auto r = index_->search(q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SearchTest, BetterSupplierRanksFirstOnEqualText) {
  auto r = index_->search(query("garrafa térmica"), test_fx);
  ASSERT_TRUE(r.ok());
  ASSERT_GE(r->results.size(), 2u);
  EXPECT_GE(r->results[0].score, r->results[1].score);
  EXPECT_GT(find(*r, "P-BOTTLE-1")->quality_score, find(*r, "P-BOTTLE-2")->quality_score);
}

TEST_F(SearchTest, JsonHasTheFieldsTheCliPrints) {
  SearchQuery q = query("towel");
  q.quantity = 1000;
  auto r = index_->search(q, test_fx);
  ASSERT_TRUE(r.ok());
  nlohmann::json j = to_json(*r);
  const nlohmann::json& first = j["results"][0];
  EXPECT_EQ(first["product_id"], "P-TOWEL-1");
  EXPECT_EQ(first["title"], "Pamuklu banyo havlusu 70x140");
  EXPECT_EQ(first["category_path"][2], "Towels");
  EXPECT_EQ(first["supplier"]["country"], "TR");
  EXPECT_EQ(first["tier_price"]["amount"], "2.75");
  EXPECT_TRUE(first["matched_terms"].is_array());
  EXPECT_TRUE(first["score"].is_number());
}

// The concept terms of an analysed query, each with how it was found.
std::map<std::string, std::string> concepts_of(const SearchIndex& index, std::string text,
                                               std::string lang) {
  SearchQuery q;
  q.text = std::move(text);
  q.lang = std::move(lang);
  std::map<std::string, std::string> out;
  for (const QueryTerm& t : index.analyse(q).second) {
    if (t.term[0] == 'Q') out[t.term] = t.via;
  }
  return out;
}

TEST_F(SearchTest, PluralQueryWordsReachTheirGlossaryConcept) {
  // The glossary lists the singular; the index's stemmer of the query language joins the forms.
  const std::vector<std::array<std::string, 3>> cases = {{"toallas de baño", "es", "Qtowel"},
                                                         {"couteaux de cuisine", "fr", "Qknife"},
                                                         {"coltelli da cucina", "it", "Qknife"},
                                                         {"mantas de lana", "es", "Qblanket"}};
  for (const auto& [text, lang, concept_term] : cases) {
    auto concepts = concepts_of(*index_, text, lang);
    ASSERT_TRUE(concepts.contains(concept_term)) << text;
    EXPECT_NE(concepts[concept_term].find("inflected"), std::string::npos) << text;
  }
  // The exact form still matches as it did.
  EXPECT_EQ(concepts_of(*index_, "toalla", "es")["Qtowel"], "glossary towel (es)");
}

TEST_F(SearchTest, AGlossaryTermOfAnotherLanguageThatIsAStopWordHereNamesNothing) {
  // "da" is leather in Vietnamese and "from"/"for" in Italian and Portuguese.
  EXPECT_FALSE(concepts_of(*index_, "calzini di cotone da uomo", "it").contains("Qleather"));
  EXPECT_TRUE(concepts_of(*index_, "calzini di cotone da uomo", "it").contains("Qcotton"));
  EXPECT_TRUE(concepts_of(*index_, "bốt da nữ", "vi").contains("Qleather"));
}

TEST_F(SearchTest, EmptyQueryIsInvalid) {
  EXPECT_EQ(index_->search(query("  ")).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kontor::catalog

namespace kontor::catalog {
namespace {

TEST(PriceTarget, ParsesAmountAndCurrencyEitherWay) {
  EXPECT_EQ(parse_price_target("4.50EUR")->to_string(), "4.50 EUR");
  EXPECT_EQ(parse_price_target("usd 12")->to_string(), "12.00 USD");
}

TEST(PriceTarget, RejectsMissingCurrency) {
  auto target = parse_price_target("4.50");
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.status().message(),
            "max-price: expected a positive amount and an ISO 4217 code like 4.50EUR, got '4.50'");
}

TEST(CatalogSearch, WithoutStoreSearchesTheDemoMarketplace) {
  DemoOptions demo;
  demo.products = 1000;
  auto search = CatalogSearch::open(nullptr, demo);
  ASSERT_TRUE(search.ok()) << search.status().to_string();
  EXPECT_TRUE((*search)->demo());
  SearchQuery q;
  q.text = "colar de prata";
  auto r = (*search)->search(q);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->results.empty());
  EXPECT_TRUE(r->results.front().demo);
}

}  // namespace
}  // namespace kontor::catalog
