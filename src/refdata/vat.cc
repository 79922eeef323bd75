#include "refdata/vat.h"

#include <algorithm>
#include <array>
#include <optional>

#include "refdata/detail/table_util.h"

namespace kontor::refdata {

namespace {

constexpr std::array<std::string_view, 7> kKindNames = {
    "standard", "reduced", "reduced1", "reduced2", "super_reduced", "parking", "zero"};
// Columns of tax_vat_rates_eu_ibericode.csv, in VatRateKind order (no column for kZero).
constexpr std::array<std::string_view, 6> kEuColumns = {"standard_pct",      "reduced_pct",
                                                        "reduced1_pct",      "reduced2_pct",
                                                        "super_reduced_pct", "parking_pct"};

struct EuRow {
  std::string country;
  Date from;
  std::array<std::string, 6> text;             // percent as printed, "" when none
  std::array<std::optional<Decimal>, 6> rate;  // fraction
  std::uint32_t line = 0;
};

// A national or regional rate of the world file with the period it applies to.
struct WorldRow {
  std::string country;
  std::string region;    // "" for the national rate
  std::string tax_name;  // "VAT", "GST", "none", …
  std::string text;      // fraction as printed
  Decimal rate;
  Date from;                  // first day
  std::optional<Date> until;  // first day it no longer applies
  std::uint32_t line = 0;
  Date before_key;  // parsed applies_before (sort key); far future for the current rate
};

// "2020-06-30T22:00:00.000Z" is midnight of 2020-07-01 in the country's zone (UTC+2): a
// boundary in the afternoon UTC or later belongs to the next calendar day.
StatusOr<Date> boundary_date(const CsvReader& reader, const std::string& text) {
  if (text.size() < 13 || text[10] != 'T') {
    return reader.error("applies_before_utc", "expected an ISO 8601 instant, got '" + text + "'");
  }
  ASSIGN_OR_RETURN(Date day,
                   detail::parse_date_field(reader, "applies_before_utc", text.substr(0, 10)));
  const int hour = (text[11] - '0') * 10 + (text[12] - '0');
  return hour >= 12 ? day.plus_days(1) : day;
}

Decimal percent_to_fraction(const Decimal& pct) { return pct * Decimal::from_scaled(1, 2); }

StatusOr<std::vector<EuRow>> load_eu(const std::string& path) {
  ASSIGN_OR_RETURN(
      auto file,
      detail::open_csv(path, {"country_code", "effective_from", kEuColumns[0], kEuColumns[1],
                              kEuColumns[2], kEuColumns[3], kEuColumns[4], kEuColumns[5]}));
  std::vector<EuRow> rows;
  std::vector<std::string> row;
  const CsvReader& reader = *file->reader;
  while (file->reader->next(row)) {
    EuRow r;
    r.country = row[file->cols[0]];
    if (!CountryCode::parse(r.country).ok()) return reader.error("country_code", "not ISO 3166");
    const std::string& from = row[file->cols[1]];
    // "0000-01-01": in force since before the data begins.
    if (from == "0000-01-01") {
      r.from = Date::from_ymd(1900, 1, 1).value();
    } else {
      ASSIGN_OR_RETURN(r.from, detail::parse_date_field(reader, "effective_from", from));
    }
    for (std::size_t k = 0; k < kEuColumns.size(); ++k) {
      r.text[k] = row[file->cols[k + 2]];
      if (r.text[k].empty()) continue;
      ASSIGN_OR_RETURN(Decimal pct, detail::parse_decimal_field(reader, kEuColumns[k], r.text[k]));
      if (pct.is_negative() || pct > Decimal(100))
        return reader.error(kEuColumns[k], "not a percentage");
      r.rate[k] = percent_to_fraction(pct);
    }
    if (!r.rate[0]) return reader.error("standard_pct", "empty");
    r.line = file->line();
    rows.push_back(std::move(r));
  }
  RETURN_IF_ERROR(file->reader->status());
  std::stable_sort(rows.begin(), rows.end(), [](const EuRow& a, const EuRow& b) {
    return a.country != b.country ? a.country < b.country : a.from < b.from;
  });
  return rows;
}

std::string tax_name_of(const std::string& tax_type) {
  if (tax_type == "none") return "none";
  std::string out = tax_type;
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

// Each rate of a country (or region) applies from the previous boundary up to its own
// applies_before; the current rate (no boundary) from the last boundary on.
void assign_periods(std::vector<WorldRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const WorldRow& a, const WorldRow& b) {
    if (a.country != b.country) return a.country < b.country;
    if (a.region != b.region) return a.region < b.region;
    return a.before_key < b.before_key;
  });
  const Date kBegin = Date::from_ymd(1900, 1, 1).value();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool first =
        i == 0 || rows[i - 1].country != rows[i].country || rows[i - 1].region != rows[i].region;
    rows[i].from = first ? kBegin : *rows[i - 1].until;
  }
}

