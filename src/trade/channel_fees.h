// Channel fees: what a sales channel keeps from each sale — Amazon referral fees by category with
// their minimums and FBA-style fulfilment fees by weight band, Shopify Payments card fees, TikTok
// Shop commission, eBay final value fees, Etsy transaction and payment fees — per market where
// they differ. The figures are an authored, indicative table (data/channel_fees.csv, sources
// and dates in data/channel_fees.md) that the user can replace.
//
// CSV columns: channel, market (ISO country, a group such as "EU", or "*"), fee (referral |
// fulfilment | payment | commission | transaction | listing), category ("*" or a lower-case
// category name), basis (percent_of_price | per_unit | per_order), rate (a fraction for
// percent_of_price, else an amount), fixed (amount added per unit, may be empty), currency,
// min_fee (per unit, may be empty), weight_from_kg / weight_to_kg (fulfilment bands on the
// shipping weight of one unit: from < w ≤ to), valid_from, source.
//
// Percent fees apply to the price the customer pays, VAT included where the market's prices
// include VAT (Amazon EU, eBay, Etsy and Shopify all charge on the gross amount).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/currency.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/money.h"
#include "core/provenance.h"
#include "core/status.h"

namespace kontor::trade {

enum class ChannelFeeKind { kReferral, kFulfilment, kPayment, kCommission, kTransaction, kListing };
std::string_view channel_fee_kind_name(ChannelFeeKind kind);
enum class ChannelFeeBasis { kPercentOfPrice, kPerUnit, kPerOrder };

struct ChannelFeeRow {
  std::string channel;  // "amazon", "shopify", "tiktok_shop", "ebay", "etsy" (crew names)
  std::string market;   // "DE", "EU", "US", "*"
  ChannelFeeKind kind = ChannelFeeKind::kReferral;
  std::string category;  // "*" or e.g. "kitchen"
  ChannelFeeBasis basis = ChannelFeeBasis::kPercentOfPrice;
  Decimal rate;
  std::optional<Decimal> fixed;
  Currency currency;
  std::optional<Decimal> min_fee;
  std::optional<Decimal> weight_from_kg;
  std::optional<Decimal> weight_to_kg;
  Date valid_from;
  std::string source_text;
  Provenance provenance;  // file and line; text = the rate as printed
};

class ChannelFeeTable {
 public:
  ChannelFeeTable();
  // Errors: data_loss "FILE line N, field 'F': reason".
  static StatusOr<ChannelFeeTable> load(const std::string& path);
  static StatusOr<ChannelFeeTable> parse(std::string_view text, const std::string& file);
  static StatusOr<ChannelFeeTable> load_default(
      const std::string& repo_dir);  // data/channel_fees.csv

  const std::vector<ChannelFeeRow>& rows() const;
  const DataSource& source() const;
  bool has_channel(std::string_view channel) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

struct ChannelFeeRequest {
  std::string channel;       // "amazon", …
  CountryCode market;        // "DE"
  std::string market_group;  // "EU" when the market is an EU member (CountryTable::customs_union)
  std::string category;      // "kitchen"; "" = the channel's default ("*") rate
  Money price;               // per unit, as the customer pays (VAT included where usual)
  std::optional<Decimal> unit_shipping_kg;  // for fulfilment bands; none: no fulfilment fee
  bool fulfilled_by_channel = false;        // FBA / TikTok fulfilment: add the fulfilment fee
  Date as_of;
};

struct ChannelFeeLine {
  ChannelFeeKind kind = ChannelFeeKind::kReferral;
  std::string label;  // "Amazon referral fee 15 % (kitchen, DE)"
  Money amount;       // in the price currency, rounded half-up to the minor unit
  bool minimum_applied = false;
  // The fee as a function of the price at this point: amount = percent × price + fixed (before
  // rounding); percent is 0 when a minimum or a per-unit amount applies. Used to solve for the
  // break-even price.
  Decimal percent;
  Decimal fixed_amount;
  Provenance provenance;
};

struct ChannelFees {
  std::string channel;
  std::vector<ChannelFeeLine> lines;
  Money total;  // per unit
};

// For each fee kind the most specific row wins: market over group over "*", category over "*",
// the latest valid_from on or before as_of. not_found when the channel has no row at all for the
// market; invalid_argument when a row's currency differs from the price's (fees are quoted in
// the market's currency, so price in it).
StatusOr<ChannelFees> channel_fees(const ChannelFeeTable& table, const ChannelFeeRequest& request);

}  // namespace kontor::trade
