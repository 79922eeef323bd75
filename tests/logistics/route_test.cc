#include "logistics/route.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "logistics_test_data.h"

namespace kontor::logistics {
namespace {

using testing::country;
using testing::date;
using testing::dec;
using testing::ports;
using testing::rate_card;

// The cargo of cargo_test.cc: 84 cartons, 5.04 m3, 672 kg; air 840 kg, express 1008 kg.
Cargo bottles() {
  CargoSpec spec;
  spec.units = 2000;
  spec.carton_length_cm = dec("50");
  spec.carton_width_cm = dec("40");
  spec.carton_height_cm = dec("30");
  spec.carton_gross_kg = dec("8");
  spec.units_per_carton = 24;
  return make_cargo(spec).value();
}

RouteRequest ningbo_to_germany() {
  RouteRequest request;
  request.origin = country("CN");
  request.origin_port_or_city = "Ningbo";
  request.destination = country("DE");
  request.cargo = bottles();
  request.ship_date = date("2025-03-03");
  request.deadline = date("2025-04-15");
  return request;
}

const RouteOption* find(const RoutePlan& plan, FreightMode mode) {
  for (const RouteOption& option : plan.options) {
    if (option.mode == mode) return &option;
  }
  return nullptr;
}

TEST(Routes, LclCostIsExplainedLineByLine) {
  auto plan = plan_routes(rate_card(), ports(), ningbo_to_germany());
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  const RouteOption* lcl = find(*plan, FreightMode::kSeaLcl);
  ASSERT_NE(lcl, nullptr);
  // freight 5.04 w/m × 75 = 378.00; origin CFS 5.04 × 18 = 90.72 and B/L 60;
  // destination CFS 5.04 × 45 = 226.80 and customs entry 95 → 850.52 USD.
  ASSERT_EQ(lcl->lines.size(), 5u);
  EXPECT_EQ(lcl->lines[0].amount.amount(), dec("378.00"));
  EXPECT_EQ(lcl->lines[1].amount.amount(), dec("90.72"));
  EXPECT_EQ(lcl->lines[2].amount.amount(), dec("60"));
  EXPECT_EQ(lcl->lines[3].amount.amount(), dec("226.80"));
  EXPECT_EQ(lcl->lines[4].amount.amount(), dec("95"));
  EXPECT_EQ(lcl->total.to_string(), "850.52 USD");
  EXPECT_EQ(lcl->lines[0].provenance.source->file, "rate_cards.csv");
  EXPECT_EQ(lcl->lines[0].provenance.line, 2u);
  EXPECT_EQ(lcl->lines[0].label, "Ocean freight CN→EU, LCL: 5.04 w/m × 75 USD");
}

TEST(Routes, EveryModeIsPricedOnTheLane) {
  auto plan = plan_routes(rate_card(), ports(), ningbo_to_germany());
  ASSERT_TRUE(plan.ok());
  // FCL 20': 1300 + 180 + 80 + 380 + 95; 40': 2200 + 230 + 80 + 420 + 95;
  // air: 840 kg × 4.20 = 3528 + 0.30 × 840 = 252 + 45 + 0.25 × 840 = 210 + 85;
  // express: 1008 kg in the 300+ kg bracket × 5.00; rail: 6000 + 300 + 80 + 350 + 95.
  EXPECT_EQ(find(*plan, FreightMode::kSeaFcl20)->total.amount(), dec("2035"));
  EXPECT_EQ(find(*plan, FreightMode::kSeaFcl40)->total.amount(), dec("3025"));
  EXPECT_EQ(find(*plan, FreightMode::kAir)->total.amount(), dec("4120"));
  EXPECT_EQ(find(*plan, FreightMode::kExpress)->total.amount(), dec("5040"));
  EXPECT_EQ(find(*plan, FreightMode::kRail)->total.amount(), dec("6825"));
  EXPECT_EQ(plan->options.front().mode, FreightMode::kSeaLcl);  // cheapest first
}

TEST(Routes, ArrivalWindowAndDeadline) {
  auto plan = plan_routes(rate_card(), ports(), ningbo_to_germany());
  ASSERT_TRUE(plan.ok());
  const RouteOption* lcl = find(*plan, FreightMode::kSeaLcl);
  // 2025-03-03 + 35 days = 2025-04-07; + 48 days = 2025-04-20, after the 2025-04-15 deadline.
  EXPECT_EQ(lcl->arrival_earliest, date("2025-04-07"));
  EXPECT_EQ(lcl->arrival_latest, date("2025-04-20"));
  EXPECT_EQ(lcl->meets_deadline, false);
  const RouteOption* air = find(*plan, FreightMode::kAir);
  EXPECT_EQ(air->arrival_latest, date("2025-03-11"));
  EXPECT_EQ(air->meets_deadline, true);
  // Rail arrives by 2025-03-28 and meets it too, but air is cheaper.
  ASSERT_TRUE(plan->recommended.has_value());
  EXPECT_EQ(plan->options[*plan->recommended].mode, FreightMode::kAir);
}

TEST(Routes, ParetoSetIsCheapestFastestTradeOff) {
  auto plan = plan_routes(rate_card(), ports(), ningbo_to_germany());
  ASSERT_TRUE(plan.ok());
  // LCL is cheapest; air beats both FCLs on time and rail on cost and time; express is fastest.
  EXPECT_TRUE(find(*plan, FreightMode::kSeaLcl)->pareto);
  EXPECT_FALSE(find(*plan, FreightMode::kSeaFcl20)->pareto);
  EXPECT_FALSE(find(*plan, FreightMode::kSeaFcl40)->pareto);
  EXPECT_TRUE(find(*plan, FreightMode::kAir)->pareto);
  EXPECT_TRUE(find(*plan, FreightMode::kExpress)->pareto);
  EXPECT_FALSE(find(*plan, FreightMode::kRail)->pareto);
}

TEST(Routes, MinimumChargeAppliesToSmallShipments) {
  RouteRequest request = ningbo_to_germany();
  CargoSpec spec;
  spec.units = 10;
  spec.unit_gross_kg = dec("0.5");
  spec.unit_volume_m3 = dec("0.002");  // 0.02 m3 in all
  request.cargo = make_cargo(spec).value();
  auto plan = plan_routes(rate_card(), ports(), request);
  ASSERT_TRUE(plan.ok());
  const RouteOption* lcl = find(*plan, FreightMode::kSeaLcl);
  // 0.02 w/m × 75 = 1.50 < minimum 75.
  EXPECT_TRUE(lcl->lines[0].minimum_applied);
  EXPECT_EQ(lcl->lines[0].amount.amount(), dec("75"));
  // Express: max(5 kg gross, 0.02 m3 / 5000 = 4 kg) = 5 kg in the 0–21 kg bracket: 5 × 9.50 =
  // 47.50 ≥ its 45 minimum.
  EXPECT_EQ(find(*plan, FreightMode::kExpress)->total.amount(), dec("47.50"));
}

TEST(Routes, ConvertedTotalsRecordTheFxRate) {
  RouteRequest request = ningbo_to_germany();
  request.target_currency = Currency::make("EUR", 2).value();
  FxLookup fx = [](const Currency& from, const Currency& to, Date) -> StatusOr<FxRate> {
    return FxRate{from, to, Decimal::parse("0.92").value(), Date::parse("2025-03-03").value(),
                  {},   ""};
  };
  auto plan = plan_routes(rate_card(), ports(), request, fx);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  const RouteOption* lcl = find(*plan, FreightMode::kSeaLcl);
  // Each line converted and rounded half-up: 347.76 + 83.46 + 55.20 + 208.66 + 87.40.
  EXPECT_EQ(lcl->total.to_string(), "782.48 EUR");
  ASSERT_EQ(lcl->fx.size(), 1u);
  EXPECT_EQ(lcl->fx[0].rate, dec("0.92"));
  EXPECT_EQ(lcl->lines[1].converted->amount(), dec("83.46"));
}

TEST(Routes, CostPerUnitRoundsToFourPlaces) {
  auto plan = plan_routes(rate_card(), ports(), ningbo_to_germany());
  ASSERT_TRUE(plan.ok());
  // 850.52 USD / 2000 = 0.42526 → 0.4253.
  EXPECT_EQ(cost_per_unit(*find(*plan, FreightMode::kSeaLcl), 2000).to_string(), "0.4253 USD");
}

TEST(Routes, TargetCurrencyWithoutFxIsRejected) {
  RouteRequest request = ningbo_to_germany();
  request.target_currency = Currency::make("EUR", 2).value();
  EXPECT_EQ(plan_routes(rate_card(), ports(), request).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Routes, WithinOneRegionOnlyExplicitLanesApply) {
  RouteRequest request = ningbo_to_germany();
  request.origin = country("PL");
  request.origin_port_or_city = "Gdansk";
  auto plan = plan_routes(rate_card(), ports(), request);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->options.size(), 1u);
  EXPECT_EQ(plan->options[0].mode, FreightMode::kExpress);
  // 1008 kg in the EU→EU 300+ kg bracket at 1.40.
  EXPECT_EQ(plan->options[0].total.amount(), dec("1411.20"));
}

TEST(Routes, GoldenTextForNingboToHamburg) {
  auto plan = plan_routes(rate_card(), ports(), ningbo_to_germany());
  ASSERT_TRUE(plan.ok());
  const std::string path = std::string(KONTOR_TEST_DIR) + "/golden/route_cn_de_bottles.txt";
  if (std::getenv("KONTOR_UPDATE_GOLDEN") != nullptr) std::ofstream(path) << to_text(*plan);
  std::ifstream in(path);
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(to_text(*plan), expected.str()) << "golden file: " << path;
}

TEST(Routes, JsonCarriesTotalsAndProvenance) {
  auto plan = plan_routes(rate_card(), ports(), ningbo_to_germany());
  ASSERT_TRUE(plan.ok());
  nlohmann::json j = to_json(*plan);
  EXPECT_EQ(j["options"][0]["mode"], "sea_lcl");
  EXPECT_EQ(j["options"][0]["total"]["amount"], "850.52");
  EXPECT_EQ(j["options"][0]["lines"][0]["provenance"].get<std::string>().rfind(
                "rate_cards.csv line 2", 0),
            0u);
  EXPECT_EQ(j["from"]["port"], "CNNGB");
}

}  // namespace
}  // namespace kontor::logistics

