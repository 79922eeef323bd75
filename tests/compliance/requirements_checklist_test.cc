// Market requirement checklists built from the real rules table (data/market_requirements.csv).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compliance/requirements.h"

namespace kontor::compliance {
namespace {

Date day(const char* text) { return *Date::parse(text); }
CountryCode country(const char* code) { return *CountryCode::parse(code); }

// Stands in for refdata::CountryTable::customs_union in these tests.
std::string eu_member(CountryCode code, Date) {
  static const std::vector<std::string> kMembers = {"DE", "FR", "NL", "IT", "ES", "PL"};
  std::string c(code.code());
  return std::find(kMembers.begin(), kMembers.end(), c) != kMembers.end() ? "EU" : "";
}

class ChecklistTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto book = RequirementsBook::load(KONTOR_REPO_DATA_DIR);
    ASSERT_TRUE(book.ok()) << book.status().to_string();
    book_ = std::move(book).value();
    book_.use_customs_union_lookup(eu_member);
  }

  ProductFacts facts(ProductDescription product) {
    auto f = book_.facts(product);
    EXPECT_TRUE(f.ok()) << f.status().to_string();
    return *f;
  }

  Checklist list(const ProductFacts& f, const char* market, const char* as_of = "2026-01-10") {
    auto l = book_.checklist(f, country(market), day(as_of));
    EXPECT_TRUE(l.ok()) << l.status().to_string();
    return *l;
  }

  static std::vector<std::string> ids(const Checklist& list) {
    std::vector<std::string> out;
    for (const ChecklistItem& item : list.items) out.push_back(item.rule.id);
    return out;
  }

  static ProductDescription speaker() {
    return {"Portable Bluetooth 5.0 speaker, 2000mAh lithium-ion battery, USB-C charging",
            "IPX6 waterproof outdoor speaker",
            {{"battery", "3.7V 2000mAh Li-ion"}},
            "8518.22",
            {}};
  }

  RequirementsBook book_;
};

TEST_F(ChecklistTest, WirelessSpeakerWithLithiumBatteryIntoGermany) {
  Checklist l = list(facts(speaker()), "DE");
  EXPECT_EQ(ids(l),
            (std::vector<std::string>{"ALL-UN38.3", "ALL-AIR-LI", "EU-RED", "EU-RED-CYBER",
                                      "EU-ROHS", "EU-REACH", "EU-WEEE", "EU-BATT-REG", "EU-GPSR",
                                      "EU-MSR-OPERATOR", "DE-ELEKTROG", "DE-VERPACKG"}));
  EXPECT_EQ(l.markets, (std::vector<std::string>{"*", "EU", "DE"}));
  EXPECT_TRUE(l.market_covered);
}

TEST_F(ChecklistTest, RadioEquipmentIsNotAlsoAskedForLvdAndEmc) {
  Checklist l = list(facts(speaker()), "DE");
  EXPECT_EQ(l.find("EU-LVD"), nullptr);
  EXPECT_EQ(l.find("EU-EMC"), nullptr);
}

TEST_F(ChecklistTest, WhyNamesTheMatchedKeyword) {
  Checklist l = list(facts(speaker()), "DE");
  EXPECT_EQ(l.find("EU-RED")->why, "wireless (keyword 'bluetooth' in title)");
  EXPECT_EQ(l.find("ALL-UN38.3")->why, "lithium_battery (keyword 'lithium' in title)");
  EXPECT_EQ(l.find("EU-ROHS")->why, "electrical (keyword 'usb' in title)");
  EXPECT_EQ(l.find("EU-GPSR")->why, "applies to every product");
}

TEST_F(ChecklistTest, WirelessSpeakerIntoTheUnitedStates) {
  Checklist l = list(facts(speaker()), "US");
  EXPECT_EQ(ids(l), (std::vector<std::string>{"ALL-UN38.3", "ALL-AIR-LI", "US-FCC-RADIO",
                                              "US-PROP65", "US-ORIGIN", "US-LI-DOT"}));
  EXPECT_EQ(l.find("US-PROP65")->status, RequirementStatus::kToCheck);
  EXPECT_EQ(l.find("US-FCC-RADIO")->status, RequirementStatus::kMissing);
  EXPECT_EQ(l.find("US-FCC-RADIO")->rule.source, "47 CFR Part 15");
  EXPECT_EQ(l.find("US-ORIGIN")->rule.source, "19 U.S.C. § 1304; 19 CFR Part 134");
}

TEST_F(ChecklistTest, SupplierCertificatesMarkItemsHeld) {
  ProductDescription p = speaker();
  p.certificates = {"ce red", "RoHS", "UN38.3 test summary"};
  Checklist l = list(facts(p), "DE");
  EXPECT_EQ(l.find("EU-RED")->status, RequirementStatus::kHeld);
  EXPECT_EQ(l.find("EU-RED")->held_as, "ce red");
  EXPECT_EQ(l.find("EU-ROHS")->status, RequirementStatus::kHeld);
  EXPECT_EQ(l.find("ALL-UN38.3")->status, RequirementStatus::kHeld);
  EXPECT_EQ(l.find("ALL-UN38.3")->held_as, "UN38.3 test summary");
  EXPECT_EQ(l.find("EU-WEEE")->status, RequirementStatus::kMissing);
  EXPECT_EQ(l.count(RequirementStatus::kHeld), 3u);
}

