// How the index weighs a match: fields rather than repetition, what a product is (its leaf
// category and material) and what the buyer asks for first (the product, then its material),
// supplier quality among equal listings however many there are, and MOQ / lead-time limits
// between and beyond the threshold steps the index stores.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>

#include "catalog/search.h"

namespace kontor::catalog {
namespace {

Supplier supplier(std::string id, const char* on_time, const char* defects, Verification v) {
  Supplier s;
  s.id = std::move(id);
  s.name = s.id + " Co.";
  s.country = CountryCode::parse("CN").value();
  s.on_time_rate = Decimal::parse(on_time).value();
  s.defect_rate = Decimal::parse(defects).value();
  s.verification = v;
  s.years_in_business = 5;
  return s;
}

Product product(std::string id, std::string title, std::vector<std::string> path) {
  Product p;
  p.id = std::move(id);
  p.titles = {{"en", std::move(title)}};
  p.category_path = std::move(path);
  return p;
}

Offer offer(std::string product_id, std::string supplier_id, std::int64_t moq, int lead) {
  Offer o;
  o.id = "OF-" + product_id;
  o.supplier_id = std::move(supplier_id);
  o.product_id = std::move(product_id);
  o.currency = currency_from_code("USD").value();
  o.moq = moq;
  o.tiers = {{moq, Decimal::parse("1.50").value()}};
  o.lead_time_days = lead;
  return o;
}

// Whether the index gives the catalog's product `i` the term.
bool has_term(const SearchIndex& index, const Catalog& c, std::size_t i, const std::string& term) {
  std::vector<std::string> terms = index.product_terms(c.products()[i]);
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

std::vector<std::string> ids(const SearchResponse& r) {
  std::vector<std::string> out;
  for (const SearchResult& x : r.results) out.push_back(x.product_id);
  return out;
}

class SearchRankingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { glossary_ = new Glossary(Glossary::load_default().value()); }
  static void TearDownTestSuite() { delete glossary_; }
  static Glossary* glossary_;
};
Glossary* SearchRankingTest::glossary_ = nullptr;

TEST_F(SearchRankingTest, RepeatingAWordInTheTitleAddsNothing) {
  Catalog c;
  c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
  c.add(product("P-ONCE", "Ceramic mug", {"Gifts"}));
  c.add(product("P-STUFFED", "Ceramic mug mug mug mug", {"Gifts"}));
  auto index = SearchIndex::build(c, *glossary_).value();
  auto count = [&](std::size_t i, const char* term) {
    std::vector<std::string> terms = index->product_terms(c.products()[i]);
    return std::count(terms.begin(), terms.end(), term);
  };
  EXPECT_EQ(count(0, "mug"), 2);  // the title's weight
  EXPECT_EQ(count(1, "mug"), 2);
}

TEST_F(SearchRankingTest, TitleThatAgreesWithItsCategoryOutranksTitleAlone) {
  Catalog c;
  c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
  c.add(product("P-GIFT", "Ceramic mug", {"Gifts"}));
  c.add(product("P-MUGS", "Ceramic mug", {"Kitchen", "Mugs"}));
  c.add(offer("P-GIFT", "S", 10, 20));
  c.add(offer("P-MUGS", "S", 10, 20));
  auto index = SearchIndex::build(c, *glossary_).value();
  std::vector<std::string> terms = index->product_terms(c.products()[1]);
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "mug"), 3);  // title 2 + category 1
  SearchQuery q;
  q.text = "mug";
  auto r = index->search(q);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"P-MUGS", "P-GIFT"}));
  EXPECT_DOUBLE_EQ(r->results[0].text_score, 1.0);
  EXPECT_LT(r->results[1].text_score, 1.0);
}

