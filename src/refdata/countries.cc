#include "refdata/countries.h"

#include <optional>

#include "refdata/detail/table_util.h"

namespace kontor::refdata {

namespace {

struct Membership {
  std::string union_code;  // "EU"
  CountryCode country;
  Date joined;
  std::optional<Date> left;  // exclusive: the first day outside the union
  std::uint32_t line = 0;
};

// Names other data sets use for countries whose ISO/CLDR names differ (FRED, WPI, OpenFlights,
// HMRC territories). Lower case.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"united states", "US"},
    {"united states of america", "US"},
    {"usa", "US"},
    {"united kingdom", "GB"},
    {"great britain", "GB"},
    {"korea, south", "KR"},
    {"south korea", "KR"},
    {"korea", "KR"},
    {"korea, north", "KP"},
    {"north korea", "KP"},
    {"russia", "RU"},
    {"vietnam", "VN"},
    {"taiwan", "TW"},
    {"hong kong", "HK"},
    {"macau", "MO"},
    {"macao", "MO"},
    {"iran", "IR"},
    {"syria", "SY"},
    {"laos", "LA"},
    {"bolivia", "BO"},
    {"venezuela", "VE"},
    {"tanzania", "TZ"},
    {"moldova", "MD"},
    {"czech republic", "CZ"},
    {"ivory coast", "CI"},
    {"cote d'ivoire", "CI"},
    {"burma", "MM"},
    {"brunei", "BN"},
    {"cape verde", "CV"},
    {"turkey", "TR"},
    {"congo (kinshasa)", "CD"},
    {"congo (brazzaville)", "CG"},
    {"macedonia", "MK"},
    {"swaziland", "SZ"},
    {"east timor", "TL"},
    {"palestine", "PS"},
    {"the netherlands", "NL"},
    {"holland", "NL"},
    {"uae", "AE"},
};

// "Republic of Korea (the)" → "Republic of Korea".
std::string without_article_suffix(std::string_view name) {
  constexpr std::string_view kThe = " (the)";
  if (name.size() > kThe.size() && name.substr(name.size() - kThe.size()) == kThe) {
    name.remove_suffix(kThe.size());
  }
  return std::string(name);
}

StatusOr<std::vector<Membership>> load_memberships(const std::string& path) {
  ASSIGN_OR_RETURN(auto file,
                   detail::open_csv(path, {"union", "country_code", "joined", "left", "source"}));
  std::vector<Membership> out;
  std::vector<std::string> row;
  const CsvReader& reader = *file->reader;
  while (file->reader->next(row)) {
    Membership m;
    m.union_code = row[file->cols[0]];
    if (m.union_code.empty()) return reader.error("union", "empty");
    auto code = CountryCode::parse(row[file->cols[1]]);
    if (!code.ok()) return reader.error("country_code", code.status().message());
    m.country = *code;
    ASSIGN_OR_RETURN(m.joined, detail::parse_date_field(reader, "joined", row[file->cols[2]]));
    if (!row[file->cols[3]].empty()) {
      ASSIGN_OR_RETURN(m.left, detail::parse_date_field(reader, "left", row[file->cols[3]]));
      if (*m.left <= m.joined) return reader.error("left", "not after 'joined'");
    }
    if (row[file->cols[4]].empty()) return reader.error("source", "every row must cite a source");
    m.line = file->line();
    out.push_back(std::move(m));
  }
  RETURN_IF_ERROR(file->reader->status());
  return out;
}

}  // namespace

struct CountryTable::Impl {
  DataSource source;
  DataSource unions_source;
  std::vector<CountryInfo> countries;
  detail::StringMap<std::size_t> by_code;
  detail::StringMap<std::size_t> by_name;  // lower-case names and aliases
  std::vector<Membership> memberships;
};

CountryTable::CountryTable() : impl_(std::make_shared<Impl>()) {}

StatusOr<CountryTable> CountryTable::load(const std::string& countries_csv,
                                          const std::string& customs_unions_csv) {
  auto impl = std::make_shared<Impl>();
  impl->source = {"iso3166", detail::base_name(countries_csv),
                  "ISO 3166-1 country codes (datasets/country-codes)",
                  "snapshot 2026-05-15 (commit caa72d1)", "ODC-PDDL-1.0"};
  impl->unions_source = {"customs_unions", detail::base_name(customs_unions_csv),
                         "Customs-union membership (EU), authored from the accession treaties",
                         "2026-11-23", "authored by Kontor; sources cited per row"};
  ASSIGN_OR_RETURN(auto file,
                   detail::open_csv(countries_csv,
                                    {"ISO3166-1-Alpha-2", "ISO3166-1-Alpha-3", "CLDR display name",
                                     "official_name_en", "ISO4217-currency_alphabetic_code",
                                     "Region Name", "Sub-region Name", "UNTERM English Short"}));
  std::vector<std::string> row;
  std::vector<std::string> unterm_names;
  while (file->reader->next(row)) {
    auto code = CountryCode::parse(row[file->cols[0]]);
    if (!code.ok()) return file->reader->error("ISO3166-1-Alpha-2", code.status().message());
    CountryInfo info;
    info.code = *code;
    info.alpha3 = row[file->cols[1]];
    info.name = row[file->cols[2]];
    info.official_name = row[file->cols[3]];
    const std::string& currencies = row[file->cols[4]];
    info.currency_code = currencies.substr(0, currencies.find(','));
    info.region = row[file->cols[5]];
    info.sub_region = row[file->cols[6]];
    info.line = file->line();
    if (!impl->by_code.try_emplace(std::string(info.code.code()), impl->countries.size()).second) {
      return file->reader->error("ISO3166-1-Alpha-2", "duplicate code");
    }
    unterm_names.push_back(without_article_suffix(row[file->cols[7]]));
    impl->countries.push_back(std::move(info));
  }
  RETURN_IF_ERROR(file->reader->status());
  for (std::size_t i = 0; i < impl->countries.size(); ++i) {
    for (const std::string* name :
         {&impl->countries[i].name, &impl->countries[i].official_name, &unterm_names[i]}) {
      if (!name->empty()) impl->by_name.try_emplace(detail::to_lower_ascii(*name), i);
    }
  }
  for (const auto& [alias, code] : kAliases) {
    auto it = impl->by_code.find(code);
    if (it != impl->by_code.end()) impl->by_name.try_emplace(std::string(alias), it->second);
  }
  ASSIGN_OR_RETURN(impl->memberships, load_memberships(customs_unions_csv));
  CountryTable table;
  table.impl_ = std::move(impl);
  return table;
}

StatusOr<const CountryInfo*> CountryTable::find(CountryCode code) const {
  auto it = impl_->by_code.find(code.code());
  if (it == impl_->by_code.end()) {
    return not_found("country: unknown ISO 3166 code '" + std::string(code.code()) + "'");
  }
  return &impl_->countries[it->second];
}

const CountryInfo* CountryTable::find_by_name(std::string_view name) const {
  auto it = impl_->by_name.find(detail::to_lower_ascii(name));
  return it == impl_->by_name.end() ? nullptr : &impl_->countries[it->second];
}

std::string_view CountryTable::customs_union(CountryCode code, Date as_of) const {
  for (const Membership& m : impl_->memberships) {
    if (m.country == code && m.joined <= as_of && (!m.left || as_of < *m.left)) {
      return m.union_code;
    }
  }
  return {};
}

const std::vector<CountryInfo>& CountryTable::all() const { return impl_->countries; }
const DataSource& CountryTable::source() const { return impl_->source; }
const DataSource& CountryTable::customs_unions_source() const { return impl_->unions_source; }

}  // namespace kontor::refdata
