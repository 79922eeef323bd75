#include "trade/channel_fees.h"

#include <array>
#include <tuple>
#include <utility>

#include "core/csv.h"

namespace kontor::trade {

namespace {

constexpr std::array<std::string_view, 6> kKindNames = {"referral",   "fulfilment",  "payment",
                                                        "commission", "transaction", "listing"};
constexpr std::array<std::string_view, 3> kBasisNames = {"percent_of_price", "per_unit",
                                                         "per_order"};
constexpr std::array<std::string_view, 13> kColumns = {
    "channel", "market",         "fee",          "category",   "basis", "rate", "fixed", "currency",
    "min_fee", "weight_from_kg", "weight_to_kg", "valid_from", "source"};
enum Col {
  kChannel,
  kMarket,
  kFee,
  kCategory,
  kBasis,
  kRate,
  kFixed,
  kCurrency,
  kMin,
  kWFrom,
  kWTo,
  kValidFrom,
  kSource
};

template <std::size_t N>
int index_of(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<int>(i);
  }
  return -1;
}

int minor_unit_of(std::string_view code) { return code == "JPY" || code == "KRW" ? 0 : 2; }

struct Row {
  const CsvReader& reader;
  const std::vector<std::string>& fields;
  const std::array<std::size_t, kColumns.size()>& cols;
  const std::string& text(Col c) const { return fields[cols[c]]; }
  Status error(Col c, std::string_view why) const { return reader.error(kColumns[c], why); }
  StatusOr<std::optional<Decimal>> decimal(Col c, bool required) const {
    if (text(c).empty()) {
      if (required) return error(c, "empty");
      return std::optional<Decimal>();
    }
    auto value = Decimal::parse(text(c));
    if (!value.ok()) return error(c, "not a decimal number: '" + text(c) + "'");
    if (value->is_negative()) return error(c, "must not be negative");
    return std::optional<Decimal>(*value);
  }
};

StatusOr<ChannelFeeRow> parse_row(const Row& row) {
  ChannelFeeRow fee;
  fee.channel = row.text(kChannel);
  fee.market = row.text(kMarket);
  fee.category = row.text(kCategory).empty() ? "*" : row.text(kCategory);
  if (fee.channel.empty()) return row.error(kChannel, "empty");
  if (fee.market.empty()) return row.error(kMarket, "empty (use * for any)");
  const int kind = index_of(kKindNames, row.text(kFee));
  if (kind < 0) return row.error(kFee, "unknown fee '" + row.text(kFee) + "'");
  fee.kind = static_cast<ChannelFeeKind>(kind);
  const int basis = index_of(kBasisNames, row.text(kBasis));
  if (basis < 0) return row.error(kBasis, "unknown basis '" + row.text(kBasis) + "'");
  fee.basis = static_cast<ChannelFeeBasis>(basis);
  ASSIGN_OR_RETURN(auto rate, row.decimal(kRate, true));
  fee.rate = *rate;
  if (fee.basis == ChannelFeeBasis::kPercentOfPrice && fee.rate > Decimal(1)) {
    return row.error(kRate, "a percent_of_price rate is a fraction (0.15 for 15 %)");
  }
  ASSIGN_OR_RETURN(fee.fixed, row.decimal(kFixed, false));
  auto currency = Currency::make(row.text(kCurrency), minor_unit_of(row.text(kCurrency)));
  if (!currency.ok()) return row.error(kCurrency, "not an ISO 4217 code");
  fee.currency = *currency;
  ASSIGN_OR_RETURN(fee.min_fee, row.decimal(kMin, false));
  ASSIGN_OR_RETURN(fee.weight_from_kg, row.decimal(kWFrom, false));
  ASSIGN_OR_RETURN(fee.weight_to_kg, row.decimal(kWTo, false));
  if (fee.weight_from_kg && fee.weight_to_kg && *fee.weight_to_kg <= *fee.weight_from_kg) {
    return row.error(kWTo, "band upper bound not above its lower bound");
  }
  auto date = Date::parse(row.text(kValidFrom));
  if (!date.ok())
    return row.error(kValidFrom, "not a date YYYY-MM-DD: '" + row.text(kValidFrom) + "'");
  fee.valid_from = *date;
  fee.source_text = row.text(kSource);
  return fee;
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string_view channel_fee_kind_name(ChannelFeeKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

struct ChannelFeeTable::Impl {
  DataSource source;
  std::vector<ChannelFeeRow> rows;
  std::vector<std::string> rate_texts;
};

ChannelFeeTable::ChannelFeeTable() : impl_(std::make_shared<Impl>()) {}

StatusOr<ChannelFeeTable> ChannelFeeTable::load(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, read_file(path));
  return parse(text, path);
}

StatusOr<ChannelFeeTable> ChannelFeeTable::load_default(const std::string& repo_dir) {
  return load(repo_dir + "/channel_fees.csv");
}

StatusOr<ChannelFeeTable> ChannelFeeTable::parse(std::string_view text, const std::string& file) {
  auto impl = std::make_shared<Impl>();
  impl->source = {"channel_fees", base_name(file),
                  "Sales channel fees (indicative unless replaced)",
                  "as dated per row (valid_from)", "authored; see data/channel_fees.md"};
  CsvReader reader(text, file);
  RETURN_IF_ERROR(reader.read_header());
  std::array<std::size_t, kColumns.size()> cols{};
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    auto index = reader.column(kColumns[i]);
    if (!index.ok()) {
      return data_loss(file + " line 1, field '" + std::string(kColumns[i]) + "': missing column");
    }
    cols[i] = *index;
  }
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    ASSIGN_OR_RETURN(ChannelFeeRow row, parse_row(Row{reader, fields, cols}));
    row.provenance.line = static_cast<std::uint32_t>(reader.line());
    impl->rate_texts.push_back(fields[cols[kRate]]);
    impl->rows.push_back(std::move(row));
  }
  RETURN_IF_ERROR(reader.status());
  for (std::size_t i = 0; i < impl->rows.size(); ++i) {
    ChannelFeeRow& row = impl->rows[i];
    row.provenance.source = &impl->source;
    row.provenance.key = row.channel;
    row.provenance.text = impl->rate_texts[i];
    row.provenance.rule = row.source_text;
  }
  ChannelFeeTable table;
  table.impl_ = std::move(impl);
  return table;
}