TEST_F(ChecklistTest, GreatBritainAcceptsTheCeDeclaration) {
  ProductDescription p = speaker();
  p.certificates = {"CE-RED"};
  Checklist l = list(facts(p), "GB");
  EXPECT_EQ(l.find("GB-RED")->status, RequirementStatus::kHeld);
  EXPECT_EQ(l.find("GB-PSTI")->status, RequirementStatus::kMissing);
  EXPECT_EQ(l.find("GB-PSTI")->rule.source_url, "https://www.legislation.gov.uk/uksi/2023/1007");
}

TEST_F(ChecklistTest, UkIsAcceptedForGreatBritain) {
  Checklist l = list(facts(speaker()), "UK");
  EXPECT_NE(l.find("GB-RED"), nullptr);
}

TEST_F(ChecklistTest, PstiDoesNotApplyBeforeItCameIntoForce) {
  Checklist l = list(facts(speaker()), "GB", "2024-04-28");
  EXPECT_EQ(l.find("GB-PSTI"), nullptr);
  EXPECT_NE(list(facts(speaker()), "GB", "2024-04-29").find("GB-PSTI"), nullptr);
}

TEST_F(ChecklistTest, GpsdBeforeGpsrAndBatteriesDirectiveEnds) {
  Checklist old = list(facts(speaker()), "DE", "2024-06-01");
  EXPECT_NE(old.find("EU-GPSD"), nullptr);
  EXPECT_EQ(old.find("EU-GPSR"), nullptr);
  EXPECT_NE(old.find("EU-BATT-DIR"), nullptr);
  EXPECT_EQ(old.find("EU-RED-CYBER"), nullptr);
  Checklist now = list(facts(speaker()), "DE", "2026-01-10");
  EXPECT_EQ(now.find("EU-GPSD"), nullptr);
  EXPECT_EQ(now.find("EU-BATT-DIR"), nullptr);
}

TEST_F(ChecklistTest, ChildrensToyIntoTheUnitedStates) {
  ProductDescription toy{"Wooden building blocks toy set for kids 3+", "", {}, "9503.00", {}};
  Checklist l = list(facts(toy), "US");
  EXPECT_EQ(ids(l),
            (std::vector<std::string>{"US-CPSIA-CPC", "US-CPSIA-TRACKING", "US-CPSIA-LEAD",
                                      "US-PHTHALATES", "US-TOY-F963", "US-PROP65", "US-ORIGIN"}));
  EXPECT_EQ(l.find("US-CPSIA-CPC")->why, "children (keyword 'kids' in title)");
  EXPECT_EQ(l.find("US-TOY-F963")->why, "toy (keyword 'toy' in title)");
}

TEST_F(ChecklistTest, ToyWithCpcHeldCoversLeadAndCertificate) {
  ProductDescription toy{"Plush bear", "", {}, "950300", {"CPC"}};
  Checklist l = list(facts(toy), "US");
  EXPECT_EQ(l.find("US-CPSIA-CPC")->status, RequirementStatus::kHeld);
  EXPECT_EQ(l.find("US-CPSIA-LEAD")->status, RequirementStatus::kHeld);
  EXPECT_EQ(l.find("US-TOY-F963")->status, RequirementStatus::kMissing);
}

TEST_F(ChecklistTest, StainlessSteelBottleIntoGermany) {
  ProductDescription bottle{"Insulated stainless steel water bottle 750 ml",
                            "Double-wall vacuum flask",
                            {{"material", "18/8 stainless steel"}},
                            "7323.93",
                            {"LFGB"}};
  Checklist l = list(facts(bottle), "DE");
  EXPECT_EQ(ids(l),
            (std::vector<std::string>{"EU-REACH", "EU-GPSR", "EU-FCM", "DE-LFGB", "DE-VERPACKG"}));
  EXPECT_EQ(l.find("EU-FCM")->rule.source, "Regulation (EC) No 1935/2004");
  EXPECT_EQ(l.find("EU-FCM")->status, RequirementStatus::kMissing);
  EXPECT_EQ(l.find("DE-LFGB")->status, RequirementStatus::kHeld);
  EXPECT_EQ(l.find("DE-LFGB")->why, "food_contact (keyword 'bottle' in title)");
}

TEST_F(ChecklistTest, PlasticBottleAlsoNeedsThePlasticsRegulation) {
  ProductDescription bottle{"BPA-free Tritan sports bottle", "", {}, "3924.10", {}};
  Checklist l = list(facts(bottle), "FR");
  const ChecklistItem* item = l.find("EU-FCM-PLASTIC");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->rule.source, "Commission Regulation (EU) No 10/2011");
  EXPECT_EQ(item->why,
            "food_contact (keyword 'bottle' in title) and plastic (keyword 'tritan' in title)");
  EXPECT_EQ(l.find("DE-LFGB"), nullptr);  // a French destination gets no German rules
}

