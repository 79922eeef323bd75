// A malformed row or a missing column in any reference file is a data_loss error naming the
// file, the physical line and the field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "refdata/countries.h"
#include "refdata/currencies.h"
#include "refdata/fx.h"
#include "refdata/hs_nomenclature.h"
#include "refdata/tariff_schedule.h"
#include "refdata/trade_rules.h"
#include "refdata/vat.h"
#include "test_data.h"

namespace kontor::refdata {
namespace {

using testing::shared;

// Writes `text` to a fresh file under the test's temp directory and returns its path.
std::string write_temp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "kontor_refdata_test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

void expect_data_loss(const Status& status, const std::string& file, const std::string& where) {
  EXPECT_EQ(status.code(), StatusCode::kDataLoss) << status.to_string();
  EXPECT_NE(status.message().find(file), std::string::npos) << status.message();
  EXPECT_NE(status.message().find(where), std::string::npos) << status.message();
}

constexpr const char* kHtsHeader =
    "\"HTS Number\",\"Indent\",\"Description\",\"Unit of Quantity\",\"General Rate of Duty\","
    "\"Special Rate of Duty\",\"Column 2 Rate of Duty\",\"Quota Quantity\",\"Additional "
    "Duties\"\r\n";

TEST(MalformedDataTest, HtsBadIndentNamesLineAndField) {
  const std::string path = write_temp(
      "hts_bad_indent.csv",
      std::string(kHtsHeader) +
          "\"0101\",\"0\",\"Live horses\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n"
          "\"0101.21.00\",\"two\",\"Purebred\",\"\",\"Free\",\"\",\"Free\",\"\",\"\"\r\n");
  expect_data_loss(TariffSchedule::load_us_hts(path).status(), "hts_bad_indent.csv",
                   "line 3, field 'Indent'");
}

TEST(MalformedDataTest, HtsUnitsNotJsonNamesLineAndField) {
  const std::string path = write_temp(
      "hts_bad_units.csv",
      std::string(kHtsHeader) +
          "\"0101.21.00\",\"0\",\"Purebred\",\"[kg\",\"Free\",\"\",\"Free\",\"\",\"\"\r\n");
  expect_data_loss(TariffSchedule::load_us_hts(path).status(), "hts_bad_units.csv",
                   "line 2, field 'Unit of Quantity'");
}

TEST(MalformedDataTest, HtsBadCodeNamesLineAndField) {
  const std::string path = write_temp(
      "hts_bad_code.csv", std::string(kHtsHeader) +
                              "\"0101.2\",\"0\",\"Horses\",\"\",\"Free\",\"\",\"\",\"\",\"\"\r\n");
  expect_data_loss(TariffSchedule::load_us_hts(path).status(), "hts_bad_code.csv",
                   "line 2, field 'HTS Number'");
}

TEST(MalformedDataTest, MissingColumnNamesTheColumn) {
  const std::string path =
      write_temp("ukeu_missing.csv", "commodity,description,cet_duty_rate\n01012100,Horses,0.0%\n");
  expect_data_loss(TariffSchedule::load_uk_eu(path, "ukgt_duty_rate").status(), "ukeu_missing.csv",
                   "field 'ukgt_duty_rate': missing column");
}

TEST(MalformedDataTest, UkEuShortCommodityCode) {
  const std::string path =
      write_temp("ukeu_code.csv",
                 "commodity,description,cet_duty_rate,ukgt_duty_rate\n01012100,Horses,0.0%,0.0%\n"
                 "\"0101\",\"Multi\nline\",1%,1%\n");
  expect_data_loss(TariffSchedule::load_uk_eu(path, "cet_duty_rate").status(), "ukeu_code.csv",
                   "line 3, field 'commodity'");
}

TEST(MalformedDataTest, WrongFieldCountNamesTheLine) {
  const std::string path = write_temp("currencies_fields.csv",
                                      "Entity,Currency,AlphabeticCode,NumericCode,MinorUnit,"
                                      "WithdrawalDate\nGERMANY,Euro,EUR,978,2,\nFRANCE,Euro,EUR\n");
  expect_data_loss(CurrencyTable::load(path).status(), "currencies_fields.csv", "line 3");
}

TEST(MalformedDataTest, CurrencyMinorUnitNotANumber) {
  const std::string path = write_temp("currencies_minor.csv",
                                      "Entity,Currency,AlphabeticCode,NumericCode,MinorUnit,"
                                      "WithdrawalDate\nGERMANY,Euro,EUR,978,two,\n");
  expect_data_loss(CurrencyTable::load(path).status(), "currencies_minor.csv",
                   "line 2, field 'MinorUnit'");
}

TEST(MalformedDataTest, EcbRateNotADecimal) {
  const std::string ecb =
      write_temp("ecb_bad.csv", "Date,USD,JPY\n2025-05-09,1.1252,163.36\n2025-05-08,1,12x,1\n");
  const std::string ecb2 =
      write_temp("ecb_bad2.csv", "Date,USD,JPY\n2025-05-09,1.1252,163.36\n2025-05-08,1.1x,163\n");
  auto fx = FxTable::load(ecb2, shared("fx_fred_usd_rates_monthly.csv"),
                          shared("fx_hmrc_monthly_rates_gbp_2020_2023.csv"));
  expect_data_loss(fx.status(), "ecb_bad2.csv", "line 3, field 'USD'");
  auto fx_fields = FxTable::load(ecb, shared("fx_fred_usd_rates_monthly.csv"),
                                 shared("fx_hmrc_monthly_rates_gbp_2020_2023.csv"));
  expect_data_loss(fx_fields.status(), "ecb_bad.csv", "line 3");
}

TEST(MalformedDataTest, FedUnknownCountry) {
  const std::string fed =
      write_temp("fed_bad.csv", "Date,Country,Exchange rate\r\n2024-06-01,Narnia,1.5\r\n");
  auto fx = FxTable::load(shared("fx_ecb_eurofxref_hist.csv"), fed,
                          shared("fx_hmrc_monthly_rates_gbp_2020_2023.csv"));
  expect_data_loss(fx.status(), "fed_bad.csv", "line 2, field 'Country'");
}

TEST(MalformedDataTest, HmrcBadDate) {
  const std::string hmrc = write_temp(
      "hmrc_bad.csv",
      "currency_code,valid_from,valid_to,units_per_gbp\nEUR,2020-01-01,2020-02-30,1.1\n");
  auto fx = FxTable::load(shared("fx_ecb_eurofxref_hist.csv"),
                          shared("fx_fred_usd_rates_monthly.csv"), hmrc);
  expect_data_loss(fx.status(), "hmrc_bad.csv", "line 2, field 'valid_to'");
}

TEST(MalformedDataTest, HsLevelDisagreesWithCode) {
  const std::string codes =
      write_temp("hs_bad.csv",
                 "section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\n"
                 "I,0101,Horses,01,6\n");
  auto hs = HsNomenclature::load(codes, shared("hs2022_sections.csv"), "HS 2022");
  expect_data_loss(hs.status(), "hs_bad.csv", "line 3, field 'hscode'");
}

TEST(MalformedDataTest, CustomsUnionRowWithoutSource) {
  const std::string unions =
      write_temp("unions_bad.csv", "union,country_code,joined,left,source\nEU,DE,1958-01-01,,\n");
  auto table = CountryTable::load(shared("iso3166_country_codes.csv"), unions);
  expect_data_loss(table.status(), "unions_bad.csv", "line 2, field 'source'");
}

TEST(MalformedDataTest, VatPercentNotADecimal) {
  const std::string eu =
      write_temp("vat_eu_bad.csv",
                 "country_code,effective_from,standard_pct,reduced_pct,reduced1_pct,reduced2_pct,"
                 "super_reduced_pct,parking_pct,press_publications_pct,exceptions\n"
                 "DE,2021-01-01,19,7,,,,,,\nFR,2014-01-01,20,,5x5,10,2.1,,,\n");
  auto vat = VatTable::load(eu, shared("tax_sales_tax_rates_world.csv"));
  expect_data_loss(vat.status(), "vat_eu_bad.csv", "line 3, field 'reduced1_pct'");
}

TEST(MalformedDataTest, WorldVatBadBoundary) {
  const std::string world = write_temp(
      "vat_world_bad.csv",
      "country_code,region_code,tax_type,currency,rate,rate_semantics,applies_before_utc\n"
      "CH,,vat,CHF,0.081,national,\nCH,,vat,CHF,0.077,national,yesterday\n");
  auto vat = VatTable::load(shared("tax_vat_rates_eu_ibericode.csv"), world);
  expect_data_loss(vat.status(), "vat_world_bad.csv", "line 3, field 'applies_before_utc'");
}

// Writes the three rule tables into a fresh directory, one of them replaced by `bad`.
std::string rules_dir(const std::string& name, const std::string& file, const std::string& bad) {
  const auto dir = std::filesystem::temp_directory_path() / "kontor_refdata_test" / name;
  std::filesystem::create_directories(dir);
  for (const char* f : {"valuation_basis.csv", "de_minimis.csv", "us_user_fees.csv"}) {
    std::filesystem::copy_file(std::string(KONTOR_REPO_DATA_DIR) + "/" + f, dir / f,
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << bad;
  return dir.string();
}

TEST(MalformedDataTest, ValuationBasisMustBeCifOrFob) {
  const std::string dir = rules_dir("valuation", "valuation_basis.csv",
                                    "jurisdiction,basis,valid_from,source\n"
                                    "US,FOB,1980-07-01,19 USC 1401a\nDE,DAP,2016-05-01,UCC\n");
  expect_data_loss(TradeRules::load(dir).status(), "valuation_basis.csv", "line 3, field 'basis'");
}

TEST(MalformedDataTest, DeMinimisRowWithoutSource) {
  const std::string dir = rules_dir(
      "deminimis", "de_minimis.csv",
      "jurisdiction,scope,threshold,currency,basis,valid_from,valid_to,origin_scope,suspended,"
      "collection,source,note\nUS,duty_and_tax,800,USD,value,2016-03-10,,,false,exempt,,\n");
  expect_data_loss(TradeRules::load(dir).status(), "de_minimis.csv", "line 2, field 'source'");
}

TEST(MalformedDataTest, DeMinimisCollectedAtSaleOnlyForTax) {
  const std::string dir = rules_dir(
      "deminimis_sale", "de_minimis.csv",
      "jurisdiction,scope,threshold,currency,basis,valid_from,valid_to,origin_scope,suspended,"
      "collection,source,note\nGB,duty,135,GBP,value,2021-01-01,,,false,at_sale,HMRC,\n");
  expect_data_loss(TradeRules::load(dir).status(), "de_minimis.csv", "line 2, field 'collection'");
}

TEST(MalformedDataTest, FormalMpfWithoutMaximum) {
  const std::string dir =
      rules_dir("fees", "us_user_fees.csv",
                "kind,variant,rate,minimum,maximum,flat,valid_from,valid_to,source\n"
                "mpf_formal,,0.003464,32.71,,,2024-10-01,2025-09-30,FR 2024-15990\n");
  expect_data_loss(TradeRules::load(dir).status(), "us_user_fees.csv", "line 2, field 'maximum'");
}

TEST(MalformedDataTest, MissingRuleColumn) {
  const std::string dir =
      rules_dir("fees_col", "us_user_fees.csv",
                "kind,variant,rate,minimum,maximum,valid_from,valid_to,source\n");
  expect_data_loss(TradeRules::load(dir).status(), "us_user_fees.csv",
                   "field 'flat': missing column");
}

TEST(MalformedDataTest, MissingFileIsNotFoundWithThePath) {
  auto table = CurrencyTable::load("/nonexistent/iso4217.csv");
  EXPECT_EQ(table.status().code(), StatusCode::kNotFound);
  EXPECT_NE(table.status().message().find("/nonexistent/iso4217.csv"), std::string::npos);
}

}  // namespace
}  // namespace kontor::refdata