// The levels above the leaf group broadly: "Toys & Hobbies" also holds drone parts.
TEST_F(SearchRankingTest, OnlyTheLeafCategoryAndTheMaterialSayWhatAProductIs) {
  Catalog c;
  c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
  c.add(product("P-PART", "4-in-1 ESC 45A", {"Toys & Hobbies", "Remote Control Parts"}));
  Product train = product("P-TRAIN", "Train set", {"Toys & Hobbies", "Toys"});
  train.attributes["material"] = "wood";
  c.add(train);
  c.add(offer("P-PART", "S", 10, 20));
  c.add(offer("P-TRAIN", "S", 10, 20));
  auto index = SearchIndex::build(c, *glossary_).value();
  auto has = [&](std::size_t i, const char* term) { return has_term(*index, c, i, term); };
  EXPECT_TRUE(has(0, "toy"));  // the ancestor's words are attributes, its concepts nothing
  EXPECT_FALSE(has(0, "Qtoy"));
  EXPECT_FALSE(has(0, "Ktoy"));
  EXPECT_TRUE(has(1, "Ktoy"));
  EXPECT_TRUE(has(1, "Kwood"));
  SearchQuery q;
  q.text = "toy";
  q.lang = "en";
  auto r = index->search(q);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"P-TRAIN", "P-PART"}));
}

// A concept term says a title names it; the leaf's naming it is a term of its own: a listing
// whose title and category agree on what it is comes before one that only its category names.
TEST_F(SearchRankingTest, ATitleThatNamesTheProductAddsToItsCategory) {
  Catalog c;
  c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
  c.add(product("P-CASE", "Half case for PEN-F camera", {"Luggage & Bags", "Camera Bags & Cases"}));
  c.add(product("P-TOTE", "Nylon tote bag", {"Luggage & Bags", "Top-Handle Bags"}));
  c.add(offer("P-CASE", "S", 10, 20));
  c.add(offer("P-TOTE", "S", 10, 20));
  auto index = SearchIndex::build(c, *glossary_).value();
  auto has = [&](std::size_t i, const char* term) { return has_term(*index, c, i, term); };
  EXPECT_TRUE(has(0, "Kbag"));
  EXPECT_FALSE(has(0, "Qbag"));
  EXPECT_TRUE(has(1, "Kbag"));
  EXPECT_TRUE(has(1, "Qbag"));
  SearchQuery q;
  q.text = "sac";  // French: only the glossary links it to either listing
  q.lang = "fr";
  auto r = index->search(q);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"P-TOTE", "P-CASE"}));
  EXPECT_LT(r->results[1].text_score, 1.0);
}

// A material attribute says what a product is made of, not what it is: the inkjet fabric of a
// photo backdrop does not make the backdrop a fabric.
TEST_F(SearchRankingTest, AMaterialAttributeNamesMaterialsOnly) {
  Catalog c;
  c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
  Product backdrop = product("P-BACKDROP", "Beach scene photo backdrop", {"Backgrounds"});
  backdrop.attributes["material"] = "Polyester/Thin Cloth(Chemical fiber inkjet fabric)";
  c.add(backdrop);
  Product tulle = product("P-TULLE", "Soft tulle for handmade decoration", {"Fabric"});
  tulle.attributes["material"] = "100% Polyester";
  c.add(tulle);
  c.add(offer("P-BACKDROP", "S", 10, 20));
  c.add(offer("P-TULLE", "S", 10, 20));
  auto index = SearchIndex::build(c, *glossary_).value();
  auto has = [&](std::size_t i, const char* term) { return has_term(*index, c, i, term); };
  EXPECT_FALSE(has(0, "Kfabric"));
  EXPECT_TRUE(has(0, "Kpolyester"));
  EXPECT_TRUE(has(1, "Kfabric"));
  EXPECT_TRUE(has(1, "Kpolyester"));
  SearchQuery q;
  q.text = "tissu";
  q.lang = "fr";
  auto r = index->search(q);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_FALSE(r->results.empty());
  EXPECT_EQ(r->results[0].product_id, "P-TULLE");
}

