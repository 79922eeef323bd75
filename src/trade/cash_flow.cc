#include "trade/cash_flow.h"

#include <algorithm>
#include <array>

namespace kontor::trade {

namespace {

constexpr std::array<std::string_view, 8> kKindNames = {
    "deposit",     "balance", "freight", "duty", "import_vat", "other_import_costs",
    "vat_reclaim", "payout"};

Status check_inputs(const CashFlowInputs& in) {
  if (in.deposit_share.is_negative() || in.deposit_share > Decimal(1)) {
    return invalid_argument("deposit_share: must be between 0 and 1");
  }
  if (in.ship_date < in.order_date) return invalid_argument("ship_date: before order_date");
  if (in.arrival_date < in.ship_date) return invalid_argument("arrival_date: before ship_date");
  if (in.balance_days_before_ship < 0) {
    return invalid_argument("balance_days_before_ship: must not be negative");
  }
  if (in.units <= 0) return invalid_argument("units: must be positive");
  if (in.units_sold_per_week <= 0) return invalid_argument("units_sold_per_week: must be positive");
  if (in.payout_interval_days <= 0) {
    return invalid_argument("payout_interval_days: must be positive");
  }
  for (const Money* m : {&in.goods_total, &in.freight, &in.duty, &in.import_vat,
                         &in.other_import_costs, &in.payout_per_unit}) {
    if (!(m->currency() == in.currency)) {
      return invalid_argument("currency: every amount must be in " +
                              std::string(in.currency.code()) + ", got " + m->to_string());
    }
  }
  return Status();
}

void add(std::vector<CashEvent>& events, Date date, CashEventKind kind, std::string label,
         const Money& outflow_or_inflow) {
  if (outflow_or_inflow.is_zero()) return;
  events.push_back({date, kind, std::move(label), outflow_or_inflow, {}});
}

// Units sold in week k count as sold at the end of that week; the channel pays everything sold
// up to each payout date (every `payout_interval_days` from the start of sales).
Date add_payouts(const CashFlowInputs& in, std::vector<CashEvent>& events) {
  const Date start = in.arrival_date.plus_days(in.sales_start_days_after_arrival);
  std::int64_t remaining = in.units;
  std::int64_t unpaid = 0;
  Date last_sale = start;
  Date payout = start.plus_days(in.payout_interval_days);
  auto pay = [&](Date date) {
    if (unpaid == 0) return;
    add(events, date, CashEventKind::kPayout,
        "Payout: " + std::to_string(unpaid) + " units × " + in.payout_per_unit.to_string(),
        in.payout_per_unit * Decimal(unpaid));
    unpaid = 0;
  };
  for (int week = 0; remaining > 0; ++week) {
    const Date sold_at = start.plus_days(7 * (week + 1));
    while (payout < sold_at) {
      pay(payout);
      payout = payout.plus_days(in.payout_interval_days);
    }
    const std::int64_t sold = std::min(remaining, in.units_sold_per_week);
    remaining -= sold;
    unpaid += sold;
    last_sale = sold_at;
  }
  pay(payout);
  return last_sale;
}

}  // namespace

std::string_view cash_event_kind_name(CashEventKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

StatusOr<CashFlow> project_cash_flow(const CashFlowInputs& in) {
  RETURN_IF_ERROR(check_inputs(in));
  CashFlow flow;
  std::vector<CashEvent>& events = flow.events;
  const Money deposit = in.goods_total * in.deposit_share;
  const Money balance = in.goods_total - deposit;
  const std::string percent = (in.deposit_share * Decimal(100)).normalized().to_plain_string();
  add(events, in.order_date, CashEventKind::kDeposit,
      "Deposit " + percent + " % of " + in.goods_total.to_string(), -deposit);
  add(events, in.ship_date.plus_days(-in.balance_days_before_ship), CashEventKind::kBalance,
      "Balance before shipment", -balance);
  add(events, in.ship_date, CashEventKind::kFreight, "Freight", -in.freight);
  add(events, in.arrival_date, CashEventKind::kDuty, "Customs duty", -in.duty);
  add(events, in.arrival_date, CashEventKind::kImportVat, "Import VAT", -in.import_vat);
  add(events, in.arrival_date, CashEventKind::kOtherImportCosts, "Other import costs",
      -in.other_import_costs);
  if (in.vat_reclaim_days) {
    add(events, in.arrival_date.plus_days(*in.vat_reclaim_days), CashEventKind::kVatReclaim,
        "Import VAT reclaimed (VAT return)", in.import_vat);
  }
  flow.last_sale_date = add_payouts(in, events);
  std::stable_sort(events.begin(), events.end(), [](const CashEvent& a, const CashEvent& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.kind < b.kind;
  });
  Money running = Money::zero(in.currency);
  flow.total_out = Money::zero(in.currency);
  flow.total_in = Money::zero(in.currency);
  Money lowest = running;
  flow.peak_date = in.order_date;
  for (CashEvent& event : events) {
    running += event.amount;
    event.cumulative = running;
    (event.amount.is_negative() ? flow.total_out : flow.total_in) += event.amount;
    if (running < lowest) {
      lowest = running;
      flow.peak_date = event.date;
      flow.payback_date.reset();
    } else if (lowest.is_negative() && !flow.payback_date && !running.is_negative()) {
      flow.payback_date = event.date;
    }
  }
  flow.peak_need = -lowest;
  flow.final_balance = running;
  return flow;
}

nlohmann::json to_json(const CashFlow& flow) {
  auto money = [](const Money& m) {
    return nlohmann::json{{"amount", m.amount_text()},
                          {"currency", std::string(m.currency().code())}};
  };
  nlohmann::json events = nlohmann::json::array();
  for (const CashEvent& e : flow.events) {
    events.push_back({{"date", e.date.to_string()},
                      {"kind", std::string(cash_event_kind_name(e.kind))},
                      {"label", e.label},
                      {"amount", money(e.amount)},
                      {"cumulative", money(e.cumulative)}});
  }
  nlohmann::json j = {{"events", std::move(events)},
                      {"total_out", money(flow.total_out)},
                      {"total_in", money(flow.total_in)},
                      {"peak_need", money(flow.peak_need)},
                      {"peak_date", flow.peak_date.to_string()},
                      {"final_balance", money(flow.final_balance)},
                      {"last_sale_date", flow.last_sale_date.to_string()}};
  if (flow.payback_date) j["payback_date"] = flow.payback_date->to_string();
  return j;
}

}  // namespace kontor::trade
