// Cash flow: the dated cash events of one order from the buyer's side — deposit at order,
// balance before shipment, freight, duty and import VAT at import (VAT usually reclaimable
// through the next VAT return: shown as its own inflow, never netted silently), other import
// costs, then channel payouts as units sell (sell-through per week, paid out on the channel's
// payout cycle) — with the cumulative cash curve, the peak cash need and the payback date.
//
// All amounts in one currency (convert before); exact, no rounding except the per-unit payouts
// × units, which are exact products too.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/money.h"
#include "core/status.h"

namespace kontor::trade {

struct CashFlowInputs {
  Currency currency;
  Date order_date;
  Money goods_total;                 // supplier invoice
  Decimal deposit_share;             // 0.30 for "T/T 30/70"; 0..1
  Date ship_date;                    // cargo leaves the port of loading
  int balance_days_before_ship = 0;  // balance paid this many days before ship_date (≥ 0)
  Money freight;                     // paid at ship_date (carriage the buyer books)
  Date arrival_date;                 // cleared at destination
  Money duty;                        // paid at arrival
  Money import_vat;                  // paid at arrival
  std::optional<int>
      vat_reclaim_days;      // VAT back this many days after arrival; none: not reclaimed
  Money other_import_costs;  // brokerage, fees, delivery to warehouse: at arrival
  std::int64_t units = 0;
  std::int64_t units_sold_per_week = 0;    // sell-through (> 0)
  int sales_start_days_after_arrival = 0;  // check-in at the warehouse/FBA
  // What the seller keeps per unit sold, net of VAT and channel fees (from a MarginResult:
  // net_revenue − fees.total).
  Money payout_per_unit;
  int payout_interval_days = 14;  // channel pays out sales every N days (Amazon: 14)
};

enum class CashEventKind {
  kDeposit,
  kBalance,
  kFreight,
  kDuty,
  kImportVat,
  kOtherImportCosts,
  kVatReclaim,
  kPayout,
};
std::string_view cash_event_kind_name(CashEventKind kind);  // "deposit", …

struct CashEvent {
  Date date;
  CashEventKind kind = CashEventKind::kDeposit;
  std::string label;  // "Deposit 30 % of 8400.00 USD", "Payout: 300 units × 12.34 USD"
  Money amount;       // signed: out negative, in positive
  Money cumulative;   // running balance after this event
};

struct CashFlow {
  std::vector<CashEvent> events;  // by date (ties: outflows first, in the kind order above)
  Money total_out;                // sum of outflows (negative)
  Money total_in;                 // sum of inflows
  Money peak_need;                // the largest cash requirement (positive amount)
  Date peak_date;
  std::optional<Date> payback_date;  // first date the cumulative balance is back ≥ 0
  Money final_balance;
  Date last_sale_date;
};

// invalid_argument naming the field: deposit_share outside 0..1, ship before order, arrival
// before ship, units ≤ 0, units_sold_per_week ≤ 0, payout_interval_days ≤ 0, currency mismatch.
StatusOr<CashFlow> project_cash_flow(const CashFlowInputs& inputs);

nlohmann::json to_json(const CashFlow& flow);

}  // namespace kontor::trade
