// Margin: what one unit earns at a target retail price. For consumer markets whose prices include
// VAT (EU, UK) the VAT is removed with the market's rate from the reference VAT table; then the
// channel's fees (channel_fees.h), the landed cost per unit (net of import VAT, which a registered
// seller recovers) and any other per-unit cost are deducted → contribution margin per unit and
// as a share of net revenue, and the break-even retail price.
//
// Rounding (named, and only here): VAT is extracted half-up to the minor unit (price × rate /
// (1 + rate), as a VAT invoice shows it); the margin % is half-even to 2 decimals; the break-even
// price is rounded up (ceiling) to the minor unit, because a price one cent lower loses money.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/provenance.h"
#include "core/status.h"
#include "refdata/vat.h"
#include "trade/channel_fees.h"

namespace kontor::trade {

struct MarginRequest {
  ChannelFeeRequest sale;      // channel, market, category, price (retail), weight, as_of
  Money landed_cost_per_unit;  // same currency as sale.price, net of recoverable import VAT
  std::optional<Money> other_cost_per_unit;  // marketing, returns allowance, …
  bool price_includes_vat = true;            // consumer price in EU/UK; false for US, B2B
  refdata::VatRateKind vat_kind = refdata::VatRateKind::kStandard;
};

struct MarginLine {
  std::string label;  // "Retail price", "VAT 19 % (DE)", "Amazon referral fee", …
  Money amount;       // signed: revenue positive, deductions negative
  Provenance provenance;
};

struct MarginResult {
  Money retail_price;
  std::optional<Decimal> vat_rate;  // fraction, when VAT was removed
  Money vat;                        // 0 when the price excludes VAT
  Money net_revenue;                // retail − VAT
  ChannelFees fees;
  Money landed_cost;
  Money other_costs;
  Money contribution;             // net revenue − fees − landed − other
  Decimal margin_percent;         // contribution / net revenue × 100, half-even 2 dp
  Money break_even_price;         // retail price (VAT as above) at which contribution is 0
  std::vector<MarginLine> lines;  // the walk from price to contribution
};

// Errors: the VAT table's (not_found for a market without a rate) when price_includes_vat;
// channel_fees()'s; invalid_argument when currencies differ or net revenue is zero.
StatusOr<MarginResult> compute_margin(const refdata::VatTable& vat, const ChannelFeeTable& fees,
                                      const MarginRequest& request);

// {"retail_price": {"amount", "currency"}, "vat", "net_revenue", "fees", "landed_cost",
// "contribution", "margin_percent": "35.95", "break_even_price", "lines": [{label, amount,
// provenance}]} for case sections and reports.
nlohmann::json to_json(const MarginResult& result);

}  // namespace kontor::trade
