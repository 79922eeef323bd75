#include <gtest/gtest.h>

#include "agents_fake_context.h"
#include "crew/sections.h"

namespace kontor::crew::testing {
namespace {

TEST(SourcingAgentTest, RejectsOffersAboveTheQuantityWithTheReason) {
  FakeTaskContext context(bottle_brief(), bottle_engines(), test_as_of());
  ASSERT_TRUE(run_agent("sourcing", context).ok());
  auto s = sourcing_section_from_json(context.body("sourcing"));
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  auto it = std::find_if(s->rejected.begin(), s->rejected.end(),
                         [](const auto& r) { return r.offer_id == "OF-MUM-1000"; });
  ASSERT_NE(it, s->rejected.end());
  EXPECT_EQ(it->reasons, std::vector<std::string>{"MOQ 5000 above the quantity 2000"});
}

TEST(SourcingAgentTest, LeavesOutOtherProductsOfTheSameMaterial) {
  FakeTaskContext context(bottle_brief(), bottle_engines(), test_as_of());
  ASSERT_TRUE(run_agent("sourcing", context).ok());
  auto s = sourcing_section_from_json(context.body("sourcing"));
  ASSERT_TRUE(s.ok());
  for (const auto& e : s->shortlist) EXPECT_NE(e.offer_id, "OF-SZ-HINGE");
}

TEST(SourcingAgentTest, NormalisesTheTierPriceToEuro) {
  FakeTaskContext context(bottle_brief(), bottle_engines(), test_as_of());
  ASSERT_TRUE(run_agent("sourcing", context).ok());
  auto s = sourcing_section_from_json(context.body("sourcing"));
  ASSERT_TRUE(s.ok());
  auto it = std::find_if(s->shortlist.begin(), s->shortlist.end(),
                         [](const auto& e) { return e.offer_id == "OF-NB-500"; });
  ASSERT_NE(it, s->shortlist.end());
  EXPECT_EQ(it->tier_price.to_string(), "2.95 USD");  // the 2000-pcs tier
  // 2.95 USD × 0.8887308923 (1 ÷ ECB EUR/USD 1.1252 of 2025-05-09, the newest in the data)
  // = 2.621756… → 2.6218 EUR, half-up at 4 decimals.
  EXPECT_EQ(it->unit_price.to_string(), "2.6218 EUR");
  ASSERT_TRUE(it->fx.has_value());
  EXPECT_EQ(it->fx->provenance.file, "fx_ecb_eurofxref_hist.csv");
}

TEST(SourcingAgentTest, AvoidedOriginIsRejected) {
  Brief brief = bottle_brief();
  brief.avoid_origins = {CountryCode::parse("CN").value()};
  FakeTaskContext context(brief, bottle_engines(), test_as_of());
  ASSERT_TRUE(run_agent("sourcing", context).ok());
  auto s = sourcing_section_from_json(context.body("sourcing"));
  ASSERT_TRUE(s.ok());
  for (const auto& e : s->shortlist) EXPECT_NE(e.supplier_country, "CN");
}

}  // namespace
}  // namespace kontor::crew::testing
