// The built-in agents in plan order on the bottle goal: "2000 insulated stainless steel
// bottles for Germany, retail 24.99 EUR, by 2027-03-01", over the real reference data.
#include <gtest/gtest.h>

#include "agents_fake_context.h"
#include "crew/sections.h"

namespace kontor::crew::testing {
namespace {

constexpr const char* kPlan[] = {"research", "sourcing", "compliance", "logistics",
                                 "finance",  "listing",  "negotiation"};

void run_plan(FakeTaskContext& context) {
  for (const char* agent : kPlan) {
    Status status = run_agent(agent, context);
    ASSERT_TRUE(status.ok()) << agent << ": " << status.to_string();
  }
}

class BottleCrewTest : public ::testing::TestWithParam<bool> {
 protected:
  // true: the demo marketplace; false: the authored bottle catalog of tests/crew/data.
  const Engines& engines() const { return GetParam() ? demo_engines() : bottle_engines(); }
};

TEST_P(BottleCrewTest, SourcingShortlistFitsTheQuantity) {
  FakeTaskContext context(bottle_brief(), engines(), test_as_of());
  run_plan(context);
  auto s = sourcing_section_from_json(context.body("sourcing"));
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  ASSERT_FALSE(s->shortlist.empty());
  for (const auto& e : s->shortlist) {
    EXPECT_LE(e.moq, 2000) << e.offer_id;
    EXPECT_EQ(e.unit_price.currency().code(), "EUR");
    EXPECT_EQ(e.quantity, 2000);
  }
}

TEST_P(BottleCrewTest, ComplianceHasHsCandidatesAndDutyVatWithProvenance) {
  FakeTaskContext context(bottle_brief(), engines(), test_as_of());
  run_plan(context);
  auto c = compliance_section_from_json(context.body("compliance"));
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  ASSERT_FALSE(c->candidates.empty());
  EXPECT_GT(c->candidates.front().confidence, 0.0);
  EXPECT_TRUE(std::any_of(c->candidates.begin(), c->candidates.end(), [](const auto& x) {
    return x.hs6.rfind("9617", 0) == 0 || x.hs6.rfind("7323", 0) == 0 || x.hs6.rfind("73", 0) == 0;
  })) << context.body("compliance")["candidates"].dump();
  bool duty = false, vat = false;
  for (const auto& line : c->duty_tax_lines) {
    EXPECT_FALSE(line.provenance.file.empty()) << line.label;
    duty |= line.kind == "duty" && line.provenance.source == "eu_cet_2020";
    vat |= line.kind == "import_tax" && line.rate_text == "19";
  }
  EXPECT_TRUE(duty);
  EXPECT_TRUE(vat);
  // Unsure classification is a question, not a guess.
  EXPECT_EQ(c->chosen_hs6.empty(), !context.questions.empty());
}

TEST_P(BottleCrewTest, ListingIsInGerman) {
  FakeTaskContext context(bottle_brief(), engines(), test_as_of());
  run_plan(context);
  auto l = listing_section_from_json(context.body("listing"));
  ASSERT_TRUE(l.ok()) << l.status().to_string();
  EXPECT_EQ(l->language, "de");
  // Material, capacity and test reports when known (a fact not known is left out), contents,
  // care: a food-contact article is rinsed before first use.
  EXPECT_GE(l->bullets.size(), 3u);
  EXPECT_LE(l->bullets.size(), 5u);
  for (const auto& b : l->bullets) EXPECT_EQ(b.find("—"), std::string::npos) << b;
  EXPECT_EQ(l->bullets.back(), "PFLEGE: Vor dem ersten Gebrauch gründlich ausspülen");
  EXPECT_NE(l->title.find(" aus "), std::string::npos) << l->title;
  EXPECT_EQ(l->bullets[0].rfind("MATERIAL: ", 0), 0u);
  EXPECT_FALSE(l->keywords.empty());
}

TEST_P(BottleCrewTest, FinanceRecommendsOneSupplierWithLandedCostPerUnit) {
  FakeTaskContext context(bottle_brief(), engines(), test_as_of());
  run_plan(context);
  auto f = finance_section_from_json(context.body("finance"));
  ASSERT_TRUE(f.ok()) << f.status().to_string();
  ASSERT_TRUE(f->recommendation.has_value()) << context.body("finance")["notes"].dump();
  const Recommendation& r = *f->recommendation;
  EXPECT_EQ(r.per_unit_buyer.currency().code(), "EUR");
  EXPECT_FALSE(r.per_unit_buyer.is_zero());
  ASSERT_TRUE(r.margin_per_unit.has_value());
  EXPECT_FALSE(r.reasons.empty());
  EXPECT_FALSE(f->cash_flow.empty());
  // Every landed-cost line names where its figure came from.
  for (const auto& o : f->options) {
    for (const auto& line : o.lines) EXPECT_FALSE(line.provenance.summary.empty()) << line.label;
  }
}

TEST_P(BottleCrewTest, NegotiationOnlyProposes) {
  FakeTaskContext context(bottle_brief(), engines(), test_as_of());
  run_plan(context);
  auto n = negotiation_section_from_json(context.body("negotiation"));
  ASSERT_TRUE(n.ok()) << n.status().to_string();
  ASSERT_FALSE(n->rfqs.empty());
  for (const auto& rfq : n->rfqs) EXPECT_LE(rfq.target_price, rfq.current_price);
  EXPECT_EQ(context.actions.size(), n->actions.size());
  EXPECT_EQ(context.actions.front().kind, "rfq.send");
}

TEST_P(BottleCrewTest, RerunWritesIdenticalSections) {
  FakeTaskContext first(bottle_brief(), engines(), test_as_of());
  run_plan(first);
  FakeTaskContext second(bottle_brief(), engines(), test_as_of());
  run_plan(second);
  run_plan(second);  // a resumed case reruns interrupted tasks over its own sections
  for (const char* section : kPlan) {
    EXPECT_EQ(first.body(section), second.body(section)) << section;
  }
  EXPECT_EQ(second.tasks.size(), first.tasks.size());  // added tasks are not duplicated
}

INSTANTIATE_TEST_SUITE_P(Catalogs, BottleCrewTest, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? "Demo" : "Fixture"; });

TEST(CrewAgentsTest, UnknownAgentNameGivesNull) {
  EXPECT_EQ(make_builtin_agent("astrologer"), nullptr);
  for (auto name : builtin_agent_names()) EXPECT_NE(make_builtin_agent(name), nullptr) << name;
}

TEST(CrewAgentsTest, RegistersEveryBuiltinAgent) {
  AgentRegistry registry;
  register_builtin_agents(registry);
  EXPECT_EQ(registry.names(),
            (std::vector<std::string>{"compliance", "finance", "listing", "logistics",
                                      "negotiation", "research", "sourcing"}));
  auto agent = registry.make("finance");
  ASSERT_TRUE(agent.ok());
  EXPECT_EQ((*agent)->name(), "finance");
}

}  // namespace
}  // namespace kontor::crew::testing
