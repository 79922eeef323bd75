// Filters as boolean terms and value ranges (one offer must meet them all), the language paths
// the sample catalog of search_test.cc does not cover, and an index kept on disk.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "catalog/search.h"

namespace kontor::catalog {
namespace {

Supplier supplier(std::string id, std::string country, std::vector<std::string> certifications) {
  Supplier s;
  s.id = std::move(id);
  s.name = s.id + " Co.";
  s.country = CountryCode::parse(country).value();
  s.certifications = std::move(certifications);
  s.on_time_rate = Decimal::parse("0.95").value();
  s.defect_rate = Decimal::parse("0.01").value();
  return s;
}

Product product(std::string id, std::string lang, std::string title,
                std::vector<std::string> path) {
  Product p;
  p.id = std::move(id);
  p.titles = {{std::move(lang), std::move(title)}};
  p.category_path = std::move(path);
  return p;
}

Offer offer(std::string id, std::string supplier_id, std::string product_id, std::int64_t moq,
            int lead, bool demo = false) {
  Offer o;
  o.id = std::move(id);
  o.supplier_id = std::move(supplier_id);
  o.product_id = std::move(product_id);
  o.currency = currency_from_code("USD").value();
  o.moq = moq;
  o.tiers = {{moq, Decimal::parse("2.00").value()}};
  o.lead_time_days = lead;
  o.demo = demo;
  return o;
}

// P-TOWEL has two offers: from China (ISO 9001, MOQ 100, 40 days) and from Vietnam (MOQ 1000,
// 15 days). P-MUG is offered from Vietnam only, P-DEMO-TOWEL only as demo data.
Catalog filter_catalog() {
  Catalog c;
  c.add(supplier("SUP-CN", "CN", {"ISO 9001"}));
  c.add(supplier("SUP-VN", "VN", {}));
  c.add(product("P-TOWEL", "tr", "Pamuklu banyo havlusu 70x140", {"Home", "Towels"}));
  c.add(product("P-MUG", "en", "Ceramic mug 350 ml", {"Kitchen"}));
  c.add(product("P-DEMO-TOWEL", "en", "Bath towel", {"Home", "Towels"}));
  c.add(offer("OF-CN", "SUP-CN", "P-TOWEL", 100, 40));
  c.add(offer("OF-VN", "SUP-VN", "P-TOWEL", 1000, 15));
  c.add(offer("OF-MUG", "SUP-VN", "P-MUG", 50, 10));
  c.add(offer("OF-DEMO", "SUP-VN", "P-DEMO-TOWEL", 10, 5, /*demo=*/true));
  return c;
}

class SearchFilterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    glossary_ = new Glossary(Glossary::load_default().value());
    catalog_ = new Catalog(filter_catalog());
    index_ = SearchIndex::build(*catalog_, *glossary_).value().release();
  }
  static void TearDownTestSuite() {
    delete index_;
    delete catalog_;
    delete glossary_;
  }
  // "product/offer" of each result, sorted.
  static std::vector<std::string> found(const SearchQuery& q) {
    auto r = index_->search(q);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    std::vector<std::string> out;
    if (r.ok())
      for (const SearchResult& x : r->results) out.push_back(x.product_id + "/" + x.offer_id);
    std::sort(out.begin(), out.end());
    return out;
  }
  static SearchQuery query(std::string text, std::string lang = "") {
    SearchQuery q;
    q.text = std::move(text);
    q.lang = std::move(lang);
    return q;
  }
  static Glossary* glossary_;
  static Catalog* catalog_;
  static SearchIndex* index_;
};
Glossary* SearchFilterTest::glossary_ = nullptr;
Catalog* SearchFilterTest::catalog_ = nullptr;
SearchIndex* SearchFilterTest::index_ = nullptr;

TEST_F(SearchFilterTest, WithoutFiltersEveryOfferedProductMatches) {
  EXPECT_EQ(found(query("towel")),
            (std::vector<std::string>{"P-DEMO-TOWEL/OF-DEMO", "P-TOWEL/OF-CN"}));
}

TEST_F(SearchFilterTest, ShipFromAndLeadTimeMetByOneOffer) {
  SearchQuery q = query("towel");
  q.ship_from = {CountryCode::parse("VN").value()};
  q.max_lead_time_days = 20;
  q.include_demo = false;
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-TOWEL/OF-VN"}));
}

TEST_F(SearchFilterTest, FiltersMetOnlyByDifferentOffersExcludeTheProduct) {
  SearchQuery q = query("towel");
  q.ship_from = {CountryCode::parse("CN").value()};  // only OF-CN, which takes 40 days
  q.max_lead_time_days = 20;
  EXPECT_TRUE(found(q).empty());
}

TEST_F(SearchFilterTest, MoqAndLeadTimeMetOnlyByDifferentOffersExcludeTheProduct) {
  SearchQuery q = query("towel");
  q.quantity = 500;  // OF-CN (MOQ 100) takes 40 days; OF-VN is fast but needs 1000
  q.max_lead_time_days = 20;
  q.include_demo = false;
  EXPECT_TRUE(found(q).empty());
}

TEST_F(SearchFilterTest, QuantityPicksTheOfferWhoseMoqItMeets) {
  SearchQuery q = query("towel");
  q.quantity = 200;
  q.include_demo = false;
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-TOWEL/OF-CN"}));
}

TEST_F(SearchFilterTest, CertificationOfTheSupplierCounts) {
  SearchQuery q = query("towel");
  q.certifications = {"ISO 9001"};
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-TOWEL/OF-CN"}));
}

