// Runs the kontor binary: exit codes, one-line errors, JSON output fields.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_run.h"

namespace {

using cli_testing::CliRun;
using cli_testing::kontor;

const char* kBottles =
    "landed-cost --hs-code 9617.00.00 --origin CN --destination DE --goods-value '8400 USD' "
    "--incoterm FOB --freight '1150 USD' --insurance '28.50 USD' --quantity '2000 pcs' "
    "--as-of 2025-05-09";

TEST(KontorCliTest, BadInputIsOneLineNamingTheFieldWithExitCode2) {
  CliRun r = kontor(
      "landed-cost --hs-code 9617.00.00 --origin CN --destination DE "
      "--goods-value '8400 USD' --quantity '2000 pcs' --as-of 2025-05-09");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out.rfind("kontor: error: freight: needed for customs valuation", 0), 0u) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
}

TEST(KontorCliTest, UnknownFlagIsExitCode2) {
  CliRun r = kontor("landed-cost --colour red");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("kontor: error:"), std::string::npos);
}

TEST(KontorCliTest, MalformedJsonRequestIsExitCode2) {
  CliRun r = kontor("landed-cost --request -", "{\"hs_code\": ");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "kontor: error: request: not valid JSON\n");
}

TEST(KontorCliTest, LandedCostJsonHasTheDocumentedFields) {
  CliRun r = kontor(std::string(kBottles) + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  for (const char* field : {"customs_value", "duty", "import_tax", "fees", "total", "per_unit"}) {
    ASSERT_TRUE(j.contains(field)) << field;
    EXPECT_TRUE(j[field]["amount"].is_string()) << field;
    EXPECT_EQ(j[field]["currency"], "EUR") << field;
  }
  ASSERT_TRUE(j["lines"].is_array());
  bool duty_line_cites_tariff = false;
  for (const auto& line : j["lines"]) {
    if (line["kind"] == "duty") {
      duty_line_cites_tariff =
          line["provenance"]["file"] == "tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv" &&
          line["provenance"]["line"].is_number();
    }
  }
  EXPECT_TRUE(duty_line_cites_tariff) << j["lines"].dump();
  EXPECT_EQ(j["fx"][0]["from"], "USD");
  EXPECT_EQ(j["fx"][0]["date"], "2025-05-09");
}

TEST(KontorCliTest, JsonRequestOnStandardInput) {
  CliRun r = kontor("landed-cost --request - --json",
                    "{\"hs_code\":\"9617.00.00\",\"origin\":\"CN\",\"destination\":\"DE\","
                    "\"goods_value\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},"
                    "\"incoterm\":\"CIF\",\"quantity\":\"100 pcs\",\"as_of\":\"2025-05-09\"}");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["total"]["amount"], "1269.73");
  EXPECT_EQ(j["per_unit"]["amount"], "12.6973");
}

TEST(KontorCliTest, TableShowsTotalsAndSources) {
  CliRun r = kontor(kBottles);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Total landed cost"), std::string::npos);
  EXPECT_NE(r.out.find("fx_ecb_eurofxref_hist.csv"), std::string::npos);
  EXPECT_NE(r.out.find("tax_vat_rates_eu_ibericode.csv"), std::string::npos);
}

TEST(KontorCliTest, DutyExplainsEachPart) {
  CliRun r = kontor(
      "duty --hs-code 0709.54.00 --origin KR --destination US "
      "--customs-value '5000 USD' --measure '800 kg' --as-of 2025-05-09 --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["duty"]["amount"], "1070.40");  // 8.8¢/kg × 800 kg + 20% × 5,000.00
}

TEST(KontorCliTest, DemoRuns) {
  CliRun r = kontor("demo --no-details");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Vacuum bottles"), std::string::npos);
}

}  // namespace

namespace {

// The flagship query: Portuguese text finds the vacuum flasks of the demo marketplace, within
// the quantity and the price target in euros.
TEST(KontorCliTest, SearchFindsBottlesAcrossLanguages) {
  CliRun r = kontor(
      "search 'garrafa térmica de aço inox' --qty 2000 --max-price 12EUR "
      "--demo-products 1000 --fx-date 2025-05-09 --limit 5 --json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["query_lang"], "pt");
  EXPECT_TRUE(j["demo"].get<bool>());
  ASSERT_FALSE(j["results"].empty());
  const auto& top = j["results"][0];
  EXPECT_NE(top["category_path"].dump().find("Vacuum Flasks"), std::string::npos) << top.dump();
  EXPECT_FALSE(top["matched_terms"].empty());
}

TEST(KontorCliTest, SearchRejectsABadPriceTarget) {
  CliRun r = kontor("search bottle --max-price 'cheap' --demo-products 1000");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out.rfind("kontor: error: max-price", 0), 0u) << r.out;
}

// Import is atomic and idempotent; the search then runs on the imported catalog.
TEST(KontorCliTest, CatalogImportTwiceChangesNothing) {
  const std::string db = ::testing::TempDir() + "kontor_cli_catalog.db";
  std::remove(db.c_str());
  const std::string files = std::string(KONTOR_TEST_DIR) + "/../catalog/data/";
  const std::string import = "catalog import --db '" + db + "' '" + files + "suppliers.csv' '" +
                             files + "products.csv' '" + files + "offers.csv'";
  CliRun first = kontor(import);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find(" 0 unchanged"), std::string::npos) << first.out;
  CliRun second = kontor(import);
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_NE(second.out.find(" 0 new, 0 updated"), std::string::npos) << second.out;
  CliRun search = kontor("search towel --db '" + db + "' --json");
  ASSERT_EQ(search.exit_code, 0) << search.out;
  EXPECT_FALSE(nlohmann::json::parse(search.out)["demo"].get<bool>());
  std::remove(db.c_str());
}

}  // namespace
