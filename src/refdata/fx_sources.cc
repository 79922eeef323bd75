// Loaders of the three FX files into FxSeriesSets (see detail/fx_series.h).
#include <algorithm>

#include "refdata/detail/fx_series.h"

namespace kontor::refdata::detail {

StatusOr<const FxQuote*> FxSeriesSet::find(std::string_view code, Date as_of) const {
  auto it = series.find(code);
  if (it != series.end()) {
    const std::vector<FxQuote>& quotes = it->second;
    auto after =
        std::upper_bound(quotes.begin(), quotes.end(), as_of.days_since_epoch(),
                         [](std::int32_t day, const FxQuote& q) { return day < q.date_days; });
    if (after != quotes.begin()) return &*(after - 1);
  }
  return not_found("fx: " + source.id + " has no " + base + "/" + std::string(code) +
                   " rate on or before " + as_of.to_string());
}

StatusOr<FxQuote> FxSeriesSet::make_quote(const CsvReader& reader, std::string_view field,
                                          std::string_view text, Date date, Date valid_to) {
  ASSIGN_OR_RETURN(Decimal value, parse_decimal_field(reader, field, text));
  if (value.sign() <= 0)
    return reader.error(field, "rate must be positive: '" + std::string(text) + "'");
  if (text.size() > 40 || value.mantissa() > INT64_MAX) {
    return reader.error(field, "rate out of range: '" + std::string(text) + "'");
  }
  FxQuote q;
  q.date_days = date.days_since_epoch();
  q.valid_to_days = valid_to.days_since_epoch();
  q.mantissa = static_cast<std::int64_t>(value.mantissa());
  q.scale = static_cast<std::int8_t>(value.scale());
  q.line = static_cast<std::uint32_t>(reader.line());
  q.text_offset = static_cast<std::uint32_t>(arena.size());
  q.text_size = static_cast<std::uint8_t>(text.size());
  arena.append(text);
  if (latest < date) latest = date;
  return q;
}

Status FxSeriesSet::finish(const std::string& path) {
  for (auto& [code, quotes] : series) {
    std::sort(quotes.begin(), quotes.end(),
              [](const FxQuote& a, const FxQuote& b) { return a.date_days < b.date_days; });
    for (std::size_t i = 1; i < quotes.size(); ++i) {
      if (quotes[i].date_days == quotes[i - 1].date_days) {
        std::string message = path;
        message += " line " + std::to_string(quotes[i].line) + ", field '" + code + "'";
        message += ": second rate for " + quotes[i].date().to_string();
        message += " (first on line " + std::to_string(quotes[i - 1].line) + ")";
        return data_loss(std::move(message));
      }
    }
  }
  return ok_status();
}

StatusOr<FxSeriesSet> load_ecb(const std::string& path) {
  FxSeriesSet set;
  set.source = {"ecb_eurofxref", base_name(path), "ECB euro foreign exchange reference rates",
                "daily, 1999-01-04 to 2025-05-09",
                "ECB: free reuse with attribution (Source: ECB)"};
  set.base = "EUR";
  set.rule = "ECB euro foreign exchange reference rate (units per EUR)";
  ASSIGN_OR_RETURN(auto file, open_csv(path, {"Date"}));
  const std::vector<std::string> header = file->reader->header();
  std::vector<std::vector<FxQuote>*> columns(header.size(), nullptr);
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (c == file->cols[0]) continue;
    if (header[c].size() != 3) {
      return data_loss(path + " line 1, field '" + header[c] + "': not an ISO 4217 code");
    }
    columns[c] = &set.series[header[c]];
  }
  set.arena.reserve(file->text.size());
  std::vector<std::string> row;
  while (file->reader->next(row)) {
    ASSIGN_OR_RETURN(Date date, parse_date_field(*file->reader, "Date", row[file->cols[0]]));
    for (std::size_t c = 0; c < row.size(); ++c) {
      // Currencies the ECB no longer (or not yet) quotes read N/A; an empty cell likewise.
      if (columns[c] == nullptr || row[c] == "N/A" || row[c].empty()) continue;
      ASSIGN_OR_RETURN(FxQuote q, set.make_quote(*file->reader, header[c], row[c], date, date));
      columns[c]->push_back(q);
    }
  }
  RETURN_IF_ERROR(file->reader->status());
  RETURN_IF_ERROR(set.finish(path));
  return set;
}

