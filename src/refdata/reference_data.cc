#include "refdata/reference_data.h"

#include <future>

namespace kontor::refdata {

namespace {

// Everything but the US schedule and its Section 301 lists, in order.
Status load_rest(const DataPaths& paths, ReferenceData& data) {
  const auto shared = [&](const char* file) { return paths.shared_dir + "/" + file; };
  ASSIGN_OR_RETURN(data.currencies, CurrencyTable::load(shared("iso4217_currency_codes.csv")));
  ASSIGN_OR_RETURN(data.countries, CountryTable::load(shared("iso3166_country_codes.csv"),
                                                      paths.repo_dir + "/customs_unions.csv"));
  ASSIGN_OR_RETURN(data.hs2022, HsNomenclature::load(shared("hs2022_harmonized_system.csv"),
                                                     shared("hs2022_sections.csv"), "HS 2022"));
  ASSIGN_OR_RETURN(data.hs2017, HsNomenclature::load(shared("hs2017_harmonized_system.csv"),
                                                     shared("hs2022_sections.csv"), "HS 2017"));
  const std::string uk_eu = shared("tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv");
  ASSIGN_OR_RETURN(data.eu_cet, TariffSchedule::load_uk_eu(uk_eu, "cet_duty_rate"));
  ASSIGN_OR_RETURN(data.uk_gt, TariffSchedule::load_uk_eu(uk_eu, "ukgt_duty_rate"));
  ASSIGN_OR_RETURN(data.vat, VatTable::load(shared("tax_vat_rates_eu_ibericode.csv"),
                                            shared("tax_sales_tax_rates_world.csv")));
  ASSIGN_OR_RETURN(data.fx, FxTable::load(shared("fx_ecb_eurofxref_hist.csv"),
                                          shared("fx_fred_usd_rates_monthly.csv"),
                                          shared("fx_hmrc_monthly_rates_gbp_2020_2023.csv")));
  ASSIGN_OR_RETURN(data.rules, TradeRules::load(paths.repo_dir));
  return ok_status();
}

Status load_us(const DataPaths& paths, ReferenceData& data) {
  ASSIGN_OR_RETURN(data.us_hts,
                   TariffSchedule::load_us_hts(paths.shared_dir + "/tariff_us_hts_2024.csv"));
  ASSIGN_OR_RETURN(data.section301,
                   Section301Table::load(paths.shared_dir + "/tariff_us_section301_china_lists.csv",
                                         data.us_hts));
  return ok_status();
}

}  // namespace

StatusOr<std::shared_ptr<const ReferenceData>> ReferenceData::load(const DataPaths& paths) {
  auto data = std::make_shared<ReferenceData>();
  // The US schedule with its Section 301 lists (the largest file) loads on a thread of its own
  // while this one reads the rest: the reference data is the longest part of a process's start
  // on two cores. Each side writes only its own members; an error of the rest is reported first.
  auto us = std::async(std::launch::async, [&paths, &data] { return load_us(paths, *data); });
  Status rest = load_rest(paths, *data);
  Status us_loaded = us.get();
  RETURN_IF_ERROR(rest);
  RETURN_IF_ERROR(us_loaded);
  return std::shared_ptr<const ReferenceData>(std::move(data));
}

StatusOr<const TariffSchedule*> ReferenceData::tariff_for(CountryCode destination,
                                                          Date as_of) const {
  if (destination.code() == "US") return &us_hts;
  // The UK Global Tariff applies from the end of the transition period; before it the UK was
  // in the EU customs union (data/customs_unions.csv) and falls through to the CET.
  if (destination.code() == "GB" && as_of >= Date::from_ymd(2021, 1, 1).value()) return &uk_gt;
  if (countries.customs_union(destination, as_of) == "EU") return &eu_cet;
  return not_found("tariff: no schedule loaded for destination '" +
                   std::string(destination.code()) + "' on " + as_of.to_string() +
                   " (loaded: US HTS 2024, EU CET 2020, UK Global Tariff 2021)");
}

std::vector<const DataSource*> ReferenceData::sources() const {
  return {&currencies.source(),
          &countries.source(),
          &countries.customs_unions_source(),
          &hs2022.source(),
          &hs2017.source(),
          &us_hts.source(),
          &eu_cet.source(),
          &uk_gt.source(),
          &section301.source(),
          &vat.eu_source(),
          &vat.world_source(),
          &fx.source(FxSource::kEcb),
          &fx.source(FxSource::kFed),
          &fx.source(FxSource::kHmrc),
          &rules.valuation_source(),
          &rules.de_minimis_source(),
          &rules.us_fees_source()};
}

}  // namespace kontor::refdata