const std::vector<ChannelFeeRow>& ChannelFeeTable::rows() const { return impl_->rows; }
const DataSource& ChannelFeeTable::source() const { return impl_->source; }
bool ChannelFeeTable::has_channel(std::string_view channel) const {
  for (const ChannelFeeRow& row : impl_->rows) {
    if (row.channel == channel) return true;
  }
  return false;
}

namespace {

// (market specificity, category specificity, valid_from): larger wins; -1 when not applicable.
int market_score(const ChannelFeeRow& row, const ChannelFeeRequest& request) {
  if (row.market == request.market.code()) return 2;
  if (!request.market_group.empty() && row.market == request.market_group) return 1;
  return row.market == "*" ? 0 : -1;
}

bool in_band(const ChannelFeeRow& row, const std::optional<Decimal>& kg) {
  if (!row.weight_from_kg && !row.weight_to_kg) return true;
  if (!kg) return false;
  if (row.weight_from_kg && !(*row.weight_from_kg < *kg)) return false;
  return !(row.weight_to_kg && *row.weight_to_kg < *kg);
}

ChannelFeeLine fee_line(const ChannelFeeRow& row, const ChannelFeeRequest& request) {
  const Currency& currency = request.price.currency();
  Decimal amount =
      row.basis == ChannelFeeBasis::kPercentOfPrice ? request.price.amount() * row.rate : row.rate;
  if (row.fixed) amount += *row.fixed;
  ChannelFeeLine line;
  line.kind = row.kind;
  line.provenance = row.provenance;
  line.label = request.channel + " " + std::string(channel_fee_kind_name(row.kind)) + " fee ";
  if (row.basis == ChannelFeeBasis::kPercentOfPrice) {
    line.label += (row.rate * Decimal(100)).to_plain_string() + " %";
    if (row.fixed) line.label += " + " + row.fixed->to_plain_string();
  } else {
    line.label += row.rate.to_plain_string() + " " + std::string(currency.code()) + " per unit";
  }
  line.label += " (" + row.category + ", " + row.market + ")";
  if (row.basis == ChannelFeeBasis::kPercentOfPrice) {
    line.percent = row.rate;
    line.fixed_amount = row.fixed.value_or(Decimal(0));
  } else {
    line.fixed_amount = amount;
  }
  if (row.min_fee && amount < *row.min_fee) {
    amount = *row.min_fee;
    line.percent = Decimal(0);
    line.fixed_amount = amount;
    line.minimum_applied = true;
    line.label += ", minimum " + row.min_fee->to_plain_string() + " applied";
  }
  // Channels bill each fee in whole cents, half-up.
  line.amount = Money(amount, currency).rounded(RoundingMode::kHalfUp);
  return line;
}

}  // namespace

StatusOr<ChannelFees> channel_fees(const ChannelFeeTable& table, const ChannelFeeRequest& request) {
  ChannelFees fees;
  fees.channel = request.channel;
  fees.total = Money::zero(request.price.currency());
  const std::string category = request.category.empty() ? "*" : request.category;
  bool channel_in_market = false;
  for (std::size_t k = 0; k < kKindNames.size(); ++k) {
    const auto kind = static_cast<ChannelFeeKind>(k);
    const bool fulfilment = kind == ChannelFeeKind::kFulfilment;
    const ChannelFeeRow* best = nullptr;
    std::tuple<int, int, Date> best_key{-1, -1, Date()};
    for (const ChannelFeeRow& row : table.rows()) {
      if (row.channel != request.channel || row.valid_from > request.as_of) continue;
      const int market = market_score(row, request);
      if (market < 0) continue;
      channel_in_market = true;
      if (row.kind != kind) continue;
      if (row.category != "*" && row.category != category) continue;
      if (fulfilment && !in_band(row, request.unit_shipping_kg)) continue;
      std::tuple<int, int, Date> key{market, row.category == "*" ? 0 : 1, row.valid_from};
      if (best == nullptr || key > best_key) {
        best = &row;
        best_key = key;
      }
    }
    if (fulfilment && !request.fulfilled_by_channel) continue;
    if (best == nullptr) {
      if (fulfilment) {
        return failed_precondition("channel fees: no " + request.channel +
                                   " fulfilment band for the unit's shipping weight");
      }
      continue;
    }
    if (best->currency != request.price.currency()) {
      return invalid_argument("price: " + request.channel + " fees in " +
                              std::string(request.market.code()) + " are in " +
                              std::string(best->currency.code()) + "; price in that currency");
    }
    fees.lines.push_back(fee_line(*best, request));
    fees.total += fees.lines.back().amount;
  }
  if (!channel_in_market) {
    return not_found("channel fees: no " + request.channel + " fees for market " +
                     std::string(request.market.code()) + " in " + table.source().file);
  }
  return fees;
}

}  // namespace kontor::trade