TEST_F(SearchFilterTest, ExcludingDemoDataDropsDemoOffers) {
  SearchQuery q = query("towel");
  q.include_demo = false;
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-TOWEL/OF-CN"}));
}

TEST_F(SearchFilterTest, ProductTermsRepeatEachTermByItsFrequency) {
  std::vector<std::string> terms = index_->product_terms(catalog_->products()[1]);  // P-MUG
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "mug"), 2);   // title words count twice
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "Qcup"), 3);  // a concept in a title thrice
}

// Each buyer language reaches the Turkish listing through the glossary's towel concept.
class LanguagePath : public SearchFilterTest,
                     public ::testing::WithParamInterface<std::pair<const char*, const char*>> {};

TEST_P(LanguagePath, QueryFindsTurkishListing) {
  auto [lang, text] = GetParam();
  SearchQuery q = query(text, lang);
  q.include_demo = false;
  auto r = index_->search(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->query_lang, lang);
  ASSERT_EQ(r->results.size(), 1u);
  EXPECT_EQ(r->results[0].product_id, "P-TOWEL");
}

INSTANTIATE_TEST_SUITE_P(Languages, LanguagePath,
                         ::testing::Values(std::make_pair("es", "toalla de algodón"),
                                           std::make_pair("fr", "serviette en coton"),
                                           std::make_pair("it", "asciugamano di cotone"),
                                           std::make_pair("ja", "コットンタオル"),
                                           std::make_pair("vi", "khăn tắm cotton"),
                                           std::make_pair("tr", "havlu")));

// Options for an index kept in a fresh temporary folder `name`, reopened when it still fits.
IndexOptions kept_index(const std::string& name) {
  IndexOptions options;
  options.directory = (std::filesystem::temp_directory_path() / name).string();
  options.reuse = true;
  std::filesystem::remove_all(options.directory);
  return options;
}

TEST(SearchIndexReuse, KeptIndexServesTheSameCatalogAndIsRebuiltForAnother) {
  Glossary glossary = Glossary::load_default().value();
  IndexOptions options = kept_index("kontor-search-reuse-test");
  Catalog first = filter_catalog();
  SearchQuery q;
  q.text = "mug";
  {
    auto index = SearchIndex::build(first, glossary, options).value();
    ASSERT_EQ(index->search(q)->results.size(), 1u);
  }
  {
    auto reopened = SearchIndex::build(first, glossary, options).value();
    ASSERT_EQ(reopened->search(q)->results.size(), 1u);
    EXPECT_EQ(reopened->search(q)->results[0].product_id, "P-MUG");
  }
  Catalog second;
  second.add(supplier("SUP-VN", "VN", {}));
  second.add(product("P-CUP", "en", "Ceramic mug 500 ml", {"Kitchen"}));
  second.add(offer("OF-CUP", "SUP-VN", "P-CUP", 50, 10));
  auto rebuilt = SearchIndex::build(second, glossary, options).value();
  ASSERT_EQ(rebuilt->search(q)->results.size(), 1u);
  EXPECT_EQ(rebuilt->search(q)->results[0].product_id, "P-CUP");
  std::filesystem::remove_all(options.directory);
}

// The index holds the glossary's concepts: a kept index is rebuilt when the glossary changes.
TEST(SearchIndexReuse, KeptIndexIsRebuiltForAnotherGlossary) {
  IndexOptions options = kept_index("kontor-search-glossary-test");
  Catalog catalog = filter_catalog();
  SearchQuery q;
  q.text = "cốc";  // Vietnamese: no FreeDict dictionary, only the glossary can link it
  q.lang = "vi";
  Glossary without = Glossary::parse("id\tkind\ten\tvi\nbowl\tproduct\tbowl\tbát\n", "a").value();
  {
    auto index = SearchIndex::build(catalog, without, options).value();
    ASSERT_TRUE(index->search(q)->results.empty());
  }
  Glossary with = Glossary::parse("id\tkind\ten\tvi\nmug\tproduct\tmug\tcốc\n", "b").value();
  auto rebuilt = SearchIndex::build(catalog, with, options).value();
  auto r = rebuilt->search(q);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->results.size(), 1u);
  EXPECT_EQ(r->results[0].product_id, "P-MUG");
  std::filesystem::remove_all(options.directory);
}

// --no-retention relies on this: without a directory the index lives in memory only.
TEST(SearchIndexInMemory, WithoutADirectoryNothingIsWrittenToTheTemporaryFolder) {
  namespace fs = std::filesystem;
  fs::path tmp = fs::temp_directory_path() / "kontor-search-in-memory-test";
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  const char* saved = std::getenv("TMPDIR");
  std::string saved_value = saved ? saved : "";
  setenv("TMPDIR", tmp.c_str(), 1);
  Glossary glossary = Glossary::load_default().value();
  Catalog catalog = filter_catalog();
  auto index = SearchIndex::build(catalog, glossary).value();
  SearchQuery q;
  q.text = "mug";
  auto found = index->search(q);
  if (saved)
    setenv("TMPDIR", saved_value.c_str(), 1);
  else
    unsetenv("TMPDIR");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->results.size(), 1u);
  EXPECT_EQ(found->results[0].product_id, "P-MUG");
  EXPECT_TRUE(fs::is_empty(tmp));
  fs::remove_all(tmp);
}

}  // namespace
}  // namespace kontor::catalog