// A title in a declared language names only that language's concepts: "display" is a screen in
// German and a stand in an English jewelry listing. A title of unknown language may name any.
TEST_F(SearchRankingTest, ATitleOfADeclaredLanguageNamesThatLanguagesConceptsOnly) {
  Catalog c;
  c.add(product("P-STAND", "Necklace bust display stand", {"Jewelry Packaging"}));
  Product phone = product("P-PHONE", "Handy Display 6,1 Zoll", {"Phone Parts"});
  phone.titles.front().lang = "de";
  c.add(phone);
  Product unknown = product("P-UNKNOWN", "Handy Display 6,1 Zoll", {"Phone Parts"});
  unknown.titles.front().lang = "";
  c.add(unknown);
  auto index = SearchIndex::build(c, *glossary_).value();
  auto has = [&](std::size_t i, const char* term) { return has_term(*index, c, i, term); };
  EXPECT_FALSE(has(0, "Qscreen"));
  EXPECT_TRUE(has(1, "Qscreen"));
  EXPECT_TRUE(has(2, "Qscreen"));
}

// "wooden toys" asks for toys: a toy of another material before a wooden sofa.
TEST_F(SearchRankingTest, TheProductAskedForOutranksItsMaterial) {
  Catalog c;
  c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
  const std::vector<std::array<std::string, 4>> listings = {
      {"P-SOFA", "Sofa", "Sofas", "wood"},
      {"P-CAR", "Toy car", "Toys", "plastic"},
      {"P-TRAIN", "Toy train", "Toys", "wood"}};
  for (const auto& [id, title, leaf, material] : listings) {
    Product p = product(id, title, {"Home", leaf});
    p.attributes["material"] = material;
    c.add(p);
    c.add(offer(id, "S", 10, 20));
  }
  auto index = SearchIndex::build(c, *glossary_).value();
  SearchQuery q;
  q.text = "wooden toys";
  q.lang = "en";
  auto r = index->search(q);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(ids(*r), (std::vector<std::string>{"P-TRAIN", "P-CAR", "P-SOFA"}));
}

// Four hundred identical listings from an average supplier, then one from an audited supplier
// with a better record, last in the catalog: the match keeps far fewer candidates than there are
// ties, and must still return the better supplier first.
TEST_F(SearchRankingTest, BestSupplierAmongManyIdenticalListingsComesFirst) {
  Catalog c;
  c.add(supplier("S-AVERAGE", "0.85", "0.03", Verification::kNone));
  c.add(supplier("S-BEST", "0.99", "0.005", Verification::kAudited));
  for (int i = 0; i < 400; ++i) {
    std::string id = "P-" + std::to_string(1000 + i);
    c.add(product(id, "Ceramic coffee mug 350 ml", {"Kitchen", "Mugs"}));
    c.add(offer(id, "S-AVERAGE", 100, 20));
  }
  c.add(product("P-BEST", "Ceramic coffee mug 350 ml", {"Kitchen", "Mugs"}));
  c.add(offer("P-BEST", "S-BEST", 100, 20));
  auto index = SearchIndex::build(c, *glossary_).value();
  for (int limit : {1, 5, 50}) {
    SearchQuery q;
    q.text = "ceramic mug";
    q.limit = limit;
    auto r = index->search(q);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    ASSERT_EQ(r->results.size(), static_cast<std::size_t>(limit));
    EXPECT_EQ(r->results[0].product_id, "P-BEST") << "limit " << limit;
    if (limit > 1) {
      EXPECT_GT(r->results[0].quality_score, r->results[1].quality_score);
    }
  }
}