StatusOr<std::vector<WorldRow>> load_world(const std::string& path) {
  ASSIGN_OR_RETURN(auto file, detail::open_csv(path, {"country_code", "region_code", "tax_type",
                                                      "rate", "applies_before_utc"}));
  std::vector<WorldRow> rows;
  std::vector<std::string> row;
  const CsvReader& reader = *file->reader;
  const Date kFarFuture = Date::from_ymd(2200, 12, 31).value();
  while (file->reader->next(row)) {
    WorldRow r;
    r.country = row[file->cols[0]];
    if (!CountryCode::parse(r.country).ok()) return reader.error("country_code", "not ISO 3166");
    r.region = row[file->cols[1]];
    if (row[file->cols[2]].empty()) return reader.error("tax_type", "empty");
    r.tax_name = tax_name_of(row[file->cols[2]]);
    r.text = row[file->cols[3]];
    ASSIGN_OR_RETURN(r.rate, detail::parse_decimal_field(reader, "rate", r.text));
    if (r.rate > Decimal(1) || (r.region.empty() && r.rate.is_negative())) {
      return reader.error("rate", "not a fraction: '" + r.text + "'");
    }
    r.before_key = kFarFuture;
    if (!row[file->cols[4]].empty()) {
      ASSIGN_OR_RETURN(r.before_key, boundary_date(reader, row[file->cols[4]]));
      r.until = r.before_key;
    }
    r.line = file->line();
    rows.push_back(std::move(r));
  }
  RETURN_IF_ERROR(file->reader->status());
  assign_periods(rows);
  return rows;
}

}  // namespace

std::string_view vat_rate_kind_name(VatRateKind kind) {
  return kKindNames[static_cast<std::size_t>(kind)];
}

StatusOr<VatRateKind> parse_vat_rate_kind(std::string_view text) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == text) return static_cast<VatRateKind>(i);
  }
  return invalid_argument(
      "vat rate kind: expected standard, reduced, reduced1, reduced2, "
      "super_reduced, parking or zero, got '" +
      std::string(text) + "'");
}

struct VatTable::Impl {
  DataSource eu_source;
  DataSource world_source;
  std::vector<EuRow> eu;        // by country, then effective date
  std::vector<WorldRow> world;  // by country, region, period
};

VatTable::VatTable() : impl_(std::make_shared<Impl>()) {}

StatusOr<VatTable> VatTable::load(const std::string& eu_csv, const std::string& world_csv) {
  auto impl = std::make_shared<Impl>();
  impl->eu_source = {"vat_eu_ibericode", detail::base_name(eu_csv),
                     "EU and UK VAT rates with effective dates (ibericode/vat-rates)",
                     "2025-08-12 (commit 52fe8a9)", "MIT"};
  impl->world_source = {
      "sales_tax_world", detail::base_name(world_csv),
      "Standard VAT/GST/sales tax rates by country (valeriansaliou/node-sales-tax)",
      "2025-10-14 (commit 178b6c9)", "MIT"};
  ASSIGN_OR_RETURN(impl->eu, load_eu(eu_csv));
  ASSIGN_OR_RETURN(impl->world, load_world(world_csv));
  VatTable table;
  table.impl_ = std::move(impl);
  return table;
}

