#include "trade/cash_flow.h"

#include <gtest/gtest.h>

namespace kontor::trade {
namespace {

Decimal dec(const char* text) { return Decimal::parse(text).value(); }
Date day(const char* text) { return Date::parse(text).value(); }
Money usd(const char* amount) { return Money(dec(amount), Currency::make("USD", 2).value()); }

// 2,000 bottles at 4.20 USD (8,400), T/T 30/70; ships 2025-02-17, arrives 2025-04-07; sales
// start a week later at 500 units a week, 10.00 USD kept per unit, paid every 14 days.
CashFlowInputs order() {
  CashFlowInputs in;
  in.currency = Currency::make("USD", 2).value();
  in.order_date = day("2025-01-06");
  in.goods_total = usd("8400");
  in.deposit_share = dec("0.30");
  in.ship_date = day("2025-02-17");
  in.freight = usd("850.52");
  in.arrival_date = day("2025-04-07");
  in.duty = usd("504.00");
  in.import_vat = usd("1800.00");
  in.vat_reclaim_days = 30;
  in.other_import_costs = usd("200");
  in.units = 2000;
  in.units_sold_per_week = 500;
  in.sales_start_days_after_arrival = 7;
  in.payout_per_unit = usd("10.00");
  in.payout_interval_days = 14;
  return in;
}

TEST(CashFlow, EventsInDateOrderWithRunningBalance) {
  auto flow = project_cash_flow(order());
  ASSERT_TRUE(flow.ok()) << flow.status().message();
  // deposit −2520 · balance −5880 · freight −850.52 · duty −504 · VAT −1800 · other −200 ·
  // payout 2025-04-28 (weeks ending 04-21, 04-28: 1000 units) +10000 · VAT back 05-07 +1800 ·
  // payout 05-12 (weeks ending 05-05, 05-12) +10000.
  ASSERT_EQ(flow->events.size(), 9u);
  EXPECT_EQ(flow->events[0].amount, usd("-2520"));
  EXPECT_EQ(flow->events[1].amount, usd("-5880"));
  EXPECT_EQ(flow->events[1].date, day("2025-02-17"));
  EXPECT_EQ(flow->events[5].cumulative, usd("-11754.52"));
  EXPECT_EQ(flow->events[6].date, day("2025-04-28"));
  EXPECT_EQ(flow->events[6].amount, usd("10000"));
  EXPECT_EQ(flow->events[7].kind, CashEventKind::kVatReclaim);
  EXPECT_EQ(flow->events[8].date, day("2025-05-12"));
}

TEST(CashFlow, PeakNeedAndPayback) {
  auto flow = project_cash_flow(order());
  ASSERT_TRUE(flow.ok());
  EXPECT_EQ(flow->peak_need, usd("11754.52"));
  EXPECT_EQ(flow->peak_date, day("2025-04-07"));
  // After the first payout the balance is −1754.52; the VAT refund brings it to +45.48.
  EXPECT_EQ(flow->payback_date, day("2025-05-07"));
  EXPECT_EQ(flow->final_balance, usd("10045.48"));
  EXPECT_EQ(flow->total_out + flow->total_in, flow->final_balance);
  EXPECT_EQ(flow->last_sale_date, day("2025-05-12"));
}

TEST(CashFlow, VatNotReclaimedStaysAnOutflow) {
  CashFlowInputs in = order();
  in.vat_reclaim_days.reset();
  auto flow = project_cash_flow(in);
  ASSERT_TRUE(flow.ok());
  EXPECT_EQ(flow->final_balance, usd("8245.48"));
  EXPECT_EQ(flow->payback_date, day("2025-05-12"));
}

TEST(CashFlow, UnevenLastWeekAndBalanceBeforeShipment) {
  CashFlowInputs in = order();
  in.units_sold_per_week = 700;  // 700, 700, 600
  in.balance_days_before_ship = 5;
  auto flow = project_cash_flow(in);
  ASSERT_TRUE(flow.ok());
  EXPECT_EQ(flow->events[1].date, day("2025-02-12"));
  EXPECT_EQ(flow->events.back().label, "Payout: 600 units × 10.00 USD");
  EXPECT_EQ(flow->last_sale_date, day("2025-05-05"));
}

TEST(CashFlow, BadInputNamesTheField) {
  CashFlowInputs in = order();
  in.deposit_share = dec("1.5");
  EXPECT_EQ(project_cash_flow(in).status().message(), "deposit_share: must be between 0 and 1");
  in = order();
  in.arrival_date = day("2025-02-01");
  EXPECT_EQ(project_cash_flow(in).status().message(), "arrival_date: before ship_date");
  in = order();
  in.freight = Money(dec("850"), Currency::make("EUR", 2).value());
  EXPECT_EQ(project_cash_flow(in).status().code(), StatusCode::kInvalidArgument);
}

TEST(CashFlow, JsonHasTheCurve) {
  auto flow = project_cash_flow(order());
  ASSERT_TRUE(flow.ok());
  nlohmann::json j = to_json(*flow);
  EXPECT_EQ(j["peak_need"]["amount"], "11754.52");
  EXPECT_EQ(j["payback_date"], "2025-05-07");
  EXPECT_EQ(j["events"][0]["kind"], "deposit");
}

}  // namespace
}  // namespace kontor::trade