class ThresholdFilterTest : public SearchRankingTest {
 protected:
  // Mugs with MOQs and lead times between and beyond the index's threshold steps.
  static Catalog catalog() {
    Catalog c;
    c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
    c.add(product("P-21D", "Ceramic mug", {"Mugs"}));
    c.add(product("P-28D", "Ceramic mug", {"Mugs"}));
    c.add(product("P-MOQ-1.5M", "Ceramic mug", {"Mugs"}));
    c.add(offer("P-21D", "S", 300, 21));
    c.add(offer("P-28D", "S", 300, 28));
    c.add(offer("P-MOQ-1.5M", "S", 1500000, 60));
    return c;
  }
  static std::vector<std::string> found(SearchQuery q) {
    Catalog c = catalog();
    auto index = SearchIndex::build(c, *glossary_).value();
    q.text = "mug";
    auto r = index->search(q);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    std::vector<std::string> out = ids(*r);
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_F(ThresholdFilterTest, LeadTimeBetweenStepsIsCheckedExactly) {
  SearchQuery q;
  q.max_lead_time_days = 25;  // the index's nearest step is 30 days
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-21D"}));
  q.max_lead_time_days = 28;
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-21D", "P-28D"}));
}

TEST_F(ThresholdFilterTest, QuantityBetweenStepsIsCheckedExactly) {
  SearchQuery q;
  q.quantity = 299;  // the nearest step is 500
  EXPECT_TRUE(found(q).empty());
  q.quantity = 300;
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-21D", "P-28D"}));
}

TEST_F(ThresholdFilterTest, QuantityBeyondTheLargestStep) {
  SearchQuery q;
  q.quantity = 1200000;
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-21D", "P-28D"}));
  q.quantity = 2000000;
  EXPECT_EQ(found(q), (std::vector<std::string>{"P-21D", "P-28D", "P-MOQ-1.5M"}));
}

// A filter few products meet prunes the match through its index terms; one most products meet
// is left to the offer check. Both must give exactly the products that pass.
TEST_F(SearchRankingTest, FiltersThatMostOrFewProductsMeetAreBothExact) {
  Catalog c;
  c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
  std::vector<std::string> low_moq, fast, both;
  for (int i = 0; i < 20; ++i) {
    std::string id = "P-" + std::to_string(10 + i);
    const std::int64_t moq = i % 10 == 0 ? 5000 : 100;  // 18 of 20 allow an order of 1,000
    const int lead = i % 5 == 0 ? 10 : 40;              // 4 of 20 ship within 10 days
    c.add(product(id, "Ceramic mug", {"Mugs"}));
    c.add(offer(id, "S", moq, lead));
    if (moq == 100) low_moq.push_back(id);
    if (lead == 10) fast.push_back(id);
    if (moq == 100 && lead == 10) both.push_back(id);
  }
  auto index = SearchIndex::build(c, *glossary_).value();
  auto found = [&](const SearchQuery& q) {
    std::vector<std::string> out = ids(*index->search(q));
    std::sort(out.begin(), out.end());
    return out;
  };
  SearchQuery q;
  q.text = "mug";
  q.limit = 50;
  q.quantity = 1000;
  EXPECT_EQ(found(q), low_moq);
  q.quantity = 0;
  q.max_lead_time_days = 10;
  EXPECT_EQ(found(q), fast);
  q.quantity = 1000;
  EXPECT_EQ(found(q), both);
  EXPECT_EQ(both.size(), 2u);
}

TEST_F(SearchRankingTest, ExpiredOffersAreLeftOutOnTheDay) {
  Catalog c;
  c.add(supplier("S", "0.95", "0.01", Verification::kVerified));
  c.add(product("P-EXPIRED", "Ceramic mug", {"Mugs"}));
  c.add(product("P-VALID", "Ceramic mug", {"Mugs"}));
  Offer expired = offer("P-EXPIRED", "S", 100, 20), valid = offer("P-VALID", "S", 100, 20);
  expired.valid_until = Date::from_ymd(2026, 6, 30).value();
  valid.valid_until = Date::from_ymd(2026, 11, 23).value();  // valid through that day
  c.add(expired);
  c.add(valid);
  auto index = SearchIndex::build(c, *glossary_).value();
  SearchQuery q;
  q.text = "mug";
  EXPECT_EQ(index->search(q)->results.size(), 2u);
  q.valid_on = Date::from_ymd(2026, 11, 23).value();
  EXPECT_EQ(ids(*index->search(q)), (std::vector<std::string>{"P-VALID"}));
  q.valid_on = Date::from_ymd(2026, 11, 24).value();
  EXPECT_TRUE(index->search(q)->results.empty());
}

}  // namespace
}  // namespace kontor::catalog