namespace kontor::logistics {
namespace {

TEST(Routes, UsDestinationChargesApply) {
  RouteRequest request = ningbo_to_germany();
  request.destination = country("US");
  request.deadline.reset();
  auto plan = plan_routes(rate_card(), ports(), request);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->to.port.unlocode, "USLAX");
  const RouteOption* lcl = find(*plan, FreightMode::kSeaLcl);
  // 5.04 × 70 = 352.80 + 90.72 + 60 + US CFS 5.04 × 40 = 201.60 + entry/ISF 120 = 825.12.
  EXPECT_EQ(lcl->total.amount(), dec("825.12"));
  EXPECT_EQ(lcl->transit_days_max, 24);
  EXPECT_FALSE(lcl->meets_deadline.has_value());
  // No deadline: the cheapest option is recommended; rail is not offered CN→US.
  EXPECT_EQ(plan->recommended, 0u);
  EXPECT_EQ(find(*plan, FreightMode::kRail), nullptr);
}

TEST(Routes, FallbackLanesAreFlagged) {
  RouteRequest request = ningbo_to_germany();
  request.origin = country("MX");
  request.origin_port_or_city = "Manzanillo";
  request.destination = country("AU");
  auto plan = plan_routes(rate_card(), ports(), request);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->warnings.front(),
            "sea_lcl: MX→AU priced from the card's generic fallback row; get a quote");
}

}  // namespace
}  // namespace kontor::logistics
