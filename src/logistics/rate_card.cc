#include "logistics/rate_card.h"

#include <array>
#include <utility>

#include "core/csv.h"

namespace kontor::logistics {

namespace {

constexpr std::array<std::string_view, kFreightModeCount> kModeNames = {
    "sea_lcl", "sea_fcl_20", "sea_fcl_40", "air", "express", "rail"};
constexpr std::array<std::string_view, kFreightModeCount> kModeLabels = {
    "Sea freight, LCL", "Sea freight, FCL 20'", "Sea freight, FCL 40'",
    "Air freight",      "Express courier",      "Rail freight, FCL 40'"};
constexpr std::array<std::string_view, 3> kChargeNames = {"freight", "origin", "destination"};
constexpr std::array<std::string_view, 5> kBasisNames = {
    "per_wm", "per_container", "per_chargeable_kg", "per_shipment", "per_cbm"};

template <typename E, std::size_t N>
std::optional<E> parse_enum(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Currencies without minor units that a rate card may plausibly use (ISO 4217).
int minor_unit_of(std::string_view code) {
  for (std::string_view zero : {"JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF"}) {
    if (code == zero) return 0;
  }
  return 2;
}

constexpr std::array<std::string_view, 16> kColumns = {
    "mode",           "charge",       "origin_region",    "destination_region",
    "basis",          "rate",         "currency",         "min_charge",
    "weight_from_kg", "weight_to_kg", "transit_days_min", "transit_days_max",
    "valid_from",     "valid_to",     "description",      "source"};
enum Col {
  kMode,
  kCharge,
  kOrigin,
  kDest,
  kBasis,
  kRate,
  kCurrency,
  kMin,
  kWFrom,
  kWTo,
  kTMin,
  kTMax,
  kVFrom,
  kVTo,
  kDesc,
  kSource
};

class RowParser {
 public:
  RowParser(const CsvReader& reader, const std::vector<std::string>& fields,
            const std::array<std::size_t, kColumns.size()>& cols)
      : reader_(reader), fields_(fields), cols_(cols) {}
  const std::string& text(Col c) const { return fields_[cols_[c]]; }
  Status error(Col c, std::string_view reason) const { return reader_.error(kColumns[c], reason); }
  StatusOr<Decimal> decimal(Col c) const {
    auto value = Decimal::parse(text(c));
    if (!value.ok()) return error(c, "not a decimal number: '" + text(c) + "'");
    if (value->is_negative()) return error(c, "must not be negative: '" + text(c) + "'");
    return *value;
  }
  StatusOr<std::optional<Decimal>> optional_decimal(Col c) const {
    if (text(c).empty()) return std::optional<Decimal>();
    ASSIGN_OR_RETURN(Decimal value, decimal(c));
    return std::optional<Decimal>(value);
  }
  StatusOr<int> days(Col c) const {
    if (text(c).empty()) return 0;
    ASSIGN_OR_RETURN(Decimal value, decimal(c));
    if (value.scale() > 0 && value.normalized().scale() > 0) return error(c, "not whole days");
    return static_cast<int>(value.normalized().mantissa());
  }
  StatusOr<Date> date(Col c) const {
    auto value = Date::parse(text(c));
    if (!value.ok()) return error(c, "not a date YYYY-MM-DD: '" + text(c) + "'");
    return *value;
  }

 private:
  const CsvReader& reader_;
  const std::vector<std::string>& fields_;
  const std::array<std::size_t, kColumns.size()>& cols_;
};

StatusOr<RateLine> parse_line(const RowParser& row) {
  RateLine line;
  auto mode = parse_enum<FreightMode>(kModeNames, row.text(kMode));
  if (!mode) return row.error(kMode, "unknown mode '" + row.text(kMode) + "'");
  auto charge = parse_enum<ChargeKind>(kChargeNames, row.text(kCharge));
  if (!charge) return row.error(kCharge, "unknown charge '" + row.text(kCharge) + "'");
  auto basis = parse_enum<ChargeBasis>(kBasisNames, row.text(kBasis));
  if (!basis) return row.error(kBasis, "unknown basis '" + row.text(kBasis) + "'");
  line.mode = *mode;
  line.charge = *charge;
  line.basis = *basis;
  line.origin_region = row.text(kOrigin);
  line.destination_region = row.text(kDest);
  if (line.origin_region.empty()) return row.error(kOrigin, "empty (use * for any)");
  if (line.destination_region.empty()) return row.error(kDest, "empty (use * for any)");
  ASSIGN_OR_RETURN(line.rate, row.decimal(kRate));
  auto currency = Currency::make(row.text(kCurrency), minor_unit_of(row.text(kCurrency)));
  if (!currency.ok())
    return row.error(kCurrency, "not an ISO 4217 code: '" + row.text(kCurrency) + "'");
  line.currency = *currency;
  ASSIGN_OR_RETURN(line.min_charge, row.optional_decimal(kMin));
  ASSIGN_OR_RETURN(line.weight_from_kg, row.optional_decimal(kWFrom));
  ASSIGN_OR_RETURN(line.weight_to_kg, row.optional_decimal(kWTo));
  if (line.weight_from_kg && line.weight_to_kg && *line.weight_to_kg <= *line.weight_from_kg) {
    return row.error(kWTo, "bracket upper bound not above its lower bound");
  }
  ASSIGN_OR_RETURN(line.transit_days_min, row.days(kTMin));
  ASSIGN_OR_RETURN(line.transit_days_max, row.days(kTMax));
  if (line.transit_days_max < line.transit_days_min) {
    return row.error(kTMax, "below transit_days_min");
  }
  if (line.charge == ChargeKind::kFreight && line.transit_days_max == 0) {
    return row.error(kTMax, "a freight row needs transit days");
  }
  ASSIGN_OR_RETURN(line.valid_from, row.date(kVFrom));
  ASSIGN_OR_RETURN(line.valid_to, row.date(kVTo));
  if (line.valid_to < line.valid_from) return row.error(kVTo, "before valid_from");
  line.description = row.text(kDesc);
  line.rate_text = row.text(kRate);
  line.source_text = row.text(kSource);
  line.provenance.line = static_cast<std::uint32_t>(0);
  return line;
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string_view freight_mode_name(FreightMode mode) {
  return kModeNames[static_cast<std::size_t>(mode)];
}
StatusOr<FreightMode> parse_freight_mode(std::string_view text) {
  auto mode = parse_enum<FreightMode>(kModeNames, text);
  if (!mode) return invalid_argument("mode: unknown freight mode '" + std::string(text) + "'");
  return *mode;
}
std::string_view freight_mode_label(FreightMode mode) {
  return kModeLabels[static_cast<std::size_t>(mode)];
}
std::string_view charge_kind_name(ChargeKind kind) {
  return kChargeNames[static_cast<std::size_t>(kind)];
}
std::string_view charge_basis_name(ChargeBasis basis) {
  return kBasisNames[static_cast<std::size_t>(basis)];
}

struct RateCard::Impl {
  DataSource source;
  std::vector<RateLine> lines;
  // Row indices by (mode, charge), so a lookup scans only its own rows.
  std::array<std::vector<std::size_t>, kFreightModeCount * kChargeNames.size()> by_kind;
  static std::size_t kind_index(FreightMode mode, ChargeKind charge) {
    return static_cast<std::size_t>(mode) * kChargeNames.size() + static_cast<std::size_t>(charge);
  }
};

RateCard::RateCard() : impl_(std::make_shared<Impl>()) {}

StatusOr<RateCard> RateCard::load(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, read_file(path));
  return parse(text, path);
}

StatusOr<RateCard> RateCard::load_default(const std::string& repo_dir) {
  return load(repo_dir + "/rate_cards.csv");
}

StatusOr<RateCard> RateCard::parse(std::string_view text, const std::string& file) {
  auto impl = std::make_shared<Impl>();
  impl->source = {"rate_cards", base_name(file), "Freight rate card (indicative unless replaced)",
                  "as dated per row (valid_from/valid_to)", "authored; see data/rate_cards.md"};
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
  std::vector<std::uint32_t> line_numbers;
  while (reader.next(fields)) {
    ASSIGN_OR_RETURN(RateLine line, parse_line(RowParser(reader, fields, cols)));
    impl->lines.push_back(std::move(line));
    line_numbers.push_back(static_cast<std::uint32_t>(reader.line()));
  }
  RETURN_IF_ERROR(reader.status());
  if (impl->lines.empty()) return data_loss(file + ": no rate rows");
  // Provenance views point into the rows, which no longer move.
  for (std::size_t i = 0; i < impl->lines.size(); ++i) {
    RateLine& line = impl->lines[i];
    line.provenance = {&impl->source, line_numbers[i], line.description, line.rate_text,
                       line.source_text};
    impl->by_kind[Impl::kind_index(line.mode, line.charge)].push_back(i);
  }
  RateCard card;
  card.impl_ = std::move(impl);
  return card;
}

std::vector<const RateLine*> RateCard::find(FreightMode mode, ChargeKind charge,
                                            std::string_view origin_region,
                                            std::string_view destination_region, Date date) const {
  std::vector<const RateLine*> best;
  int best_score = -1;
  for (std::size_t index : impl_->by_kind[Impl::kind_index(mode, charge)]) {
    const RateLine& line = impl_->lines[index];
    if (date < line.valid_from || line.valid_to < date) continue;
    const bool origin_exact = line.origin_region == origin_region;
    const bool dest_exact = line.destination_region == destination_region;
    if (!origin_exact && line.origin_region != "*") continue;
    if (!dest_exact && line.destination_region != "*") continue;
    // The exact origin outranks the exact destination: origin-specific freight is the lane.
    const int score = (origin_exact ? 2 : 0) + (dest_exact ? 1 : 0);
    if (score > best_score) {
      best.clear();
      best_score = score;
    }
    if (score == best_score) best.push_back(&line);
  }
  return best;
}

const std::vector<RateLine>& RateCard::lines() const { return impl_->lines; }
const DataSource& RateCard::source() const { return impl_->source; }

}  // namespace kontor::logistics