namespace {

// FRED H.10 series names → ISO 4217 codes (legacy codes before the euro). Venezuela is left
// out: its series runs through the bolívar redenominations (VEB, VEF, VES) without saying which.
constexpr std::pair<std::string_view, std::string_view> kFedCurrencies[] = {
    {"Australia", "AUD"},      {"Austria", "ATS"},     {"Belgium", "BEF"},  {"Brazil", "BRL"},
    {"Canada", "CAD"},         {"China", "CNY"},       {"Denmark", "DKK"},  {"Euro", "EUR"},
    {"Finland", "FIM"},        {"France", "FRF"},      {"Germany", "DEM"},  {"Greece", "GRD"},
    {"Hong Kong", "HKD"},      {"India", "INR"},       {"Ireland", "IEP"},  {"Italy", "ITL"},
    {"Japan", "JPY"},          {"Malaysia", "MYR"},    {"Mexico", "MXN"},   {"Netherlands", "NLG"},
    {"New Zealand", "NZD"},    {"Norway", "NOK"},      {"Portugal", "PTE"}, {"Singapore", "SGD"},
    {"South Africa", "ZAR"},   {"South Korea", "KRW"}, {"Spain", "ESP"},    {"Sri Lanka", "LKR"},
    {"Sweden", "SEK"},         {"Switzerland", "CHF"}, {"Taiwan", "TWD"},   {"Thailand", "THB"},
    {"United Kingdom", "GBP"},
};

}  // namespace

StatusOr<FxSeriesSet> load_fed(const std::string& path) {
  FxSeriesSet set;
  set.source = {
      "fed_h10_monthly", base_name(path),
      "Federal Reserve H.10 exchange rates, monthly averages (FRED via datasets/exchange-rates)",
      "monthly, 1971-01 to 2026-06", "public domain (Federal Reserve); ODC-PDDL-1.0"};
  set.base = "USD";
  // The data README says five series (Euro, UK, Australia, New Zealand, Ireland) are USD per
  // unit; the file itself has every series as units per USD (Euro 2024-06 0.9291, while the
  // ECB printed ~1.07 USD per EUR), so all are read as units per USD (tests check this).
  set.rule = "Federal Reserve H.10 monthly average (units per USD), dated the first of the month";
  ASSIGN_OR_RETURN(auto file, open_csv(path, {"Date", "Country", "Exchange rate"}));
  std::vector<std::string> row;
  while (file->reader->next(row)) {
    const std::string& country = row[file->cols[1]];
    if (country == "Venezuela") continue;
    std::string_view code;
    for (const auto& [name, iso] : kFedCurrencies) {
      if (name == country) code = iso;
    }
    if (code.empty()) {
      return file->reader->error("Country", "no currency known for '" + country + "'");
    }
    ASSIGN_OR_RETURN(Date date, parse_date_field(*file->reader, "Date", row[file->cols[0]]));
    ASSIGN_OR_RETURN(
        FxQuote q, set.make_quote(*file->reader, "Exchange rate", row[file->cols[2]], date, date));
    set.series[std::string(code)].push_back(q);
  }
  RETURN_IF_ERROR(file->reader->status());
  RETURN_IF_ERROR(set.finish(path));
  return set;
}

StatusOr<FxSeriesSet> load_hmrc(const std::string& path) {
  FxSeriesSet set;
  set.source = {"hmrc_monthly", base_name(path), "HMRC monthly exchange rates for customs and VAT",
                "monthly, 2020-01 to 2023-08", "Open Government Licence v3.0"};
  set.base = "GBP";
  set.rule = "HMRC monthly exchange rate (units per GBP) for its validity period";
  ASSIGN_OR_RETURN(auto file,
                   open_csv(path, {"currency_code", "valid_from", "valid_to", "units_per_gbp"}));
  std::vector<std::string> row;
  while (file->reader->next(row)) {
    const std::string& code = row[file->cols[0]];
    if (code.size() != 3) return file->reader->error("currency_code", "not an ISO 4217 code");
    const CsvReader& reader = *file->reader;
    ASSIGN_OR_RETURN(Date from, parse_date_field(reader, "valid_from", row[file->cols[1]]));
    ASSIGN_OR_RETURN(Date to, parse_date_field(reader, "valid_to", row[file->cols[2]]));
    if (to < from) return reader.error("valid_to", "before valid_from");
    ASSIGN_OR_RETURN(FxQuote q,
                     set.make_quote(reader, "units_per_gbp", row[file->cols[3]], from, to));
    set.series[code].push_back(q);
  }
  RETURN_IF_ERROR(file->reader->status());
  RETURN_IF_ERROR(set.finish(path));
  return set;
}

}  // namespace kontor::refdata::detail