TEST_F(ChecklistTest, MainsApplianceIntoJapanAustraliaAndCanada) {
  ProductDescription kettle{"Electric kettle 1.7 L, 230V", "", {}, "8516.71", {"PSE"}};
  ProductFacts f = facts(kettle);
  Checklist jp = list(f, "JP");
  EXPECT_EQ(jp.find("JP-PSE")->status, RequirementStatus::kHeld);
  EXPECT_NE(jp.find("JP-FOOD-SANITATION"), nullptr);
  EXPECT_NE(list(f, "AU").find("AU-EESS"), nullptr);
  EXPECT_NE(list(f, "CA").find("CA-ELECTRICAL"), nullptr);
  EXPECT_NE(list(f, "DE").find("EU-LVD"), nullptr);
}

TEST_F(ChecklistTest, TextileRulesPerMarket) {
  ProductDescription tee{"Men's cotton T-shirt", "", {{"material", "100% cotton"}}, "6109.10", {}};
  ProductFacts f = facts(tee);
  EXPECT_NE(list(f, "DE").find("EU-TEXTILE"), nullptr);
  EXPECT_NE(list(f, "US").find("US-TEXTILE"), nullptr);
  EXPECT_NE(list(f, "US").find("US-CARE"), nullptr);
  EXPECT_NE(list(f, "CA").find("CA-TEXTILE"), nullptr);
  EXPECT_NE(list(f, "GB").find("GB-TEXTILE"), nullptr);
  EXPECT_NE(list(f, "JP").find("JP-TEXTILE"), nullptr);
  EXPECT_EQ(list(f, "US").find("US-FCC-DIGITAL"), nullptr);
}

TEST_F(ChecklistTest, MachineryDirectiveGivesWayToTheRegulationIn2027) {
  ProductDescription drill{"18V cordless drill", "", {}, "8467.21", {}};
  ProductFacts f = facts(drill);
  EXPECT_NE(list(f, "DE", "2027-01-19").find("EU-MACH"), nullptr);
  EXPECT_EQ(list(f, "DE", "2027-01-19").find("EU-MACH-REG"), nullptr);
  EXPECT_EQ(list(f, "DE", "2027-01-20").find("EU-MACH"), nullptr);
  EXPECT_NE(list(f, "DE", "2027-01-20").find("EU-MACH-REG"), nullptr);
}

TEST_F(ChecklistTest, UncoveredDestinationGetsOnlyGlobalRules) {
  Checklist l = list(facts(speaker()), "BR");
  EXPECT_FALSE(l.market_covered);
  EXPECT_EQ(ids(l), (std::vector<std::string>{"ALL-UN38.3", "ALL-AIR-LI"}));
}

TEST_F(ChecklistTest, ClearedFlagRemovesItsRules) {
  ProductFacts f = facts({"Baby blue cotton scarf", "", {}, "6214", {}});
  EXPECT_TRUE(f.has(ProductFlag::kChildren));
  f.clear_flag(ProductFlag::kChildren);
  EXPECT_EQ(list(f, "US").find("US-CPSIA-CPC"), nullptr);
}

TEST_F(ChecklistTest, CountryCodeNeedsACustomsUnionLookup) {
  auto book = RequirementsBook::load(KONTOR_REPO_DATA_DIR);
  ASSERT_TRUE(book.ok());
  auto l = book->checklist(facts(speaker()), country("DE"), day("2026-01-10"));
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.status().code(), StatusCode::kFailedPrecondition);
  Checklist explicit_union =
      book->checklist(facts(speaker()), country("DE"), "EU", day("2026-01-10"));
  EXPECT_NE(explicit_union.find("EU-RED"), nullptr);
}

TEST_F(ChecklistTest, JsonCarriesStatusWhyAndSource) {
  ProductDescription p = speaker();
  p.certificates = {"CE-RED"};
  std::string json = list(facts(p), "DE").to_json();
  EXPECT_NE(json.find("\"id\": \"EU-RED\""), std::string::npos);
  EXPECT_NE(json.find("\"status\": \"held\""), std::string::npos);
  EXPECT_NE(json.find("\"held_as\": \"CE-RED\""), std::string::npos);
  EXPECT_NE(json.find("\"regulation\": \"Directive 2014/53/EU\""), std::string::npos);
  EXPECT_NE(json.find("\"url\": \"https://eur-lex.europa.eu/eli/dir/2014/53/oj\""),
            std::string::npos);
}

TEST_F(ChecklistTest, EveryRuleCitesItsSource) {
  ASSERT_GE(book_.rules().size(), 60u);
  for (const MarketRule& rule : book_.rules()) {
    EXPECT_FALSE(rule.source.empty()) << rule.id;
    EXPECT_FALSE(rule.source_title.empty()) << rule.id;
    EXPECT_FALSE(rule.source_url.empty()) << rule.id;
  }
}

}  // namespace
}  // namespace kontor::compliance