namespace {

std::string no_rate(std::string_view country, Date as_of) {
  return "vat: no rate for " + std::string(country) + " on " + as_of.to_string();
}

StatusOr<VatRate> eu_rate(const std::vector<EuRow>& rows, const DataSource& source,
                          CountryCode country, Date as_of, VatRateKind kind) {
  const EuRow* in_force = nullptr;
  for (const EuRow& r : rows) {
    if (r.country == country.code() && r.from <= as_of) in_force = &r;  // ascending dates
  }
  if (in_force == nullptr) return failed_precondition(no_rate(country.code(), as_of));
  const auto k = static_cast<std::size_t>(kind);
  if (kind == VatRateKind::kZero || !in_force->rate[k]) {
    std::string available;
    for (std::size_t i = 0; i < kEuColumns.size(); ++i) {
      if (!in_force->rate[i]) continue;
      available += (available.empty() ? "" : ", ") + std::string(kKindNames[i]) + " " +
                   in_force->text[i] + "%";
    }
    return failed_precondition("vat: " + std::string(country.code()) + " has no " +
                               std::string(kKindNames[k]) + " rate on " + as_of.to_string() +
                               " in " + source.file + " (line " + std::to_string(in_force->line) +
                               " has " + available + ")");
  }
  VatRate out;
  out.country = country;
  out.kind = kind;
  out.rate = *in_force->rate[k];
  out.rate_text = in_force->text[k];
  out.tax_name = "VAT";
  out.effective_from = in_force->from;
  out.provenance = {&source, in_force->line, in_force->country, in_force->text[k], kKindNames[k]};
  return out;
}

const WorldRow* world_row(const std::vector<WorldRow>& rows, std::string_view country,
                          std::string_view region, Date as_of) {
  for (const WorldRow& r : rows) {
    if (r.country == country && r.region == region && r.from <= as_of &&
        (!r.until || as_of < *r.until)) {
      return &r;
    }
  }
  return nullptr;
}

VatRate from_world(const WorldRow& r, const DataSource& source, CountryCode country) {
  VatRate out;
  out.country = country;
  out.kind = VatRateKind::kStandard;
  out.rate = r.rate;
  out.rate_text = r.text;
  out.tax_name = r.tax_name;
  out.effective_from = r.from;
  out.provenance = {&source, r.line, r.country, r.text, "standard"};
  return out;
}

bool has_country(const std::vector<WorldRow>& rows, std::string_view country) {
  return std::any_of(rows.begin(), rows.end(),
                     [&](const WorldRow& r) { return r.country == country; });
}

}  // namespace

StatusOr<VatRate> VatTable::rate(CountryCode country, Date as_of, VatRateKind kind) const {
  const bool in_eu_file = std::any_of(impl_->eu.begin(), impl_->eu.end(),
                                      [&](const EuRow& r) { return r.country == country.code(); });
  if (in_eu_file) return eu_rate(impl_->eu, impl_->eu_source, country, as_of, kind);
  if (!has_country(impl_->world, country.code())) {
    return not_found("vat: no rates for country '" + std::string(country.code()) + "'");
  }
  if (kind != VatRateKind::kStandard) {
    return failed_precondition("vat: only the standard rate is known for " +
                               std::string(country.code()) + " (" + impl_->world_source.file +
                               "), not " + std::string(vat_rate_kind_name(kind)));
  }
  const WorldRow* r = world_row(impl_->world, country.code(), "", as_of);
  if (r == nullptr) return failed_precondition(no_rate(country.code(), as_of));
  return from_world(*r, impl_->world_source, country);
}

StatusOr<VatRate> VatTable::regional_rate(CountryCode country, std::string_view region,
                                          Date as_of) const {
  const WorldRow* national = world_row(impl_->world, country.code(), "", as_of);
  const WorldRow* regional = world_row(impl_->world, country.code(), region, as_of);
  if (national == nullptr || regional == nullptr) {
    return not_found("vat: no regional rate for " + std::string(country.code()) + "-" +
                     std::string(region) + " on " + as_of.to_string());
  }
  VatRate out = from_world(*regional, impl_->world_source, country);
  // The regional figure is added to the national one (negative lowers it: ES-CE -0.21 → 0).
  out.rate = national->rate + regional->rate;
  out.effective_from = std::max(national->from, regional->from);
  return out;
}

const DataSource& VatTable::eu_source() const { return impl_->eu_source; }
const DataSource& VatTable::world_source() const { return impl_->world_source; }

}  // namespace kontor::refdata
