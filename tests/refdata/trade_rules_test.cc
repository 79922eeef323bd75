#include "refdata/trade_rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_data.h"

namespace kontor::refdata {
namespace {

using testing::D;

const TradeRules& rules() {
  static const TradeRules table = testing::must(TradeRules::load(KONTOR_REPO_DATA_DIR));
  return table;
}
CountryCode cc(const char* code) { return CountryCode::parse(code).value(); }
Decimal dec(const char* text) { return Decimal::parse(text).value(); }

TEST(TradeRulesTest, MpfFormalFiscalYear2025) {
  auto mpf = rules().us_fee(UsFeeKind::kMpfFormal, D("2025-03-01"));
  ASSERT_TRUE(mpf.ok()) << mpf.status().to_string();
  EXPECT_EQ((*mpf)->rate, dec("0.003464"));
  EXPECT_EQ(*(*mpf)->minimum, dec("32.71"));
  EXPECT_EQ(*(*mpf)->maximum, dec("634.62"));
  EXPECT_EQ((*mpf)->valid_from, D("2024-10-01"));
  EXPECT_EQ((*mpf)->valid_to, D("2025-09-30"));
  EXPECT_EQ((*mpf)->provenance.source->file, "us_user_fees.csv");
  EXPECT_NE((*mpf)->source.find("2024-15990"), std::string::npos);
}

// The shared landed-cost vectors state MPF amounts for FY2025; the table must reproduce them
// (ad valorem, clamped to the minimum and maximum, to the cent).
TEST(TradeRulesTest, MpfParametersReproduceTheSharedTestVectors) {
  std::ifstream in(std::string(KONTOR_DEFAULT_BENCH_DIR) + "/landed_cost/test_vectors.json");
  ASSERT_TRUE(in.good());
  const nlohmann::json doc = nlohmann::json::parse(in);
  int checked = 0;
  for (const auto& v : doc["vectors"]) {
    if (v["id"].get<std::string>().rfind("us_mpf_hmf_fy2025", 0) != 0) continue;
    const UsFeeRule* mpf = rules().us_fee(UsFeeKind::kMpfFormal, D("2025-03-01")).value();
    const Decimal value = dec(v["inputs"]["entered_value"].dump().c_str());
    const Decimal fee = Decimal::min(Decimal::max(value * mpf->rate, *mpf->minimum), *mpf->maximum)
                            .rounded(2, RoundingMode::kHalfUp);
    EXPECT_EQ(fee, dec(v["expected"]["mpf"].dump().c_str())) << v["id"];
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

TEST(TradeRulesTest, MpfOfTheNextFiscalYear) {
  auto mpf = rules().us_fee(UsFeeKind::kMpfFormal, D("2025-10-01"));
  ASSERT_TRUE(mpf.ok());
  EXPECT_EQ(*(*mpf)->minimum, dec("33.58"));
  EXPECT_EQ(*(*mpf)->maximum, dec("651.50"));
}

TEST(TradeRulesTest, DateWithoutFeeRowIsFailedPreconditionNamingTheDate) {
  auto mpf = rules().us_fee(UsFeeKind::kMpfFormal, D("2027-01-15"));
  ASSERT_FALSE(mpf.ok());
  EXPECT_EQ(mpf.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(mpf.status().message().find("2027-01-15"), std::string::npos);
}

TEST(TradeRulesTest, InformalMpfFlatFee) {
  auto mpf = rules().us_fee(UsFeeKind::kMpfInformal, D("2025-03-01"), "automated");
  ASSERT_TRUE(mpf.ok());
  EXPECT_EQ(*(*mpf)->flat, dec("2.62"));
  EXPECT_EQ(rules().us_fee(UsFeeKind::kMpfInformal, D("2025-03-01"), "manual").status().code(),
            StatusCode::kFailedPrecondition);
}

TEST(TradeRulesTest, HarborMaintenanceFee) {
  auto hmf = rules().us_fee(UsFeeKind::kHmf, D("2025-03-01"));
  ASSERT_TRUE(hmf.ok());
  EXPECT_EQ((*hmf)->rate, dec("0.00125"));
}

TEST(TradeRulesTest, UsDeMinimisBeforeTheSuspension) {
  auto in_force = rules().de_minimis(cc("US"), "", D("2024-06-01"));
  ASSERT_EQ(in_force.size(), 1u);
  EXPECT_EQ(in_force[0]->threshold, Decimal(800));
  EXPECT_EQ(in_force[0]->currency, "USD");
  EXPECT_EQ(in_force[0]->scope, DeMinimisScope::kDutyAndTax);
  EXPECT_FALSE(in_force[0]->suspended);
  EXPECT_EQ(in_force[0]->valid_from, D("2016-03-10"));
}

TEST(TradeRulesTest, UsDeMinimisSuspendedForChinaFrom2025_05_02) {
  auto in_force = rules().de_minimis(cc("US"), "", D("2025-06-01"));
  ASSERT_EQ(in_force.size(), 2u);
  EXPECT_TRUE(in_force[1]->suspended);
  EXPECT_EQ(in_force[1]->origin_scope, "CN,HK");
}

TEST(TradeRulesTest, UsDeMinimisSuspendedForAllFrom2025_08_29) {
  EXPECT_EQ(rules().de_minimis(cc("US"), "", D("2025-08-28"))[0]->threshold, Decimal(800));
  auto in_force = rules().de_minimis(cc("US"), "", D("2025-08-29"));
  ASSERT_EQ(in_force.size(), 1u);
  EXPECT_TRUE(in_force[0]->suspended);
  EXPECT_EQ(in_force[0]->origin_scope, "");
  EXPECT_NE(in_force[0]->source.find("14324"), std::string::npos);
}

TEST(TradeRulesTest, EuMemberGetsTheUnionsDeMinimis) {
  auto in_force = rules().de_minimis(cc("DE"), "EU", D("2024-01-10"));
  ASSERT_EQ(in_force.size(), 2u);
  EXPECT_EQ(in_force[0]->scope, DeMinimisScope::kDuty);
  EXPECT_EQ(in_force[0]->threshold, Decimal(150));
  EXPECT_EQ(in_force[1]->scope, DeMinimisScope::kImportTax);
  EXPECT_TRUE(in_force[1]->suspended);
  auto before = rules().de_minimis(cc("DE"), "EU", D("2021-06-30"));
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[1]->threshold, Decimal(22));
}

TEST(TradeRulesTest, ValuationBasis) {
  EXPECT_EQ(rules().valuation(cc("US"), "").value()->basis, ValuationBasis::kFob);
  EXPECT_EQ(rules().valuation(cc("CA"), "").value()->basis, ValuationBasis::kFob);
  const ValuationRule* de = rules().valuation(cc("DE"), "EU").value();
  EXPECT_EQ(de->basis, ValuationBasis::kCif);
  EXPECT_EQ(de->jurisdiction, "EU");
  EXPECT_NE(de->source.find("Art. 71(1)(e)"), std::string::npos);
  EXPECT_EQ(rules().valuation(cc("GB"), "").value()->basis, ValuationBasis::kCif);
  EXPECT_EQ(valuation_basis_name(ValuationBasis::kFob), "FOB");
  EXPECT_EQ(rules().valuation(cc("AQ"), "").status().code(), StatusCode::kNotFound);
}

TEST(TradeRulesTest, EveryRowCitesASource) {
  for (const auto& r : rules().valuation_rules()) EXPECT_FALSE(r.source.empty());
  for (const auto& r : rules().de_minimis_rules()) EXPECT_FALSE(r.source.empty());
  for (const auto& r : rules().us_fee_rules()) EXPECT_FALSE(r.source.empty());
  EXPECT_EQ(rules().valuation_rules().size(), 15u);
}

}  // namespace
}  // namespace kontor::refdata
